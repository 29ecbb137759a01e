// Syntax-error reporting: one diagnostic per ERROR and MISSING node of a tree-sitter tree.
#pragma once

#include <tree_sitter/api.h>

#include <cstddef>
#include <vector>

#include "core/source_text.hpp"
#include "extract/facts.hpp"
#include "extract/ts/python_extractor.hpp"

namespace ca::ts {

/// Most syntax-error diagnostics emitted for one file; the rest are counted in one row.
inline constexpr size_t kMaxSyntaxErrorsPerFile = 50;

/// Appends a "syntax_error" diagnostic (layer "ts") for every ERROR and MISSING node below
/// `root`, in source order, at most kMaxSyntaxErrorsPerFile followed by one row saying how
/// many more were found. Walks only subtrees that contain errors, without recursion.
/// Returns the number of ERROR/MISSING nodes found.
size_t report_syntax_errors(TSNode root, const SourceText& text, const LineIndex& lines,
                            const FileContext& context, std::vector<DiagnosticRow>& out);

/// A diagnostic row of layer "ts" for `context`'s file; `span` may be absent (whole file).
DiagnosticRow make_ts_diagnostic(const FileContext& context, std::string code, std::string message,
                                 const Span* span);

}  // namespace ca::ts
