// A file's text as the parser sees it (UTF-8) together with the way back to the file's own
// bytes, and the line index that turns offsets into 1-based lines and 0-based UTF-8 byte
// columns (as CPython's ast reports them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ca {

/// Decoded text of one file. Spans are computed on `utf8` and stored as offsets into the
/// original bytes through `original_offset`.
struct SourceText {
  std::string utf8;  ///< the text in UTF-8 (a UTF-8 BOM removed)
  /// utf8 offset -> original byte offset, size utf8.size()+1; empty when the two coincide.
  std::vector<uint32_t> to_original;
  std::string encoding = "utf-8";  ///< what the file was decoded from

  /// The byte offset in the original file of `utf8_offset` (which may equal utf8.size()).
  int64_t original_offset(size_t utf8_offset) const {
    return to_original.empty() ? static_cast<int64_t>(utf8_offset) : to_original[utf8_offset];
  }
};

/// 1-based line and 0-based byte column of an offset.
struct LineCol {
  int32_t line = 1;
  int32_t col = 0;
};

/// Line starts of a text. Lines end at "\n", "\r\n" or a lone "\r" (Python's universal
/// newlines).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  /// Line and column of `offset` (0 <= offset <= text size).
  LineCol locate(size_t offset) const;
  /// Number of lines: 0 for an empty text; a final line without terminator counts.
  int32_t line_count() const { return line_count_; }
  /// The offset of 1-based `line` and 0-based byte `col` (the inverse of locate), clamped
  /// to [0, text_size]: a line past the end gives text_size, a column past its line's end
  /// runs into the next line as the bytes do.
  size_t offset_of(int32_t line, int32_t col, size_t text_size) const;
  /// Start and end (the line terminator excluded) of 1-based `line` of `text`, the text this
  /// index was built from. Besides the line_count() lines, the empty line after a final
  /// terminator (and the one line of an empty text) exists, as an editor shows it; nullopt
  /// for any other line.
  std::optional<std::pair<size_t, size_t>> line_range(int64_t line, std::string_view text) const;

 private:
  std::vector<uint32_t> starts_;
  int32_t line_count_ = 0;
};

/// A located span: original byte offsets (end exclusive) and line/column of both ends.
struct Span {
  int64_t bstart = 0;
  int64_t bend = 0;
  int32_t start_line = 0;
  int32_t start_col = 0;
  int32_t end_line = 0;
  int32_t end_col = 0;

  bool operator==(const Span&) const = default;
};

/// Builds a Span from utf8 offsets [start, end) of `text`.
Span make_span(const SourceText& text, const LineIndex& lines, size_t start, size_t end);

}  // namespace ca
