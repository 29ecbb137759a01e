// The tree-sitter layer: parses one decoded file with tree-sitter-python and emits its
// syntax facts (ts_* rows) and syntax-error diagnostics into FileFacts.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/source_text.hpp"
#include "extract/facts.hpp"

namespace ca {

/// What the extractor needs to know about the file besides its text.
struct FileContext {
  FileId file_id = 0;
  std::string path;            ///< repo-relative path, used in node ids
  std::string module;          ///< dotted module name, prefix of qualnames
  int64_t size_bytes = 0;      ///< original size; the MODULE node spans [0, size_bytes)
  NodeId module_scope_id = 0;  ///< node_id_for(path, MODULE, 0, size_bytes)
};

/// Result of extracting one file.
struct ExtractOutcome {
  bool has_syntax_errors = false;  ///< tree-sitter found ERROR or MISSING nodes
  bool timed_out = false;          ///< parsing exceeded the time budget; no facts emitted
};

struct ExtractOptions {
  /// Parse time budget per file in milliseconds (0 = none). A file over it gets a
  /// diagnostic "parse_timeout" and no syntax facts.
  int64_t parse_timeout_ms = 0;
};

/// Extracts syntax facts with tree-sitter. Holds a parser: make one per worker thread;
/// an instance is not thread-safe, distinct instances are independent.
class PythonSyntaxExtractor {
 public:
  explicit PythonSyntaxExtractor(ExtractOptions options = {});
  ~PythonSyntaxExtractor();
  PythonSyntaxExtractor(const PythonSyntaxExtractor&) = delete;
  PythonSyntaxExtractor& operator=(const PythonSyntaxExtractor&) = delete;

  /// Parses `text` and appends the file's scopes, definitions, parameters, name
  /// occurrences, imports, calls, decorators, class bases, returns/yields, docstrings and
  /// global/nonlocal declarations to `facts`. Syntax errors become diagnostics (layer
  /// "ts", code "syntax_error") and every fact tree-sitter recovers is kept. Never throws
  /// for bad input (deeply nested code included: the walk does not recurse on the stack).
  ExtractOutcome extract(const SourceText& text, const FileContext& context, FileFacts& facts);

  /// Parses `text` and discards the tree: the cost floor of this layer. Returns false when
  /// the parse ran out of its time budget.
  bool parse_only(const SourceText& text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ca
