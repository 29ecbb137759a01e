// The cpython layer: position conversion (ASCII, multibyte UTF-8, tabs, CRLF, BOM, PEP 263),
// symtable flags, and files CPython 3.11 cannot compile. Runs real worker processes of the
// codeanatomy binary (CA_CLI).
#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "evidence/cpython/cpython_worker.hpp"
#include "scan/decode.hpp"

namespace ca {
namespace {

SourceText decoded(const std::string& bytes) {
  auto d = decode_python_source(bytes);
  EXPECT_TRUE(std::holds_alternative<SourceText>(d));
  return std::get<SourceText>(d);
}

CpythonFacts analyze(const std::string& bytes) {
  static CpythonWorker worker(CA_CLI);
  SourceText text = decoded(bytes);
  return worker.analyze(1, "t.py", text);
}

const PyAstNodeRow* find_node(const CpythonFacts& f, std::string_view kind, std::string_view name) {
  for (const auto& n : f.ast_nodes)
    if (n.kind == kind && n.name && *n.name == name) return &n;
  return nullptr;
}

/// Every Name/arg/FunctionDef node's span must hold, in the file's own bytes, what it names.
void expect_names_at_their_bytes(const std::string& bytes, const CpythonFacts& f) {
  int checked = 0;
  for (const auto& n : f.ast_nodes) {
    if (n.kind != "Name" && n.kind != "arg") continue;
    ASSERT_TRUE(n.span.bstart && n.span.bend) << n.kind << " " << *n.name;
    EXPECT_EQ(bytes.substr(static_cast<size_t>(*n.span.bstart),
                           static_cast<size_t>(*n.span.bend - *n.span.bstart)),
              *n.name)
        << n.kind << " at line " << *n.span.start_line;
    ++checked;
  }
  EXPECT_GT(checked, 2);
}

TEST(CpythonSpan, ConvertsLinesAndByteColumnsThroughTheLineIndex) {
  SourceText text = decoded("ab\r\ncd\tef\n");
  LineIndex lines(text.utf8);
  OptSpan s = cpython_span(text, lines, 2, 3, 2, 5);  // "ef": after the tab
  ASSERT_TRUE(s.bstart);
  EXPECT_EQ(*s.bstart, 7);
  EXPECT_EQ(*s.bend, 9);
  EXPECT_EQ(*s.start_line, 2);
  EXPECT_EQ(*s.start_col, 3);
  EXPECT_FALSE(cpython_span(text, lines, std::nullopt, 0, 1, 1).bstart);
  // Past the end: clamped to the text, never past it.
  OptSpan far = cpython_span(text, lines, 9, 0, 9, 4);
  EXPECT_EQ(*far.bstart, 10);
  EXPECT_EQ(*far.bend, 10);
}

TEST(CpythonSpan, AsciiFile) {
  std::string src = "import os\ndef f(a, b):\n    return a + b\n";
  CpythonFacts f = analyze(src);
  expect_names_at_their_bytes(src, f);
  const PyAstNodeRow* def = find_node(f, "FunctionDef", "f");
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(*def->span.bstart, 10);
  EXPECT_EQ(*def->span.bend, static_cast<int64_t>(src.size()) - 1);
}

TEST(CpythonSpan, MultibyteUtf8BeforeANode) {
  std::string src = "s = '\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80'; t = s\n\xce\xb1 = t\n";
  CpythonFacts f = analyze(src);
  expect_names_at_their_bytes(src, f);
  const PyAstNodeRow* t = find_node(f, "Name", "t");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(*t->span.bstart, 17);  // "s = '" + 9 bytes of text + "'; "
  EXPECT_EQ(*t->span.start_col, 17);
}

TEST(CpythonSpan, TabIsOneByte) {
  std::string src = "if x:\n\ty = x\n";
  CpythonFacts f = analyze(src);
  expect_names_at_their_bytes(src, f);
  const PyAstNodeRow* y = find_node(f, "Name", "y");
  ASSERT_NE(y, nullptr);
  EXPECT_EQ(*y->span.bstart, 7);
  EXPECT_EQ(*y->span.start_col, 1);
}

TEST(CpythonSpan, CrlfLineEndings) {
  std::string src = "a = 1\r\nb = a\r\ndef g(c):\r\n    return c\r\n";
  CpythonFacts f = analyze(src);
  expect_names_at_their_bytes(src, f);
  const PyAstNodeRow* g = find_node(f, "FunctionDef", "g");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(*g->span.bstart, 14);
  EXPECT_EQ(*g->span.start_line, 3);
  EXPECT_EQ(*g->span.bend, static_cast<int64_t>(src.size()) - 2);
}

TEST(CpythonSpan, BomFileSpansCountTheBom) {
  // Canonical spans are offsets into the file's own bytes, so the 3 BOM bytes count;
  // columns are those of the decoded line (the BOM is not part of the text).
  std::string src = "\xef\xbb\xbfx = 1\ny = x\n";
  CpythonFacts f = analyze(src);
  expect_names_at_their_bytes(src, f);
  const PyAstNodeRow* x = find_node(f, "Name", "x");
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(*x->span.bstart, 3);
  EXPECT_EQ(*x->span.start_col, 0);
}

TEST(CpythonSpan, Pep263Latin1FileSpansAreOriginalBytes) {
  // In latin-1, "\xe9" is one byte; in the UTF-8 text CPython sees, two.
  std::string src = "# -*- coding: latin-1 -*-\ns = '\xe9\xe9'; t = s\n";
  CpythonFacts f = analyze(src);
  expect_names_at_their_bytes(src, f);
  const PyAstNodeRow* t = find_node(f, "Name", "t");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(*t->span.bstart, 26 + 10);
  EXPECT_EQ(*t->span.start_col, 12);  // UTF-8 byte column, as CPython's ast
}

TEST(CpythonAst, PreorderWithParentsAndFields) {
  CpythonFacts f = analyze("class C(B):\n    def m(self): pass\n");
  ASSERT_GE(f.ast_nodes.size(), 5u);
  for (size_t i = 0; i < f.ast_nodes.size(); ++i) {
    EXPECT_EQ(f.ast_nodes[i].ast_id, static_cast<int32_t>(i));
    if (i > 0) {
      EXPECT_LT(*f.ast_nodes[i].parent_ast_id, static_cast<int32_t>(i));
    }
  }
  EXPECT_EQ(f.ast_nodes[0].kind, "Module");
  const PyAstNodeRow* m = find_node(f, "FunctionDef", "m");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(*m->field, "body");
  EXPECT_EQ(f.ast_nodes[static_cast<size_t>(*m->parent_ast_id)].kind, "ClassDef");
  const PyAstNodeRow* b = find_node(f, "Name", "B");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(*b->field, "bases");
  EXPECT_EQ(*b->ctx, "load");
}

const PySymtableSymbolRow* symbol(const CpythonFacts& f, std::string_view scope,
                                  std::string_view name) {
  for (const auto& s : f.scopes)
    if (s.name == scope)
      for (const auto& y : f.symbols)
        if (y.scope_index == s.scope_index && y.name == name) return &y;
  return nullptr;
}

TEST(CpythonSymtable, Flags) {
  CpythonFacts f = analyze(
      "import os\n"
      "G = 0\n"
      "def outer(p, *args, k: int = 1):\n"
      "    global G\n"
      "    G = p\n"
      "    cell = 1\n"
      "    ann: int = 2\n"
      "    def inner():\n"
      "        nonlocal cell\n"
      "        cell += 1\n"
      "        return os\n"
      "    def reader():\n"
      "        return cell\n"
      "    return inner, reader\n");
  const auto* os_mod = symbol(f, "top", "os");
  ASSERT_NE(os_mod, nullptr);
  EXPECT_TRUE(os_mod->is_imported);
  const auto* g = symbol(f, "outer", "G");
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(g->is_global && g->is_declared_global && !g->is_local);
  const auto* p = symbol(f, "outer", "p");
  ASSERT_TRUE(p && p->is_parameter && p->is_local && p->is_referenced);
  const auto* k = symbol(f, "outer", "k");
  // CPython marks annotated assignment targets, not annotated parameters.
  ASSERT_TRUE(k && k->is_parameter && !k->is_annotated);
  const auto* ann = symbol(f, "outer", "ann");
  ASSERT_TRUE(ann && ann->is_annotated && ann->is_local && ann->is_assigned);
  const auto* cell = symbol(f, "outer", "cell");
  ASSERT_NE(cell, nullptr);
  EXPECT_TRUE(cell->is_cell && cell->is_local && !cell->is_free);
  const auto* nl = symbol(f, "inner", "cell");
  ASSERT_NE(nl, nullptr);
  EXPECT_TRUE(nl->is_nonlocal && nl->is_free && !nl->is_local);
  const auto* free = symbol(f, "reader", "cell");
  ASSERT_NE(free, nullptr);
  EXPECT_TRUE(free->is_free && !free->is_nonlocal);
  const auto* os_inner = symbol(f, "inner", "os");
  ASSERT_NE(os_inner, nullptr);
  EXPECT_TRUE(os_inner->is_global && !os_inner->is_declared_global);
  for (const auto& s : f.scopes)
    if (s.name == "outer") {
      EXPECT_EQ(s.scope_type, "function");
    }
}

TEST(CpythonErrors, Python312SyntaxIsADiagnosticWithASpan) {
  CpythonFacts f = analyze("x = 1\ndef f[T](a: T) -> T:\n    return a\n");
  EXPECT_TRUE(f.ast_nodes.empty());
  ASSERT_EQ(f.diagnostics.size(), 1u);
  const DiagnosticRow& d = f.diagnostics[0];
  EXPECT_EQ(d.layer, "cpython");
  EXPECT_EQ(d.code, "syntax_error");
  EXPECT_NE(d.message.find("CPython 3.11"), std::string::npos);
  EXPECT_EQ(*d.start_line, 2);
  EXPECT_EQ(*d.bstart, 11);  // at "[": the 3.11 parser expects "("
}

TEST(CpythonErrors, SymtableErrorKeepsTheAst) {
  CpythonFacts f = analyze("nonlocal x\n");
  EXPECT_FALSE(f.ast_nodes.empty());
  ASSERT_FALSE(f.diagnostics.empty());
  EXPECT_NE(f.diagnostics[0].message.find("symtable stage"), std::string::npos);
}

TEST(CpythonBytecode, InstructionsWithPositions) {
  std::string src = "def f(x):\n    return len(x)\n";
  CpythonFacts f = analyze(src);
  bool saw_call = false;
  for (const auto& b : f.instructions)
    if (b.qualname == "f" && b.opname == "LOAD_GLOBAL" &&
        b.argrepr.find("len") != std::string::npos) {
      saw_call = true;
      EXPECT_EQ(src.substr(static_cast<size_t>(*b.span.bstart),
                           static_cast<size_t>(*b.span.bend - *b.span.bstart)),
                "len");
    }
  EXPECT_TRUE(saw_call);
}

TEST(CpythonReply, MalformedRepliesThrow) {
  SourceText text = decoded("x\n");
  EXPECT_THROW(parse_cpython_reply("A\t0\n", 1, "t.py", text), std::runtime_error);
  EXPECT_THROW(parse_cpython_reply("S\t0\t\tmodule\ttop\t0\n", 1, "t.py", text),
               std::runtime_error);  // no END
  CpythonFacts ok = parse_cpython_reply("Y\t0\ta\\tb\t100000000000\t2\nEND\n", 1, "t.py", text);
  ASSERT_EQ(ok.symbols.size(), 1u);
  EXPECT_EQ(ok.symbols[0].name, "a\tb");
  EXPECT_TRUE(ok.symbols[0].is_local);
}

TEST(CpythonWorker, ADeadWorkerIsADiagnosticAndIsRestarted) {
  CpythonWorker bad("/bin/false");
  SourceText text = decoded("x = 1\n");
  CpythonFacts f = bad.analyze(1, "t.py", text);
  ASSERT_EQ(f.diagnostics.size(), 1u);
  EXPECT_EQ(f.diagnostics[0].code, "worker_failed");
  CpythonWorker good(CA_CLI);
  EXPECT_FALSE(good.analyze(1, "t.py", text).ast_nodes.empty());
}

}  // namespace
}  // namespace ca
