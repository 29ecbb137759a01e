// ts_decorators, ts_class_bases, ts_returns, ts_docstrings and ts_scope_decls.
#include <gtest/gtest.h>

#include "ts_test_helpers.hpp"

namespace ca::test {
namespace {

TEST(TsDecorators, PositionsTextAndHeads) {
  std::string src =
      "@first\n"
      "@a.b\n"
      "@pkg.deco(1)\n"
      "def f(): pass\n";
  FileFacts f = extract_source(src);
  ASSERT_EQ(f.decorators.size(), 3u);
  NodeId fid = only_named(f.defs, "f").node_id;
  EXPECT_EQ(f.decorators[0].position, 0);
  EXPECT_EQ(f.decorators[0].text, "first");
  EXPECT_EQ(f.decorators[0].ref_id, ref_at(1, 5));
  EXPECT_EQ(f.decorators[1].text, "a.b");
  EXPECT_EQ(f.decorators[1].ref_id, ref_at(offset_of(src, "b\n"), 1));
  EXPECT_EQ(f.decorators[2].position, 2);
  EXPECT_EQ(f.decorators[2].text, "pkg.deco(1)");
  EXPECT_EQ(f.decorators[2].ref_id, ref_at(offset_of(src, "deco"), 4));
  for (const DecoratorRow& d : f.decorators) EXPECT_EQ(d.target_id, fid);
}

TEST(TsClassBases, PositionalAndKeywords) {
  std::string src = "class A(B, mod.C, Generic[T], metaclass=Meta): pass\n";
  FileFacts f = extract_source(src);
  ASSERT_EQ(f.class_bases.size(), 4u);
  NodeId aid = only_named(f.defs, "A").node_id;
  EXPECT_EQ(f.class_bases[0].text, "B");
  EXPECT_EQ(f.class_bases[0].position, 0);
  EXPECT_EQ(f.class_bases[0].ref_id, ref_at(offset_of(src, "B"), 1));
  EXPECT_EQ(f.class_bases[1].position, 1);
  EXPECT_EQ(f.class_bases[1].ref_id, ref_at(offset_of(src, "C,"), 1));
  EXPECT_EQ(f.class_bases[2].text, "Generic[T]");
  EXPECT_EQ(f.class_bases[2].ref_id, ref_at(offset_of(src, "Generic"), 7));
  EXPECT_EQ(f.class_bases[3].keyword, "metaclass");
  EXPECT_EQ(f.class_bases[3].position, -1);
  EXPECT_EQ(f.class_bases[3].text, "Meta");
  EXPECT_EQ(f.class_bases[3].ref_id, ref_at(offset_of(src, "Meta"), 4));
  for (const ClassBaseRow& b : f.class_bases) EXPECT_EQ(b.class_id, aid);
  EXPECT_FALSE(f.class_bases[0].keyword.has_value());
}

TEST(TsReturns, ReturnsAndYields) {
  std::string src =
      "def f():\n"
      "    return 1, 2\n"
      "def g():\n"
      "    yield\n"
      "    yield from h\n"
      "    class K:\n"
      "        yield q\n"
      "    return\n"
      "lam = lambda: (yield)\n";
  FileFacts f = extract_source(src);
  ASSERT_EQ(f.returns.size(), 6u);
  NodeId fid = only_named(f.defs, "f").node_id;
  NodeId gid = only_named(f.defs, "g").node_id;
  EXPECT_EQ(f.returns[0].kind, "return");
  EXPECT_EQ(f.returns[0].scope_id, fid);
  EXPECT_EQ(f.returns[0].span.bstart, offset_of(src, "return 1"));
  EXPECT_EQ(f.returns[0].value_range.bstart, offset_of(src, "1, 2"));
  EXPECT_EQ(f.returns[1].kind, "yield");
  EXPECT_FALSE(f.returns[1].value_range.bstart.has_value());
  EXPECT_EQ(f.returns[2].kind, "yield_from");
  EXPECT_EQ(f.returns[2].value_range.bstart, offset_of(src, "h\n"));
  EXPECT_EQ(f.returns[3].scope_id, gid);  // nearest function, not the class
  EXPECT_EQ(f.returns[4].kind, "return");
  EXPECT_EQ(f.returns[4].scope_id, gid);
  EXPECT_EQ(f.returns[5].scope_id, only_named(f.defs, "<lambda>").node_id);
}

TEST(TsDocstrings, ModuleClassFunction) {
  std::string src =
      "# comment\n"
      "'''Module doc.'''\n"
      "class A:\n"
      "    \"a\" \"b\"\n"
      "def f():\n"
      "    # leading comment\n"
      "    r'''raw'''\n"
      "def g():\n"
      "    f'not {a} doc'\n"
      "def h():\n"
      "    x = 1\n"
      "    'late'\n"
      "def i():\n"
      "    b'bytes'\n";
  FileFacts f = extract_source(src);
  ASSERT_EQ(f.docstrings.size(), 3u);
  EXPECT_EQ(f.docstrings[0].owner_id, mod_context(src).module_scope_id);
  EXPECT_EQ(f.docstrings[0].text, "'''Module doc.'''");
  EXPECT_EQ(f.docstrings[0].span.start_line, 2);
  EXPECT_EQ(f.docstrings[1].owner_id, only_named(f.defs, "A").node_id);
  EXPECT_EQ(f.docstrings[1].text, "\"a\" \"b\"");
  EXPECT_EQ(f.docstrings[2].owner_id, only_named(f.defs, "f").node_id);
  EXPECT_EQ(f.docstrings[2].text, "r'''raw'''");
}

TEST(TsScopeDecls, GlobalAndNonlocal) {
  std::string src =
      "def f():\n"
      "    global a, b\n"
      "    def g():\n"
      "        nonlocal c\n";
  FileFacts f = extract_source(src);
  ASSERT_EQ(f.scope_decls.size(), 3u);
  EXPECT_EQ(f.scope_decls[0].name, "a");
  EXPECT_EQ(f.scope_decls[0].kind, "global");
  EXPECT_EQ(f.scope_decls[0].scope_id, only_named(f.defs, "f").node_id);
  EXPECT_EQ(f.scope_decls[1].span.bstart, offset_of(src, "b\n"));
  EXPECT_EQ(f.scope_decls[2].kind, "nonlocal");
  EXPECT_EQ(f.scope_decls[2].scope_id, only_named(f.defs, "g").node_id);
}

}  // namespace
}  // namespace ca::test
