// Line index and span construction; see source_text.hpp.
#include "core/source_text.hpp"

#include <algorithm>

namespace ca {

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
      starts_.push_back(static_cast<uint32_t>(i + 1));
  }
  line_count_ = static_cast<int32_t>(starts_.size());
  if (text.empty() || starts_.back() == text.size()) --line_count_;
}

LineCol LineIndex::locate(size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), static_cast<uint32_t>(offset));
  size_t line = static_cast<size_t>(it - starts_.begin());  // 1-based
  return LineCol{static_cast<int32_t>(line), static_cast<int32_t>(offset - starts_[line - 1])};
}

size_t LineIndex::offset_of(int32_t line, int32_t col, size_t text_size) const {
  if (line < 1) return 0;
  if (static_cast<size_t>(line) > starts_.size()) return text_size;
  const int64_t offset = static_cast<int64_t>(starts_[static_cast<size_t>(line) - 1]) + col;
  return static_cast<size_t>(std::clamp<int64_t>(offset, 0, static_cast<int64_t>(text_size)));
}

std::optional<std::pair<size_t, size_t>> LineIndex::line_range(int64_t line,
                                                               std::string_view text) const {
  if (line < 1 || static_cast<uint64_t>(line) > starts_.size()) return std::nullopt;
  const size_t i = static_cast<size_t>(line) - 1;
  const size_t start = starts_[i];
  size_t end = i + 1 < starts_.size() ? starts_[i + 1] : text.size();
  if (end > start && text[end - 1] == '\n') --end;
  if (end > start && text[end - 1] == '\r') --end;
  return std::pair{start, end};
}

Span make_span(const SourceText& text, const LineIndex& lines, size_t start, size_t end) {
  LineCol s = lines.locate(start);
  LineCol e = lines.locate(end);
  return Span{text.original_offset(start), text.original_offset(end), s.line, s.col, e.line, e.col};
}

}  // namespace ca
