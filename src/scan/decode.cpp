// Placeholder, replaced by the decoder implementation.
#include "scan/decode.hpp"
namespace ca {
std::variant<SourceText, DecodeError> decode_python_source(std::string_view bytes) {
  SourceText t;
  t.utf8 = std::string(bytes);
  return t;
}
}  // namespace ca
