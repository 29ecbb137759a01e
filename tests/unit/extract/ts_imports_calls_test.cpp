// ts_imports and ts_calls: import clause fields (relative levels, aliases, stars, dotted
// `import a.b`), call argument counts, keyword names and callee references.
#include <gtest/gtest.h>

#include "ts_test_helpers.hpp"

namespace ca::test {
namespace {

TEST(TsImports, ClauseFields) {
  std::string src =
      "import a.b as c, d.e\n"
      "from ..m import x as y, z\n"
      "from . import q\n"
      "from pkg.sub import *\n"
      "from __future__ import annotations\n"
      "def f():\n"
      "    import inner\n";
  FileFacts f = extract_source(src);
  ASSERT_EQ(f.imports.size(), 8u);
  const ImportRow& c = f.imports[0];
  EXPECT_FALSE(c.is_from);
  EXPECT_EQ(c.module, "a.b");
  EXPECT_FALSE(c.name.has_value());
  EXPECT_EQ(c.alias, "c");
  EXPECT_EQ(c.bound_name, "c");
  EXPECT_EQ(c.span.bstart, offset_of(src, "a.b as c"));
  EXPECT_EQ(c.span.bend, offset_of(src, ", d.e"));
  EXPECT_EQ(c.stmt_bstart, 0);
  EXPECT_EQ(c.stmt_bend, offset_of(src, "\nfrom"));
  EXPECT_EQ(c.node_id, node_id_for(kPath, NodeKind::Import, c.span.bstart, c.span.bend));
  const ImportRow& de = f.imports[1];
  EXPECT_EQ(de.module, "d.e");
  EXPECT_EQ(de.bound_name, "d");
  EXPECT_FALSE(de.alias.has_value());
  const ImportRow& y = f.imports[2];
  EXPECT_TRUE(y.is_from);
  EXPECT_EQ(y.module, "m");
  EXPECT_EQ(y.level, 2);
  EXPECT_EQ(y.name, "x");
  EXPECT_EQ(y.alias, "y");
  EXPECT_EQ(y.bound_name, "y");
  EXPECT_EQ(f.imports[3].name, "z");
  EXPECT_EQ(f.imports[3].bound_name, "z");
  const ImportRow& q = f.imports[4];
  EXPECT_EQ(q.module, "");
  EXPECT_EQ(q.level, 1);
  EXPECT_EQ(q.name, "q");
  const ImportRow& star = f.imports[5];
  EXPECT_TRUE(star.is_star);
  EXPECT_EQ(star.name, "*");
  EXPECT_EQ(star.module, "pkg.sub");
  EXPECT_FALSE(star.bound_name.has_value());
  EXPECT_EQ(star.span.bend - star.span.bstart, 1);
  const ImportRow& fut = f.imports[6];
  EXPECT_EQ(fut.module, "__future__");
  EXPECT_TRUE(fut.is_from);
  EXPECT_EQ(fut.name, "annotations");
  EXPECT_EQ(f.imports[7].scope_id, only_named(f.defs, "f").node_id);
}

TEST(TsCalls, CountsAndCallees) {
  std::string src =
      "f(1, *a, k=2, **kw, j=3)\n"
      "obj.meth(x for x in y)\n"
      "g()(1)\n"
      "@d(1)\n"
      "def h(): pass\n";
  FileFacts f = extract_source(src);
  ASSERT_EQ(f.calls.size(), 5u);
  const CallRow& c0 = f.calls[0];
  EXPECT_EQ(c0.callee_text, "f");
  EXPECT_EQ(c0.n_positional, 2);
  EXPECT_EQ(c0.n_keyword, 3);
  EXPECT_EQ(c0.keyword_names, "k,j");
  EXPECT_TRUE(c0.has_star_args);
  EXPECT_TRUE(c0.has_star_kwargs);
  EXPECT_EQ(c0.callee_ref_id, ref_at(0, 1));
  EXPECT_EQ(c0.span.bstart, 0);
  EXPECT_EQ(c0.span.bend, offset_of(src, "\nobj"));
  EXPECT_EQ(c0.node_id, node_id_for(kPath, NodeKind::Call, c0.span.bstart, c0.span.bend));
  const CallRow& c1 = f.calls[1];
  EXPECT_EQ(c1.callee_text, "obj.meth");
  EXPECT_EQ(c1.n_positional, 1);
  EXPECT_EQ(c1.n_keyword, 0);
  EXPECT_EQ(c1.callee_ref_id, ref_at(offset_of(src, "meth"), 4));
  EXPECT_EQ(c1.callee_bstart, offset_of(src, "obj"));
  // g()(1): the outer call's callee is a call, so it has no callee reference.
  EXPECT_EQ(f.calls[2].callee_text, "g()");
  EXPECT_FALSE(f.calls[2].callee_ref_id.has_value());
  EXPECT_EQ(f.calls[2].n_positional, 1);
  EXPECT_EQ(f.calls[3].callee_text, "g");
  EXPECT_EQ(f.calls[4].callee_text, "d");  // decorator calls are calls
}

}  // namespace
}  // namespace ca::test
