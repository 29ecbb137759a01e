// Per-file name binding end to end: Python source through the tree-sitter extractor and
// the binder. A read is named by its identifier and line; the bindings it reads are given
// as the lines of their binding sites.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/ts/python_extractor.hpp"
#include "resolve/local_binder.hpp"

namespace ca {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct Bound {
  FileContext context;
  FileFacts facts;
};

Bound bind_source(const std::string& source) {
  Bound out;
  out.context.path = "pkg/mod.py";
  out.context.module = "pkg.mod";
  out.context.file_id = file_id_for(out.context.path);
  out.context.size_bytes = static_cast<int64_t>(source.size());
  out.context.module_scope_id =
      node_id_for(out.context.path, NodeKind::Module, 0, out.context.size_bytes);
  SourceText text;
  text.utf8 = source;
  PythonSyntaxExtractor extractor;
  extractor.extract(text, out.context, out.facts);
  bind_file_names(out.context, out.facts);
  return out;
}

/// The line of a binding site (VARIABLE/CLASS/FUNCTION, PARAMETER or IMPORT); 0 if unknown.
int line_of(const FileFacts& facts, NodeId id) {
  for (const DefRow& row : facts.defs) {
    if (row.node_id == id) return row.span.start_line;
  }
  for (const ParamRow& row : facts.params) {
    if (row.node_id == id) return row.span.start_line;
  }
  for (const ImportRow& row : facts.imports) {
    if (row.node_id == id) return row.span.start_line;
  }
  return 0;
}

/// The first non-attribute load/del of `name` on `line`.
const NameRow* occurrence(const FileFacts& facts, const std::string& name, int line) {
  for (const NameRow& row : facts.names) {
    if (row.name == name && row.span.start_line == line && !row.is_attribute &&
        row.ctx != "store") {
      return &row;
    }
  }
  return nullptr;
}

/// Lines of the binding sites the read of `name` on `line` may read.
std::vector<int> reads(const Bound& bound, const std::string& name, int line) {
  std::vector<int> out;
  const NameRow* use = occurrence(bound.facts, name, line);
  if (use == nullptr) return {-1};
  for (const NameRefRow& row : bound.facts.name_refs) {
    if (row.ref_id == use->node_id && row.binding_id) {
      out.push_back(line_of(bound.facts, *row.binding_id));
    }
  }
  return out;
}

std::string resolution(const Bound& bound, const std::string& name, int line) {
  const NameRow* use = occurrence(bound.facts, name, line);
  if (use == nullptr) return "<no occurrence>";
  for (const NameRefRow& row : bound.facts.name_refs) {
    if (row.ref_id == use->node_id) return row.resolution;
  }
  return "<no row>";
}

const DefRow* variable(const FileFacts& facts, const std::string& name, int line) {
  for (const DefRow& row : facts.defs) {
    if (row.kind == "VARIABLE" && row.name == name && row.span.start_line == line) return &row;
  }
  return nullptr;
}

TEST(LocalBinderEndToEnd, ExtractorIsAvailable) {
  const Bound b = bind_source("x = 1\n");
  EXPECT_FALSE(b.facts.defs.empty());
  EXPECT_FALSE(b.facts.bindings.empty());
}

TEST(LocalBinderEndToEnd, Legb) {
  const Bound b = bind_source(
      "x = 1\n"                // 1
      "def f(a):\n"            // 2
      "    x = 2\n"            // 3
      "    def g():\n"         // 4
      "        return x, a\n"  // 5
      "    return len(x)\n"    // 6
      "def h():\n"             // 7
      "    return x\n");       // 8
  EXPECT_THAT(reads(b, "x", 5), ElementsAre(3));
  EXPECT_EQ(resolution(b, "x", 5), "enclosing");
  EXPECT_THAT(reads(b, "a", 5), ElementsAre(2));
  EXPECT_THAT(reads(b, "x", 6), ElementsAre(3));
  EXPECT_EQ(resolution(b, "x", 6), "local");
  EXPECT_THAT(reads(b, "len", 6), IsEmpty());
  EXPECT_EQ(resolution(b, "len", 6), "unresolved");
  EXPECT_THAT(reads(b, "x", 8), ElementsAre(1));
  EXPECT_EQ(resolution(b, "x", 8), "global");
}

TEST(LocalBinderEndToEnd, ClassBodies) {
  const Bound b = bind_source(
      "x = 1\n"                 // 1
      "def outer():\n"          // 2
      "    y = 2\n"             // 3
      "    class C:\n"          // 4
      "        x = y\n"         // 5
      "        z = x\n"         // 6
      "        def m(self):\n"  // 7
      "            return x\n"  // 8
      "    return C\n");        // 9
  EXPECT_THAT(reads(b, "y", 5), ElementsAre(3));
  EXPECT_EQ(resolution(b, "y", 5), "enclosing");
  EXPECT_THAT(reads(b, "x", 6), ElementsAre(5));
  EXPECT_EQ(resolution(b, "x", 6), "class");
  EXPECT_THAT(reads(b, "x", 8), ElementsAre(1));
  EXPECT_THAT(reads(b, "C", 9), ElementsAre(4));
}

TEST(LocalBinderEndToEnd, ComprehensionsAndWalrus) {
  const Bound b = bind_source(
      "xs = [1]\n"                                     // 1
      "ys = [i * 2 for i in xs]\n"                     // 2
      "print(i)\n"                                     // 3
      "def f():\n"                                     // 4
      "    total = [(last := j) for j in range(3)]\n"  // 5
      "    return last, total\n");                     // 6
  EXPECT_THAT(reads(b, "i", 2), ElementsAre(2));
  EXPECT_EQ(resolution(b, "i", 2), "local");
  EXPECT_THAT(reads(b, "xs", 2), ElementsAre(1));
  EXPECT_EQ(resolution(b, "i", 3), "unresolved");
  EXPECT_THAT(reads(b, "last", 6), ElementsAre(5));
  EXPECT_EQ(resolution(b, "last", 6), "local");
  const DefRow* last = variable(b.facts, "last", 5);
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->qualname, "pkg.mod.f.<locals>.last");
}

