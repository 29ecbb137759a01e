// Tests of the golden harness itself: case-file parsing, caret anchoring, module bytes and
// the reporting of malformed assertions (no graph is built here).
#include <gtest/gtest.h>

#include "golden/case_file.hpp"

namespace ca::golden {
namespace {

TEST(GoldenCaseParser, FileWithoutSeparatorIsMainPy) {
  auto c = parse_case("t.py", "x = 1\nprint(x)\n#     ^ refers_to: x@1\n");
  ASSERT_TRUE(c.errors.empty()) << c.errors.front();
  ASSERT_EQ(c.modules.size(), 1u);
  EXPECT_EQ(c.modules[0].path, "main.py");
  ASSERT_EQ(c.assertions.size(), 1u);
  const auto& a = c.assertions[0];
  EXPECT_EQ(a.case_line, 3);
  EXPECT_EQ(a.line, 2);
  EXPECT_EQ(a.offset, 6 + 6);  // line 2 starts at byte 6; the caret is under `x`
  const auto* e = std::get_if<EdgeAt>(&a.body);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->edge_kind, "REFERS_TO");
  EXPECT_EQ(e->match, Match::Exact);
  ASSERT_EQ(e->targets.size(), 1u);
  EXPECT_EQ(e->targets[0].to_string(), "x@1");
}

TEST(GoldenCaseParser, StackedAssertionsPointAtTheSameLine) {
  auto c = parse_case("t.py", "y = 1\nf(y)\n#^ node: CALL\n# ^ refers_to:\n");
  ASSERT_TRUE(c.errors.empty()) << c.errors.front();
  ASSERT_EQ(c.assertions.size(), 2u);
  EXPECT_EQ(c.assertions[1].line, 2);
  EXPECT_EQ(c.assertions[1].offset, 6 + 2);
}

TEST(GoldenCaseParser, SeparatorsAttributesAndDirectives) {
  auto c = parse_case("t.py",
                      "# preamble\n"
                      "#! @b.py status: decode_error\n"
                      "#--- path: pkg/a.py newline: crlf ---#\n"
                      "a = 1\n"
                      "#! count: VARIABLE 1\n"
                      "#--- path: b.py bytes: hex ---#\n"
                      "ff 00 41\n"
                      "#--- path: c.py encoding: latin-1 ---#\n"
                      "s = 'é'; t = s\n"
                      "#            ^ node: REFERENCE name=s text=s\n");
  ASSERT_TRUE(c.errors.empty()) << c.errors.front();
  ASSERT_EQ(c.modules.size(), 3u);
  EXPECT_EQ(c.modules[0].bytes, "a = 1\r\n#! count: VARIABLE 1\r\n");
  EXPECT_EQ(c.modules[1].bytes, std::string("\xff\x00\x41", 3));
  EXPECT_EQ(c.modules[2].bytes.substr(0, 7), "s = '\xe9'");
  ASSERT_EQ(c.assertions.size(), 3u);
  EXPECT_EQ(c.assertions[0].path, "b.py");
  EXPECT_EQ(c.assertions[1].path, "pkg/a.py");
  EXPECT_EQ(c.assertions[2].offset, 13);  // code point 13 is one byte past 'é' in latin-1
}

TEST(GoldenCaseParser, MalformedAssertionsReportTheirLine) {
  auto c = parse_case("bad.py",
                      "# ^ node: CLASS\n"          // 1: nothing to point at
                      "x = 1\n"                    // 2
                      "# ^ refers_to x@1\n"        // 3: no ':'
                      "# ^ node: THING\n"          // 4: unknown kind
                      "# ^ teleports: x@1\n"       // 5: unknown relation
                      "# ^ refers_to: x@one\n"     // 6: bad line
                      "#          ^ node: CALL\n"  // 7: past the end of line 2
                      "#! frobnicate: 1\n");       // 8: unknown directive
  ASSERT_EQ(c.errors.size(), 7u);
  const char* lines[] = {
      "bad.py:1:", "bad.py:3:", "bad.py:4:", "bad.py:5:", "bad.py:6:", "bad.py:7:", "bad.py:8:"};
  for (size_t i = 0; i < c.errors.size(); ++i)
    EXPECT_TRUE(c.errors[i].starts_with(lines[i])) << c.errors[i];
}

TEST(GoldenCaseParser, NegationAndIncludes) {
  auto c = parse_case("t.py",
                      "def f(a): pass\n"
                      "# ^ FUNCTION defines+: a@1\n"
                      "# ^ !FUNCTION|LAMBDA has_parameter: b@1\n"
                      "# ^ decorated_by:\n");
  ASSERT_TRUE(c.errors.empty()) << c.errors.front();
  ASSERT_EQ(c.assertions.size(), 3u);
  auto* d = std::get_if<EdgeAt>(&c.assertions[0].body);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->match, Match::Includes);
  EXPECT_EQ(d->source_kinds, std::vector<std::string>{"FUNCTION"});
  auto* h = std::get_if<EdgeAt>(&c.assertions[1].body);
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->match, Match::None);
  EXPECT_EQ(h->source_kinds.size(), 2u);
  auto* dec = std::get_if<EdgeAt>(&c.assertions[2].body);
  ASSERT_NE(dec, nullptr);
  EXPECT_TRUE(dec->incoming);
  EXPECT_TRUE(dec->targets.empty());
}

TEST(GoldenCaseParser, QualnameTargets) {
  auto c = parse_case("t.py",
                      "len([])\n"
                      "#^ calls: EXTERNAL builtins.len\n"
                      "#^ refers_to: len@1, FUNCTION pkg.mod.f\n"
                      "#^ calls: builtins.len\n");  // 4: a qualname needs a KIND
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_TRUE(c.errors[0].starts_with("t.py:4:")) << c.errors[0];
  ASSERT_EQ(c.assertions.size(), 2u);
  auto* e = std::get_if<EdgeAt>(&c.assertions[0].body);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->targets.size(), 1u);
  EXPECT_EQ(e->targets[0].kind, "EXTERNAL");
  EXPECT_EQ(e->targets[0].qualname, "builtins.len");
  EXPECT_EQ(e->targets[0].to_string(), "EXTERNAL builtins.len");
  auto* r = std::get_if<EdgeAt>(&c.assertions[1].body);
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->targets.size(), 2u);
  EXPECT_TRUE(r->targets[0].qualname.empty());
  EXPECT_EQ(r->targets[1].qualname, "pkg.mod.f");
}

}  // namespace
}  // namespace ca::golden
