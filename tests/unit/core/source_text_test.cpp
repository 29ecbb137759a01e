// Line index and spans: universal newlines, columns in UTF-8 bytes, original offsets.
#include <gtest/gtest.h>

#include "core/source_text.hpp"

namespace ca {
namespace {

TEST(LineIndex, UniversalNewlines) {
  LineIndex lines("a\nb\r\nc\rd");
  EXPECT_EQ(lines.line_count(), 4);
  EXPECT_EQ(lines.locate(0).line, 1);
  EXPECT_EQ(lines.locate(2).line, 2);
  EXPECT_EQ(lines.locate(3).line, 2);  // the \r of \r\n stays on line 2
  EXPECT_EQ(lines.locate(5).line, 3);
  EXPECT_EQ(lines.locate(7).line, 4);
  EXPECT_EQ(lines.locate(7).col, 0);
}

TEST(LineIndex, CountsAndEnds) {
  EXPECT_EQ(LineIndex("").line_count(), 0);
  EXPECT_EQ(LineIndex("x").line_count(), 1);
  EXPECT_EQ(LineIndex("x\n").line_count(), 1);
  EXPECT_EQ(LineIndex("x\n\n").line_count(), 2);
  LineIndex lines("x\n");
  EXPECT_EQ(lines.locate(2).line, 2);
  EXPECT_EQ(lines.locate(2).col, 0);
}

TEST(LineIndex, ColumnsAreUtf8Bytes) {
  LineIndex lines("é = 1\n");  // é is two bytes
  EXPECT_EQ(lines.locate(3).col, 3);
}

TEST(Span, MapsBackToOriginalOffsets) {
  SourceText text;
  text.utf8 = "ab";
  text.to_original = {3, 4, 5};  // e.g. a dropped BOM
  LineIndex lines(text.utf8);
  Span s = make_span(text, lines, 1, 2);
  EXPECT_EQ(s.bstart, 4);
  EXPECT_EQ(s.bend, 5);
  EXPECT_EQ(s.start_col, 1);
}

}  // namespace
}  // namespace ca