TEST(LocalBinderEndToEnd, GlobalAndNonlocal) {
  const Bound b = bind_source(
      "def setup():\n"        // 1
      "    global state\n"    // 2
      "    state = {}\n"      // 3
      "def counter():\n"      // 4
      "    n = 0\n"           // 5
      "    def inc():\n"      // 6
      "        nonlocal n\n"  // 7
      "        n += 1\n"      // 8
      "        return n\n"    // 9
      "    return inc\n"      // 10
      "print(state)\n");      // 11
  EXPECT_THAT(reads(b, "state", 11), ElementsAre(3));
  const DefRow* state = variable(b.facts, "state", 3);
  ASSERT_NE(state, nullptr);
  EXPECT_EQ(state->qualname, "pkg.mod.state");
  EXPECT_THAT(reads(b, "n", 9), ElementsAre(5, 8));
  EXPECT_EQ(resolution(b, "n", 9), "enclosing");
  const DefRow* n = variable(b.facts, "n", 8);
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->qualname, "pkg.mod.counter.<locals>.n");
  EXPECT_THAT(b.facts.diagnostics, IsEmpty());
}

TEST(LocalBinderEndToEnd, NonlocalWithoutBinding) {
  const Bound b = bind_source(
      "def f():\n"
      "    nonlocal q\n"
      "    q = 1\n");
  ASSERT_EQ(b.facts.diagnostics.size(), 1u);
  EXPECT_EQ(b.facts.diagnostics[0].code, "nonlocal_without_binding");
  EXPECT_EQ(b.facts.diagnostics[0].start_line, 2);
}

TEST(LocalBinderEndToEnd, DelAndImports) {
  const Bound b = bind_source(
      "import os.path\n"    // 1
      "from m import *\n"   // 2
      "x = 1\n"             // 3
      "def f():\n"          // 4
      "    print(x, os)\n"  // 5
      "    del x\n");       // 6
  EXPECT_THAT(reads(b, "os", 5), ElementsAre(1));
  EXPECT_EQ(resolution(b, "os", 5), "global");
  EXPECT_THAT(reads(b, "x", 5), IsEmpty());
  EXPECT_EQ(resolution(b, "x", 5), "unresolved");
}

TEST(LocalBinderEndToEnd, Deterministic) {
  const std::string source =
      "import a\nx = 1\nx = 2\ndef f(p):\n    global x\n    x = p\n    return [x for _ in a]\n";
  const Bound first = bind_source(source);
  const Bound second = bind_source(source);
  ASSERT_EQ(first.facts.name_refs.size(), second.facts.name_refs.size());
  for (size_t i = 0; i < first.facts.name_refs.size(); ++i) {
    EXPECT_EQ(first.facts.name_refs[i].ref_id, second.facts.name_refs[i].ref_id);
    EXPECT_EQ(first.facts.name_refs[i].binding_id, second.facts.name_refs[i].binding_id);
  }
  ASSERT_EQ(first.facts.bindings.size(), second.facts.bindings.size());
  for (size_t i = 0; i < first.facts.bindings.size(); ++i) {
    EXPECT_EQ(first.facts.bindings[i].node_id, second.facts.bindings[i].node_id);
    EXPECT_EQ(first.facts.bindings[i].owner_scope_id, second.facts.bindings[i].owner_scope_id);
  }
}

}  // namespace
}  // namespace ca
