// Gitignore pattern semantics: parsing, wildmatch, one file's verdict, and the precedence
// of nested ignore files.
#include "scan/gitignore.hpp"

#include <gtest/gtest.h>

namespace ca {
namespace {

bool ignored(std::string_view gitignore, std::string_view path, bool is_dir = false,
             std::string base = "") {
  IgnoreScope scope{IgnoreFile::parse(gitignore, std::move(base)), nullptr};
  return is_ignored(&scope, path, is_dir);
}

TEST(ParseIgnoreLine, BlankAndCommentLinesAreSkipped) {
  EXPECT_FALSE(parse_ignore_line(""));
  EXPECT_FALSE(parse_ignore_line("   "));
  EXPECT_FALSE(parse_ignore_line("# comment"));
  EXPECT_FALSE(parse_ignore_line("\r"));
}

TEST(ParseIgnoreLine, FlagsAndGlob) {
  auto p = parse_ignore_line("!/build/");
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->negated);
  EXPECT_TRUE(p->dir_only);
  EXPECT_TRUE(p->anchored);
  EXPECT_EQ(p->glob, "build");

  auto q = parse_ignore_line("build/");
  ASSERT_TRUE(q);
  EXPECT_FALSE(q->anchored);  // a trailing '/' alone does not anchor
  EXPECT_TRUE(q->dir_only);

  auto r = parse_ignore_line("doc/*.txt");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->anchored);  // a middle '/' anchors
  EXPECT_FALSE(r->dir_only);
}

TEST(ParseIgnoreLine, TrailingSpacesDroppedUnlessEscaped) {
  EXPECT_EQ(parse_ignore_line("foo   ")->glob, "foo");
  EXPECT_EQ(parse_ignore_line("foo\\ ")->glob, "foo\\ ");
  EXPECT_EQ(parse_ignore_line("foo\r")->glob, "foo");
}

TEST(Wildmatch, StarAndQuestionMarkStopAtSlash) {
  EXPECT_TRUE(wildmatch("*.py", "a.py"));
  EXPECT_FALSE(wildmatch("*.py", "a/b.py"));
  EXPECT_TRUE(wildmatch("a?c", "abc"));
  EXPECT_FALSE(wildmatch("a?c", "a/c"));
  EXPECT_TRUE(wildmatch("*", ""));
  EXPECT_TRUE(wildmatch("a*b*c", "aXbYc"));
  EXPECT_FALSE(wildmatch("a*b*c", "aXbY"));
}

TEST(Wildmatch, BracketClasses) {
  EXPECT_TRUE(wildmatch("[abc].py", "b.py"));
  EXPECT_FALSE(wildmatch("[abc].py", "d.py"));
  EXPECT_TRUE(wildmatch("[a-c]x", "bx"));
  EXPECT_TRUE(wildmatch("[!a-c]x", "dx"));
  EXPECT_FALSE(wildmatch("[^a-c]x", "ax"));
  EXPECT_TRUE(wildmatch("[]]", "]"));
  EXPECT_TRUE(wildmatch("[[:digit:]]*", "7up"));
  EXPECT_FALSE(wildmatch("[[:digit:]]*", "up"));
  EXPECT_FALSE(wildmatch("a[/]b", "a/b"));
  EXPECT_FALSE(wildmatch("[abc", "a"));  // unterminated: matches nothing
}

TEST(Wildmatch, Escapes) {
  EXPECT_TRUE(wildmatch("\\*", "*"));
  EXPECT_FALSE(wildmatch("\\*", "a"));
  EXPECT_TRUE(wildmatch("\\#x", "#x"));
  EXPECT_TRUE(wildmatch("\\!x", "!x"));
}

