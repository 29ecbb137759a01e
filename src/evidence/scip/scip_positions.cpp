// SCIP (line, character) positions to UTF-8 offsets; see scip_positions.hpp.
#include "evidence/scip/scip_positions.hpp"

#include <algorithm>

namespace ca {

namespace {

/// Bytes of the UTF-8 sequence `lead` starts (1 for a byte that cannot start one).
size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

}  // namespace

std::string_view to_string(ScipPositionEncoding encoding) {
  switch (encoding) {
    case ScipPositionEncoding::Utf8:
      return "utf8";
    case ScipPositionEncoding::Utf16:
      return "utf16";
    case ScipPositionEncoding::Utf32:
      return "utf32";
  }
  return "utf16";
}

bool has_utf8_bom(const SourceText& text) {
  // The decoder maps utf8 offsets to the original bytes only when it dropped a BOM or
  // decoded another encoding; a BOM is only accepted with UTF-8.
  return text.encoding == "utf-8" && !text.to_original.empty() && text.to_original[0] == 3;
}

ScipPositionMap::ScipPositionMap(const SourceText& text, const LineIndex& lines,
                                 ScipPositionOptions options)
    : text_(text), lines_(lines), options_(options) {
  if (options_.bom_is_character && has_utf8_bom(text_))
    bom_units_ = options_.encoding == ScipPositionEncoding::Utf8 ? 3 : 1;
}

const ScipPositionMap::LineUnits* ScipPositionMap::units_of(int64_t line, size_t start,
                                                            size_t end) {
  auto found = cache_.find(line);
  if (found != cache_.end()) return found->second.get();
  const std::string_view utf8 = text_.utf8;
  const bool ascii = std::all_of(utf8.begin() + static_cast<std::ptrdiff_t>(start),
                                 utf8.begin() + static_cast<std::ptrdiff_t>(end),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::unique_ptr<LineUnits> units;
  if (!ascii) {
    units = std::make_unique<LineUnits>();
    std::vector<uint32_t>& map = units->byte_of_unit;
    map.reserve(end - start + 1);
    for (size_t i = start; i < end;) {
      const size_t n = std::min(sequence_length(static_cast<unsigned char>(utf8[i])), end - i);
      map.push_back(static_cast<uint32_t>(i - start));
      // Four UTF-8 bytes encode a code point above U+FFFF: a surrogate pair in UTF-16.
      if (n == 4 && options_.encoding == ScipPositionEncoding::Utf16) map.push_back(kInside);
      i += n;
    }
    map.push_back(static_cast<uint32_t>(end - start));
  }
  return cache_.emplace(line, std::move(units)).first->second.get();
}

std::optional<int64_t> ScipPositionMap::line_length(int64_t line) {
  if (line < 0 || line >= INT32_MAX) return std::nullopt;
  auto range = lines_.line_range(line + 1, text_.utf8);
  if (!range) return std::nullopt;
  const auto [start, end] = *range;
  int64_t length = static_cast<int64_t>(end - start);
  if (options_.encoding != ScipPositionEncoding::Utf8) {
    if (const LineUnits* units = units_of(line, start, end))
      length = static_cast<int64_t>(units->byte_of_unit.size()) - 1;
  }
  return length + (line == 0 ? bom_units_ : 0);
}

std::optional<size_t> ScipPositionMap::offset(int64_t line, int64_t character,
                                              ScipPositionProblem* problem) {
  auto fail = [&](ScipPositionProblem why) -> std::optional<size_t> {
    if (problem) *problem = why;
    return std::nullopt;
  };
  if (problem) *problem = ScipPositionProblem::None;
  if (line < 0 || character < 0) return fail(ScipPositionProblem::Negative);
  if (line >= INT32_MAX) return fail(ScipPositionProblem::NoSuchLine);
  auto range = lines_.line_range(line + 1, text_.utf8);
  if (!range) return fail(ScipPositionProblem::NoSuchLine);
  const auto [start, end] = *range;
  if (line == 0 && bom_units_ > 0) {
    // Before the BOM is the start of the text; inside it is no position.
    if (character == 0) return start;
    if (character < bom_units_) return fail(ScipPositionProblem::InsideCharacter);
    character -= bom_units_;
  }
  const LineUnits* units =
      options_.encoding == ScipPositionEncoding::Utf8 ? nullptr : units_of(line, start, end);
  if (!units) {  // units are bytes
    if (static_cast<uint64_t>(character) > end - start)
      return fail(ScipPositionProblem::PastLineEnd);
    const size_t at = start + static_cast<size_t>(character);
    if (at < end && is_continuation(static_cast<unsigned char>(text_.utf8[at])))
      return fail(ScipPositionProblem::InsideCharacter);
    return at;
  }
  if (static_cast<uint64_t>(character) >= units->byte_of_unit.size())
    return fail(ScipPositionProblem::PastLineEnd);
  const uint32_t byte = units->byte_of_unit[static_cast<size_t>(character)];
  if (byte == kInside) return fail(ScipPositionProblem::InsideCharacter);
  return start + byte;
}

std::optional<size_t> scip_position_to_offset(const SourceText& text, const LineIndex& lines,
                                              ScipPositionOptions options, int64_t line,
                                              int64_t character, ScipPositionProblem* problem) {
  return ScipPositionMap(text, lines, options).offset(line, character, problem);
}

}  // namespace ca
