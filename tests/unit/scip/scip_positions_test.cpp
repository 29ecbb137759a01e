// SCIP positions to canonical spans: every case asserts the exact bytes of the file an
// occurrence lands on, in each position encoding.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/source_text.hpp"
#include "evidence/scip/scip_positions.hpp"
#include "scan/decode.hpp"

namespace ca {
namespace {

constexpr ScipPositionOptions kUtf8{ScipPositionEncoding::Utf8, false};
constexpr ScipPositionOptions kUtf16{ScipPositionEncoding::Utf16, false};
constexpr ScipPositionOptions kUtf32{ScipPositionEncoding::Utf32, false};
/// An unspecified encoding: as scip-python writes positions.
constexpr ScipPositionOptions kScipPython{ScipPositionEncoding::Utf16, true};

/// A file's bytes decoded as the scan decodes them, with its line index.
struct File {
  std::string bytes;
  SourceText text;
  LineIndex lines;

  explicit File(std::string b) : bytes(std::move(b)), text(decode(bytes)), lines(text.utf8) {}

  static SourceText decode(std::string_view bytes) {
    auto r = decode_python_source(bytes);
    if (auto* e = std::get_if<DecodeError>(&r)) ADD_FAILURE() << e->message;
    auto* t = std::get_if<SourceText>(&r);
    return t ? *t : SourceText{};
  }

  /// The canonical span of a one-line SCIP range, or nullopt.
  std::optional<Span> span(ScipPositionOptions options, int64_t line, int64_t start,
                           int64_t end) const {
    ScipPositionMap map(text, lines, options);
    auto s = map.offset(line, start);
    auto e = map.offset(line, end);
    if (!s || !e) return std::nullopt;
    return make_span(text, lines, *s, *e);
  }

  /// The original bytes a span covers.
  std::string_view slice(const Span& s) const {
    return std::string_view(bytes).substr(static_cast<size_t>(s.bstart),
                                          static_cast<size_t>(s.bend - s.bstart));
  }