TEST(Wildmatch, DoubleStar) {
  // leading "**/": any depth, including none
  EXPECT_TRUE(wildmatch("**/foo", "foo"));
  EXPECT_TRUE(wildmatch("**/foo", "a/b/foo"));
  EXPECT_FALSE(wildmatch("**/foo", "a/xfoo"));
  // trailing "/**": everything inside, not the directory itself
  EXPECT_TRUE(wildmatch("abc/**", "abc/x"));
  EXPECT_TRUE(wildmatch("abc/**", "abc/x/y.py"));
  EXPECT_FALSE(wildmatch("abc/**", "abc"));
  // middle "/**/": zero or more directories
  EXPECT_TRUE(wildmatch("a/**/b", "a/b"));
  EXPECT_TRUE(wildmatch("a/**/b", "a/x/b"));
  EXPECT_TRUE(wildmatch("a/**/b", "a/x/y/b"));
  EXPECT_FALSE(wildmatch("a/**/b", "a/xb"));
  // "**" that is not a whole component is a plain '*'
  EXPECT_TRUE(wildmatch("a**b", "axxb"));
  EXPECT_FALSE(wildmatch("a**b", "ax/b"));
}

TEST(IgnoreFile, NonAnchoredPatternMatchesBaseNameAtAnyDepth) {
  EXPECT_TRUE(ignored("*.pyc\nbuild\n", "a/b/c.pyc"));
  EXPECT_TRUE(ignored("*.pyc\nbuild\n", "x/build", true));
  EXPECT_TRUE(ignored("*.pyc\nbuild\n", "x/build", false));
  EXPECT_FALSE(ignored("*.pyc\nbuild\n", "x/builds", true));
}

TEST(IgnoreFile, AnchoredPatternsMatchFromTheFilesDirectory) {
  EXPECT_TRUE(ignored("/gen.py\n", "gen.py"));
  EXPECT_FALSE(ignored("/gen.py\n", "sub/gen.py"));
  EXPECT_TRUE(ignored("doc/*.py\n", "doc/a.py"));
  EXPECT_FALSE(ignored("doc/*.py\n", "x/doc/a.py"));
  EXPECT_FALSE(ignored("doc/*.py\n", "doc/sub/a.py"));
  // a .gitignore in sub/ anchors to sub/
  EXPECT_TRUE(ignored("/gen.py\n", "sub/gen.py", false, "sub"));
  EXPECT_FALSE(ignored("/gen.py\n", "sub/x/gen.py", false, "sub"));
  EXPECT_FALSE(ignored("/gen.py\n", "other/gen.py", false, "sub"));
  EXPECT_FALSE(ignored("/gen.py\n", "subx/gen.py", false, "sub"));
}

TEST(IgnoreFile, DirectoryOnlyPatterns) {
  EXPECT_TRUE(ignored("out/\n", "out", true));
  EXPECT_FALSE(ignored("out/\n", "out", false));
  EXPECT_TRUE(ignored("out/\n", "a/out", true));
}

TEST(IgnoreFile, NegationAndLastMatchWins) {
  const char* text = "*.py\n!keep.py\n";
  EXPECT_TRUE(ignored(text, "a.py"));
  EXPECT_FALSE(ignored(text, "keep.py"));
  EXPECT_FALSE(ignored(text, "d/keep.py"));
  EXPECT_TRUE(ignored("!keep.py\n*.py\n", "keep.py"));
}

TEST(IgnoreFile, EscapedHashAndBang) {
  EXPECT_TRUE(ignored("\\#x.py\n", "#x.py"));
  EXPECT_TRUE(ignored("\\!x.py\n", "!x.py"));
  EXPECT_FALSE(ignored("#x.py\n", "#x.py"));
}

TEST(IgnoreScope, InnerFileOverridesOuterFile) {
  auto outer =
      std::make_shared<const IgnoreScope>(IgnoreScope{IgnoreFile::parse("*.py\n", ""), nullptr});
  IgnoreScope inner{IgnoreFile::parse("!keep.py\n", "sub"), outer};
  EXPECT_FALSE(is_ignored(&inner, "sub/keep.py", false));
  EXPECT_TRUE(is_ignored(&inner, "sub/other.py", false));
  EXPECT_TRUE(is_ignored(&inner, "keep.py", false));  // not below sub/
}

}  // namespace
}  // namespace ca
