// Placeholder, replaced by the binder.
#include "resolve/local_binder.hpp"
namespace ca {
void bind_file_names(const FileContext&, FileFacts&) {}
}  // namespace ca
