// Syntax-error diagnostics from ERROR and MISSING nodes; see syntax_errors.hpp.
#include "extract/ts/syntax_errors.hpp"

#include <string>
#include <string_view>
#include <utility>

namespace ca::ts {
namespace {

/// Longest excerpt of erroneous source quoted in a message.
constexpr size_t kMaxExcerpt = 40;

/// The first line of the node's text, shortened to kMaxExcerpt bytes on a UTF-8 boundary.
std::string excerpt(std::string_view text) {
  size_t end = text.find_first_of("\r\n");
  if (end == std::string_view::npos) end = text.size();
  bool cut = end < text.size();
  if (end > kMaxExcerpt) {
    end = kMaxExcerpt;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    cut = true;
  }
  std::string out(text.substr(0, end));
  if (cut) out += "...";
  return out;
}

}  // namespace

DiagnosticRow make_ts_diagnostic(const FileContext& context, std::string code, std::string message,
                                 const Span* span) {
  DiagnosticRow row;
  row.file_id = context.file_id;
  row.path = context.path;
  row.layer = "ts";
  row.severity = "error";
  row.code = std::move(code);
  row.message = std::move(message);
  if (span != nullptr) {
    row.bstart = span->bstart;
    row.bend = span->bend;
    row.start_line = span->start_line;
    row.start_col = span->start_col;
    row.end_line = span->end_line;
    row.end_col = span->end_col;
  }
  return row;
}

size_t report_syntax_errors(TSNode root, const SourceText& text, const LineIndex& lines,
                            const FileContext& context, std::vector<DiagnosticRow>& out) {
  if (!ts_node_has_error(root)) return 0;
  size_t found = 0;
  std::string_view src = text.utf8;
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  bool done = false;
  while (!done) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    bool is_error = ts_node_is_error(node);
    bool is_missing = ts_node_is_missing(node);
    if (is_error || is_missing) {
      ++found;
      if (found <= kMaxSyntaxErrorsPerFile) {
        uint32_t start = ts_node_start_byte(node);
        uint32_t end = ts_node_end_byte(node);
        Span span = make_span(text, lines, start, end);
        std::string what;
        if (is_missing) {
          what = "missing '" + std::string(ts_node_type(node)) + "'";
        } else if (end > start) {
          what = "unexpected '" + excerpt(src.substr(start, end - start)) + "'";
        } else {
          what = "unexpected input";
        }
        out.push_back(make_ts_diagnostic(
            context, "syntax_error",
            "syntax error: " + what + " (line " + std::to_string(span.start_line) + ")", &span));
      }
    }
    // Descend only into subtrees that contain an error; otherwise move on.
    if (ts_node_has_error(node) && !is_missing && ts_tree_cursor_goto_first_child(&cursor)) {
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        done = true;
        break;
      }
    }
  }
  ts_tree_cursor_delete(&cursor);
  if (found > kMaxSyntaxErrorsPerFile) {
    size_t more = found - kMaxSyntaxErrorsPerFile;
    out.push_back(make_ts_diagnostic(context, "syntax_error",
                                     "syntax error: " + std::to_string(more) +
                                         " more syntax errors omitted (first " +
                                         std::to_string(kMaxSyntaxErrorsPerFile) + " reported)",
                                     nullptr));
  }
  return found;
}

}  // namespace ca::ts
