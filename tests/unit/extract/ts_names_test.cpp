// ts_names: which identifiers are occurrences, their ctx, attribute receivers, and the scope
// each is evaluated in (decorators, defaults, annotations, bases, comprehension iterables).
#include <gtest/gtest.h>

#include "ts_test_helpers.hpp"

namespace ca::test {
namespace {

const NameRow* name_at(const FileFacts& f, int64_t bstart) {
  for (const NameRow& row : f.names) {
    if (row.span.bstart == bstart) return &row;
  }
  ADD_FAILURE() << "no name at " << bstart;
  return nullptr;
}

TEST(TsNames, ContextsAndAttributes) {
  std::string src =
      "a = b\n"
      "self.x = y.z\n"
      "del c, d.e, f[g]\n"
      "h += 1\n"
      "for (i) in j: pass\n";
  FileFacts f = extract_source(src);
  EXPECT_EQ(name_at(f, offset_of(src, "a ="))->ctx, "store");
  EXPECT_EQ(name_at(f, offset_of(src, "b\n"))->ctx, "load");
  const NameRow* self = name_at(f, offset_of(src, "self"));
  EXPECT_EQ(self->ctx, "load");
  EXPECT_FALSE(self->is_attribute);
  const NameRow* x = name_at(f, offset_of(src, "x ="));
  EXPECT_EQ(x->ctx, "store");
  EXPECT_TRUE(x->is_attribute);
  EXPECT_EQ(x->receiver_range.bstart, offset_of(src, "self"));
  EXPECT_EQ(x->receiver_range.bend, offset_of(src, "self") + 4);
  const NameRow* z = name_at(f, offset_of(src, "z\n"));
  EXPECT_EQ(z->ctx, "load");
  EXPECT_TRUE(z->is_attribute);
  EXPECT_EQ(name_at(f, offset_of(src, "c,"))->ctx, "del");
  EXPECT_EQ(name_at(f, offset_of(src, "d."))->ctx, "load");
  EXPECT_EQ(name_at(f, offset_of(src, "e,"))->ctx, "del");
  EXPECT_EQ(name_at(f, offset_of(src, "f["))->ctx, "load");
  EXPECT_EQ(name_at(f, offset_of(src, "h +="))->ctx, "store");
  EXPECT_EQ(name_at(f, offset_of(src, "i)"))->ctx, "store");
  const NameRow* b = name_at(f, offset_of(src, "b\n"));
  EXPECT_EQ(b->node_id, ref_at(b->span.bstart, 1));
  // Source order.
  for (size_t i = 1; i < f.names.size(); ++i)
    EXPECT_LE(f.names[i - 1].span.bstart, f.names[i].span.bstart);
}

TEST(TsNames, NonOccurrencesAreSkipped) {
  std::string src =
      "import os.path as p\n"
      "from m import n as o\n"
      "def f(param=1, *, kw): global G\n"
      "class C: pass\n"
      "call(key=1)\n";
  FileFacts f = extract_source(src);
  for (const char* n : {"os", "path", "p", "m", "n", "o", "f", "param", "kw", "G", "C", "key"})
    EXPECT_TRUE(rows_named(f.names, n).empty()) << n;
  EXPECT_EQ(rows_named(f.names, "call").size(), 1u);
}

TEST(TsNames, EvaluationScopes) {
  std::string src =
      "@deco\n"
      "def f(a=dflt, *, b: ann = dflt2) -> ret:\n"
      "    return body\n"
      "class C(Base, metaclass=Meta):\n"
      "    inside = 1\n"
      "r = [x + y for x in outer for y in inner(x)]\n"
      "l = lambda q=ldef: q + lbody\n";
  FileFacts f = extract_source(src);
  NodeId module = mod_context(src).module_scope_id;
  NodeId fid = only_named(f.defs, "f").node_id;
  NodeId cid = only_named(f.defs, "C").node_id;
  NodeId lid = only_named(f.defs, "<lambda>").node_id;
  NodeId comp = scope_by_qualname(f, "pkg.mod.<listcomp>").scope_id;
  for (const char* n : {"deco", "dflt", "ann", "dflt2", "ret", "Base", "Meta", "outer", "ldef"})
    EXPECT_EQ(only_named(f.names, n).scope_id, module) << n;
  EXPECT_EQ(only_named(f.names, "body").scope_id, fid);
  EXPECT_EQ(rows_named(f.names, "inside")[0]->scope_id, cid);
  EXPECT_EQ(only_named(f.names, "inner").scope_id, comp);
  for (const NameRow* row : rows_named(f.names, "x")) EXPECT_EQ(row->scope_id, comp);
  EXPECT_EQ(only_named(f.names, "lbody").scope_id, lid);
  EXPECT_EQ(only_named(f.names, "q").scope_id, lid);
}

TEST(TsNames, MatchAndFormatStrings) {
  std::string src =
      "match cmd:\n"
      "    case Point(x=0, y=yy) if yy > lim: pass\n"
      "    case Color.RED: pass\n"
      "s = f'{val!r:>{width}}'\n";
  FileFacts f = extract_source(src);
  EXPECT_EQ(only_named(f.names, "cmd").ctx, "load");
  EXPECT_EQ(only_named(f.names, "Point").ctx, "load");
  EXPECT_TRUE(rows_named(f.names, "x").empty());
  auto yy = rows_named(f.names, "yy");
  ASSERT_EQ(yy.size(), 2u);
  EXPECT_EQ(yy[0]->ctx, "store");
  EXPECT_EQ(yy[1]->ctx, "load");
  const NameRow& red = only_named(f.names, "RED");
  EXPECT_TRUE(red.is_attribute);
  EXPECT_EQ(red.receiver_range.bstart, offset_of(src, "Color"));
  EXPECT_EQ(only_named(f.names, "val").ctx, "load");
  EXPECT_EQ(only_named(f.names, "width").ctx, "load");
}

TEST(TsNames, TypeCallAssignmentIsNoTypeAlias) {
  // tree-sitter-python reads this as a type alias statement; it is an attribute store.
  std::string src = "type(obj).attr = value\n";
  FileFacts f = extract_source(src);
  EXPECT_TRUE(f.defs.empty());
  EXPECT_EQ(only_named(f.names, "type").ctx, "load");
  EXPECT_EQ(only_named(f.names, "obj").ctx, "load");
  EXPECT_EQ(only_named(f.names, "attr").ctx, "store");
  EXPECT_EQ(only_named(f.names, "value").ctx, "load");
}

}  // namespace
}  // namespace ca::test