  ScipPositionProblem problem(ScipPositionOptions options, int64_t line, int64_t character) const {
    ScipPositionProblem why = ScipPositionProblem::None;
    EXPECT_FALSE(scip_position_to_offset(text, lines, options, line, character, &why));
    return why;
  }
};

void expect_span(const std::optional<Span>& s, int64_t bstart, int64_t bend, int32_t line,
                 int32_t start_col, int32_t end_col) {
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->bstart, bstart);
  EXPECT_EQ(s->bend, bend);
  EXPECT_EQ(s->start_line, line);
  EXPECT_EQ(s->end_line, line);
  EXPECT_EQ(s->start_col, start_col);
  EXPECT_EQ(s->end_col, end_col);
}

TEST(ScipPositions, Ascii) {
  File f("def foo():\n    return bar\n");
  for (auto options : {kUtf8, kUtf16, kUtf32, kScipPython}) {
    auto s = f.span(options, 1, 11, 14);
    expect_span(s, 22, 25, 2, 11, 14);
    EXPECT_EQ(f.slice(*s), "bar");
  }
  expect_span(f.span(kUtf16, 0, 4, 7), 4, 7, 1, 4, 7);
}

TEST(ScipPositions, MultiByteUtf8BeforeTheOccurrence) {
  // é is 2 UTF-8 bytes, ✓ (U+2713) 3; each is one UTF-16 unit and one code point.
  File f("x = \"é✓\"; y = 1\n");
  auto utf8 = f.span(kUtf8, 0, 13, 14);
  auto utf16 = f.span(kUtf16, 0, 10, 11);
  auto utf32 = f.span(kUtf32, 0, 10, 11);
  for (const auto& s : {utf8, utf16, utf32}) {
    expect_span(s, 13, 14, 1, 13, 14);
    EXPECT_EQ(f.slice(*s), "y");
  }
  // The whole string literal, from the quote to after the closing quote.
  expect_span(f.span(kUtf16, 0, 4, 8), 4, 11, 1, 4, 11);
  expect_span(f.span(kUtf8, 0, 4, 11), 4, 11, 1, 4, 11);
}

TEST(ScipPositions, SurrogatePairBeforeTheOccurrence) {
  // 😀 (U+1F600): 4 UTF-8 bytes, a surrogate pair of 2 UTF-16 units, 1 code point.
  File f("s = \"😀\"; t = 1\n");
  expect_span(f.span(kUtf8, 0, 12, 13), 12, 13, 1, 12, 13);
  expect_span(f.span(kUtf16, 0, 10, 11), 12, 13, 1, 12, 13);
  expect_span(f.span(kUtf32, 0, 9, 10), 12, 13, 1, 12, 13);
  EXPECT_EQ(f.slice(*f.span(kUtf16, 0, 10, 11)), "t");
  // The emoji itself.
  EXPECT_EQ(f.slice(*f.span(kUtf16, 0, 5, 7)), "😀");
  EXPECT_EQ(f.slice(*f.span(kUtf32, 0, 5, 6)), "😀");
  EXPECT_EQ(f.slice(*f.span(kUtf8, 0, 5, 9)), "😀");
}

TEST(ScipPositions, InsideACharacterIsNoPosition) {
  File f("s = \"😀é\"\n");
  // The second unit of the surrogate pair.
  EXPECT_EQ(f.problem(kUtf16, 0, 6), ScipPositionProblem::InsideCharacter);
  EXPECT_TRUE(scip_position_to_offset(f.text, f.lines, kUtf16, 0, 7));  // é
  // Inside the emoji's and é's UTF-8 sequences.
  for (int c : {6, 7, 8, 10})
    EXPECT_EQ(f.problem(kUtf8, 0, c), ScipPositionProblem::InsideCharacter);
  EXPECT_EQ(*scip_position_to_offset(f.text, f.lines, kUtf8, 0, 9), 9u);
  // UTF-32 has no such positions.
  EXPECT_EQ(*scip_position_to_offset(f.text, f.lines, kUtf32, 0, 6), 9u);
}

TEST(ScipPositions, CrLfLineEndings) {
  File f("a = 1\r\nb = a\r\n");
  auto s = f.span(kUtf16, 1, 4, 5);
  expect_span(s, 11, 12, 2, 4, 5);
  EXPECT_EQ(f.slice(*s), "a");
  // The end of line 0 is before its \r\n; the \r is not part of the line.
  EXPECT_EQ(*scip_position_to_offset(f.text, f.lines, kUtf8, 0, 5), 5u);
  EXPECT_EQ(f.problem(kUtf8, 0, 6), ScipPositionProblem::PastLineEnd);
}

TEST(ScipPositions, LoneCrLineEndings) {
  File f("a = 1\rb = a\rc = b\n");
  auto s = f.span(kUtf16, 2, 4, 5);
  expect_span(s, 16, 17, 3, 4, 5);
  EXPECT_EQ(f.slice(*s), "b");
  expect_span(f.span(kUtf8, 1, 0, 1), 6, 7, 2, 0, 1);
  EXPECT_EQ(f.problem(kUtf16, 0, 6), ScipPositionProblem::PastLineEnd);
}

TEST(ScipPositions, TabIsOneUnit) {
  File f("if x:\n\tif x: y = 1\n");
  for (auto options : {kUtf8, kUtf16, kUtf32}) {
    auto s = f.span(options, 1, 4, 5);
    expect_span(s, 10, 11, 2, 4, 5);
    EXPECT_EQ(f.slice(*s), "x");
  }
}

TEST(ScipPositions, Utf8BomFile) {
  File f(
      "\xEF\xBB\xBF"
      "a = 1; b = a\n");
  ASSERT_TRUE(has_utf8_bom(f.text));
  // Declared encodings count from the text after the BOM; offsets are in the file's bytes.
  for (auto options : {kUtf8, kUtf16, kUtf32}) {
    auto s = f.span(options, 0, 7, 8);
    expect_span(s, 10, 11, 1, 7, 8);
    EXPECT_EQ(f.slice(*s), "b");
  }
  // scip-python counts the BOM as one character of line 0.
  auto s = f.span(kScipPython, 0, 8, 9);
  expect_span(s, 10, 11, 1, 7, 8);
  EXPECT_EQ(f.slice(*s), "b");
  expect_span(f.span(kScipPython, 0, 1, 2), 3, 4, 1, 0, 1);  // a
  expect_span(f.span(kScipPython, 0, 0, 0), 3, 3, 1, 0, 0);  // before the BOM: the start
  // A BOM counted as 3 UTF-8 bytes has no position inside it.
  constexpr ScipPositionOptions kUtf8WithBom{ScipPositionEncoding::Utf8, true};
  EXPECT_EQ(f.problem(kUtf8WithBom, 0, 2), ScipPositionProblem::InsideCharacter);
  expect_span(f.span(kUtf8WithBom, 0, 10, 11), 10, 11, 1, 7, 8);
  // Only line 0 holds the BOM.
  File g(
      "\xEF\xBB\xBF"
      "a = 1\nb = a\n");
  expect_span(g.span(kScipPython, 1, 4, 5), 13, 14, 2, 4, 5);
  // Without a BOM the option changes nothing.
  File h("a = 1; b = a\n");
  EXPECT_FALSE(has_utf8_bom(h.text));
  expect_span(h.span(kScipPython, 0, 7, 8), 7, 8, 1, 7, 8);
}

TEST(ScipPositions, Latin1FileOriginalOffsetsDiffer) {
  // é is one byte (0xE9) in the file, two in UTF-8: original offsets and UTF-8 columns part.
  File f("# -*- coding: latin-1 -*-\nx = '\xE9'; y = 2\n");
  ASSERT_EQ(f.text.encoding, "iso-8859-1");
  for (auto options : {kUtf16, kUtf32, kScipPython}) {
    auto s = f.span(options, 1, 9, 10);
    expect_span(s, 35, 36, 2, 10, 11);
    EXPECT_EQ(f.slice(*s), "y");
  }
  // UTF-8 positions count the bytes of the decoded text.
  expect_span(f.span(kUtf8, 1, 10, 11), 35, 36, 2, 10, 11);
  auto e = f.span(kUtf16, 1, 5, 6);
  expect_span(e, 31, 32, 2, 5, 7);
  EXPECT_EQ(f.slice(*e), "\xE9");
}

TEST(ScipPositions, ExactEndOfLine) {
  File f("ab\ncd");
  for (auto options : {kUtf8, kUtf16, kUtf32}) {
    expect_span(f.span(options, 0, 0, 2), 0, 2, 1, 0, 2);
    expect_span(f.span(options, 1, 0, 2), 3, 5, 2, 0, 2);  // the last line, no terminator
    EXPECT_EQ(f.problem(options, 0, 3), ScipPositionProblem::PastLineEnd);
    EXPECT_EQ(f.problem(options, 1, 3), ScipPositionProblem::PastLineEnd);
  }
  File g("x = \"😀\"\n");
  expect_span(g.span(kUtf16, 0, 8, 8), 10, 10, 1, 10, 10);
  EXPECT_EQ(g.problem(kUtf16, 0, 9), ScipPositionProblem::PastLineEnd);
  expect_span(g.span(kUtf32, 0, 7, 7), 10, 10, 1, 10, 10);
  EXPECT_EQ(g.problem(kUtf32, 0, 8), ScipPositionProblem::PastLineEnd);
}

TEST(ScipPositions, LinePastTheEnd) {
  File f("ab\ncd");
  EXPECT_EQ(f.problem(kUtf16, 2, 0), ScipPositionProblem::NoSuchLine);
  EXPECT_EQ(f.problem(kUtf16, 1000000, 0), ScipPositionProblem::NoSuchLine);
  // After a final line terminator, the empty line an editor shows is a position.
  File g("ab\n");
  expect_span(g.span(kUtf16, 1, 0, 0), 3, 3, 2, 0, 0);
  EXPECT_EQ(g.problem(kUtf16, 1, 1), ScipPositionProblem::PastLineEnd);
  EXPECT_EQ(g.problem(kUtf16, 2, 0), ScipPositionProblem::NoSuchLine);
  File empty("");
  expect_span(empty.span(kUtf8, 0, 0, 0), 0, 0, 1, 0, 0);
  EXPECT_EQ(empty.problem(kUtf8, 1, 0), ScipPositionProblem::NoSuchLine);
}

TEST(ScipPositions, NegativeNumbers) {
  File f("ab\n");
  EXPECT_EQ(f.problem(kUtf16, -1, 0), ScipPositionProblem::Negative);
  EXPECT_EQ(f.problem(kUtf16, 0, -1), ScipPositionProblem::Negative);
}

TEST(ScipPositions, LineLengthInUnits) {
  File f("s = \"😀é\"\r\nab\n");
  ScipPositionMap utf8(f.text, f.lines, kUtf8), utf16(f.text, f.lines, kUtf16),
      utf32(f.text, f.lines, kUtf32);
  EXPECT_EQ(utf8.line_length(0), 12);
  EXPECT_EQ(utf16.line_length(0), 9);
  EXPECT_EQ(utf32.line_length(0), 8);
  EXPECT_EQ(utf16.line_length(1), 2);
  EXPECT_EQ(utf16.line_length(2), 0);
  EXPECT_EQ(utf16.line_length(3), std::nullopt);
}

TEST(LineIndexLineRange, ExcludesTerminators) {
  std::string_view text = "a\nbc\r\nd\re\r\r\n";
  LineIndex lines(text);
  using R = std::pair<size_t, size_t>;
  EXPECT_EQ(lines.line_range(1, text), R(0, 1));
  EXPECT_EQ(lines.line_range(2, text), R(2, 4));
  EXPECT_EQ(lines.line_range(3, text), R(6, 7));
  EXPECT_EQ(lines.line_range(4, text), R(8, 9));
  EXPECT_EQ(lines.line_range(5, text), R(10, 10));  // "\r\n" alone
  EXPECT_EQ(lines.line_range(6, text), R(12, 12));  // after the final terminator
  EXPECT_EQ(lines.line_range(7, text), std::nullopt);
  EXPECT_EQ(lines.line_range(0, text), std::nullopt);
  EXPECT_EQ(LineIndex("").line_range(1, ""), R(0, 0));
  EXPECT_EQ(LineIndex("xy").line_range(1, "xy"), R(0, 2));
}

}  // namespace
}  // namespace ca
