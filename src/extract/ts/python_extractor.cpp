// Placeholder, replaced by the tree-sitter extractor.
#include "extract/ts/python_extractor.hpp"
namespace ca {
ExtractOutcome extract_python_syntax(const SourceText&, const FileContext&, FileFacts&) { return {}; }
}  // namespace ca
