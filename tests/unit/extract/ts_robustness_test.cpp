// Hostile and unusual input: syntax errors, very deep nesting, the parse time budget,
// offsets mapped back to the original bytes, CRLF line endings, and extractor reuse.
#include <gtest/gtest.h>

#include "ts_test_helpers.hpp"

namespace ca::test {
namespace {

TEST(TsRobustness, SyntaxErrorsKeepSurroundingFacts) {
  std::string src =
      "def before(): pass\n"
      "x = = 1\n"
      "def after(): pass\n"
      "class Later:\n"
      "    def m(self): return 1\n";
  ExtractOutcome outcome;
  FileFacts f = extract_source(src, &outcome);
  EXPECT_TRUE(outcome.has_syntax_errors);
  EXPECT_FALSE(outcome.timed_out);
  ASSERT_FALSE(f.diagnostics.empty());
  for (const DiagnosticRow& d : f.diagnostics) {
    EXPECT_EQ(d.layer, "ts");
    EXPECT_EQ(d.code, "syntax_error");
    EXPECT_EQ(d.severity, "error");
    EXPECT_EQ(d.path, "pkg/mod.py");
    EXPECT_TRUE(d.bstart.has_value());
    EXPECT_NE(d.message.find("syntax error: "), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("(line "), std::string::npos) << d.message;
  }
  EXPECT_NE(f.diagnostics[0].message.find("unexpected '='"), std::string::npos);
  EXPECT_EQ(f.diagnostics[0].start_line, 2);
  EXPECT_EQ(rows_named(f.defs, "before").size(), 1u);
  EXPECT_EQ(rows_named(f.defs, "x").size(), 1u);
  EXPECT_EQ(rows_named(f.defs, "after").size(), 1u);
  EXPECT_EQ(rows_named(f.defs, "Later").size(), 1u);
  EXPECT_EQ(rows_named(f.defs, "m").size(), 1u);
}

TEST(TsRobustness, MissingTokenMessage) {
  std::string src = "def f(:\n    y = 1\n";
  ExtractOutcome outcome;
  FileFacts f = extract_source(src, &outcome);
  EXPECT_TRUE(outcome.has_syntax_errors);
  bool missing = false;
  for (const DiagnosticRow& d : f.diagnostics)
    missing = missing || d.message == "syntax error: missing ')' (line 1)";
  EXPECT_TRUE(missing);
  EXPECT_EQ(rows_named(f.defs, "y").size(), 1u);
}

TEST(TsRobustness, SyntaxErrorsAreCapped) {
  std::string src;
  for (int i = 0; i < 200; ++i) src += "a = )\n";
  FileFacts f = extract_source(src);
  ASSERT_EQ(f.diagnostics.size(), 51u);
  EXPECT_FALSE(f.diagnostics.back().bstart.has_value());
  EXPECT_NE(f.diagnostics.back().message.find("more syntax errors omitted"), std::string::npos);
}

TEST(TsRobustness, CleanFileHasNoDiagnostics) {
  ExtractOutcome outcome;
  FileFacts f = extract_source("x = 1\n", &outcome);
  EXPECT_FALSE(outcome.has_syntax_errors);
  EXPECT_TRUE(f.diagnostics.empty());
}

TEST(TsRobustness, DeeplyNestedParentheses) {
  const int depth = 100000;
  std::string src = "x = " + std::string(depth, '(') + "1" + std::string(depth, ')') + "\n";
  FileFacts f = extract_source(src);
  EXPECT_EQ(rows_named(f.defs, "x").size(), 1u);
}

TEST(TsRobustness, DeeplyNestedSubscripts) {
  std::string src = "a";
  for (int i = 0; i < 100000; ++i) src += "[0]";
  src += "\n";
  FileFacts f = extract_source(src);
  EXPECT_EQ(rows_named(f.names, "a").size(), 1u);
}

TEST(TsRobustness, DeeplyNestedCallsAttributesAndLambdas) {
  const int depth = 50000;
  std::string calls = "f";
  for (int i = 0; i < depth; ++i) calls += "()";
  std::string attrs = "o";
  for (int i = 0; i < depth; ++i) attrs += ".a";
  std::string lambdas;
  for (int i = 0; i < depth; ++i) lambdas += "lambda: ";
  std::string src = calls + "\n" + attrs + "\n" + lambdas + "0\n";
  FileFacts f = extract_source(src);
  EXPECT_EQ(f.calls.size(), static_cast<size_t>(depth));
  for (const CallRow& c : f.calls) EXPECT_LE(c.callee_text.size(), 260u);
  EXPECT_EQ(rows_named(f.names, "a").size(), static_cast<size_t>(depth));
  EXPECT_EQ(rows_named(f.defs, "<lambda>").size(), static_cast<size_t>(depth));
  for (const ScopeRow& s : f.scopes) EXPECT_LE(s.qualname.size(), 1200u);
}

TEST(TsRobustness, ParseTimeoutGivesDiagnosticAndNoFacts) {
  std::string src;
  for (int i = 0; i < 200000; ++i) src += "def f" + std::to_string(i) + "(a, b=1): return a + b\n";
  ExtractOptions options;
  options.parse_timeout_ms = 1;
  PythonSyntaxExtractor extractor(options);
  SourceText text;
  text.utf8 = src;
  FileFacts f;
  ExtractOutcome outcome = extractor.extract(text, mod_context(src), f);
  EXPECT_TRUE(outcome.timed_out);
  EXPECT_TRUE(f.defs.empty());
  EXPECT_TRUE(f.scopes.empty());
  ASSERT_EQ(f.diagnostics.size(), 1u);
  EXPECT_EQ(f.diagnostics[0].code, "parse_timeout");
  EXPECT_NE(f.diagnostics[0].message.find("--parse-timeout-ms"), std::string::npos);

  // The same extractor parses the next file normally after a time-out.
  SourceText small;
  small.utf8 = "def g(): pass\n";
  FileFacts g;
  ExtractOutcome next = extractor.extract(small, mod_context(small.utf8), g);
  EXPECT_FALSE(next.timed_out);
  EXPECT_EQ(rows_named(g.defs, "g").size(), 1u);
}

TEST(TsRobustness, GenerousBudgetParses) {
  ExtractOptions options;
  options.parse_timeout_ms = 60000;
  ExtractOutcome outcome;
  FileFacts f = extract_source("def f(): pass\n", &outcome, options);
  EXPECT_FALSE(outcome.timed_out);
  EXPECT_EQ(rows_named(f.defs, "f").size(), 1u);
}

TEST(TsRobustness, SpansMapToOriginalOffsets) {
  // The original file had a 3-byte BOM and a 2-byte Latin-1-turned-UTF-8 shift is modelled
  // as: utf8 offset i -> original offset i + 3.
  SourceText text;
  text.utf8 = "x = 1\ndef f(): pass\n";
  for (size_t i = 0; i <= text.utf8.size(); ++i)
    text.to_original.push_back(static_cast<uint32_t>(i + 3));
  FileContext context = mod_context(text.utf8);
  PythonSyntaxExtractor extractor;
  FileFacts f;
  extractor.extract(text, context, f);
  const DefRow& x = only_named(f.defs, "x");
  EXPECT_EQ(x.span.bstart, 3);
  EXPECT_EQ(x.span.bend, 4);
  EXPECT_EQ(x.span.start_col, 0);  // columns count utf8 bytes
  EXPECT_EQ(x.node_id, node_id_for(kPath, NodeKind::Variable, 3, 4));
  const DefRow& fn = only_named(f.defs, "f");
  EXPECT_EQ(fn.span.bstart, 6 + 3);
  EXPECT_EQ(fn.name_bstart, 10 + 3);
  EXPECT_EQ(only_named(f.names, "x").node_id, ref_at(3, 1));
}

TEST(TsRobustness, CrlfLineEndings) {
  std::string src = "def f():\r\n    return g(x)\r\n\r\ny = 2\r\n";
  ExtractOutcome outcome;
  FileFacts f = extract_source(src, &outcome);
  EXPECT_FALSE(outcome.has_syntax_errors);
  const NameRow& g = only_named(f.names, "g");
  EXPECT_EQ(g.span.start_line, 2);
  EXPECT_EQ(g.span.start_col, 11);
  const DefRow& y = only_named(f.defs, "y");
  EXPECT_EQ(y.span.start_line, 4);
  EXPECT_EQ(y.span.start_col, 0);
  EXPECT_EQ(only_named(f.defs, "f").span.end_line, 2);
}

TEST(TsRobustness, DeterministicAcrossRuns) {
  std::string src =
      "import os\nclass A:\n    def m(self, x=[i for i in y]):\n        return os.x\n";
  PythonSyntaxExtractor extractor;
  SourceText text;
  text.utf8 = src;
  FileFacts a, b;
  extractor.extract(text, mod_context(src), a);
  extractor.extract(text, mod_context(src), b);
  ASSERT_EQ(a.names.size(), b.names.size());
  for (size_t i = 0; i < a.names.size(); ++i) EXPECT_EQ(a.names[i].node_id, b.names[i].node_id);
  ASSERT_EQ(a.scopes.size(), b.scopes.size());
  for (size_t i = 0; i < a.scopes.size(); ++i)
    EXPECT_EQ(a.scopes[i].qualname, b.scopes[i].qualname);
}

TEST(TsRobustness, GarbageInputDoesNotThrow) {
  std::string src = "\x00\xff\xfe)))]]]}}}:::@@@ def class lambda ( [ {\n\t\t\x01";
  src += std::string("\0\0", 2);
  ExtractOutcome outcome;
  EXPECT_NO_THROW(extract_source(src, &outcome));
  EXPECT_TRUE(outcome.has_syntax_errors);
  EXPECT_NO_THROW(extract_source(""));
}

}  // namespace
}  // namespace ca::test
