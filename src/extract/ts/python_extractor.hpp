// The tree-sitter layer: parses one decoded file with tree-sitter-python and emits its
// syntax facts (ts_* rows) and syntax-error diagnostics into FileFacts.
#pragma once

#include <string>

#include "core/source_text.hpp"
#include "extract/facts.hpp"

namespace ca {

/// What the extractor needs to know about the file besides its text.
struct FileContext {
  FileId file_id = 0;
  std::string path;    ///< repo-relative path, used in node ids
  std::string module;  ///< dotted module name, prefix of qualnames
  int64_t size_bytes = 0;  ///< original size; the MODULE node spans [0, size_bytes)
  NodeId module_scope_id = 0;  ///< node_id_for(path, MODULE, 0, size_bytes)
};

/// Result of extracting one file.
struct ExtractOutcome {
  bool has_syntax_errors = false;  ///< tree-sitter found ERROR or MISSING nodes
};

/// Parses `text` and appends the file's scopes, definitions, parameters, name occurrences,
/// imports, calls, decorators, class bases, returns/yields, docstrings and global/nonlocal
/// declarations to `facts`. Syntax errors become diagnostics (layer "ts", code
/// "syntax_error") and every fact tree-sitter recovers is kept. Never throws for bad input.
ExtractOutcome extract_python_syntax(const SourceText& text, const FileContext& context,
                                     FileFacts& facts);

}  // namespace ca
