// Text for Graphviz DOT files, shared by every writer of DOT (graph pictures, the task plan).
#pragma once

#include <string>
#include <string_view>

namespace ca {

/// `s` as a double-quoted DOT string: backslashes and quotes escaped, newlines as `\n`,
/// other control characters as spaces.
std::string dot_quote(std::string_view s);

}  // namespace ca
