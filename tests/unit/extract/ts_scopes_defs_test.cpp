// ts_scopes and ts_defs: scope kinds, parents, qualnames (with "<locals>" and "#N"
// ordinals), class/function/lambda rows and every kind of VARIABLE binding.
#include <gtest/gtest.h>

#include "ts_test_helpers.hpp"

namespace ca::test {
namespace {

TEST(TsScopes, ModuleScopeSpansTheFile) {
  std::string src = "x = 1\n";
  FileFacts f = extract_source(src);
  ASSERT_FALSE(f.scopes.empty());
  const ScopeRow& m = f.scopes.front();
  EXPECT_EQ(m.kind, "module");
  EXPECT_EQ(m.name, "mod");
  EXPECT_EQ(m.qualname, "pkg.mod");
  EXPECT_EQ(m.scope_id, mod_context(src).module_scope_id);
  EXPECT_FALSE(m.parent_scope_id.has_value());
  EXPECT_EQ(m.span.bstart, 0);
  EXPECT_EQ(m.span.bend, static_cast<int64_t>(src.size()));
}

TEST(TsScopes, QualnamesFollowPython) {
  std::string src =
      "def f():\n"
      "    def g(): pass\n"
      "    h = lambda: 0\n"
      "class A:\n"
      "    def m(self): pass\n"
      "    class B:\n"
      "        async def n(self): pass\n"
      "xs = [i for i in range(3)]\n"
      "ys = [i for i in range(3)]\n"
      "s = {i for i in ()}\n"
      "d = {k: v for k, v in ()}\n"
      "g = (i for i in ())\n";
  FileFacts f = extract_source(src);
  const ScopeRow& fs = scope_by_qualname(f, "pkg.mod.f");
  EXPECT_EQ(fs.kind, "function");
  const ScopeRow& gs = scope_by_qualname(f, "pkg.mod.f.<locals>.g");
  EXPECT_EQ(gs.parent_scope_id, fs.scope_id);
  EXPECT_EQ(scope_by_qualname(f, "pkg.mod.f.<locals>.<lambda>").kind, "lambda");
  EXPECT_EQ(scope_by_qualname(f, "pkg.mod.A").kind, "class");
  EXPECT_EQ(scope_by_qualname(f, "pkg.mod.A.m").kind, "function");
  EXPECT_EQ(scope_by_qualname(f, "pkg.mod.A.B.n").parent_scope_id,
            scope_by_qualname(f, "pkg.mod.A.B").scope_id);
  EXPECT_EQ(scope_by_qualname(f, "pkg.mod.<listcomp>").name, "<listcomp>");
  EXPECT_EQ(scope_by_qualname(f, "pkg.mod.<listcomp>#2").kind, "comprehension");
  EXPECT_EQ(scope_by_qualname(f, "pkg.mod.<setcomp>").name, "<setcomp>");
  EXPECT_EQ(scope_by_qualname(f, "pkg.mod.<dictcomp>").name, "<dictcomp>");
  EXPECT_EQ(scope_by_qualname(f, "pkg.mod.<genexpr>").name, "<genexpr>");

  // Scope ids are the node ids of the definitions.
  int64_t def_f = offset_of(src, "def f");
  int64_t end_f = offset_of(src, "class A");
  (void)end_f;
  const DefRow& fd = only_named(f.defs, "f");
  EXPECT_EQ(fd.node_id, fs.scope_id);
  EXPECT_EQ(fd.span.bstart, def_f);
  EXPECT_EQ(fd.node_id, node_id_for(kPath, NodeKind::Function, fd.span.bstart, fd.span.bend));
  int64_t lc = offset_of(src, "[i for");
  const ScopeRow& comp = scope_by_qualname(f, "pkg.mod.<listcomp>");
  EXPECT_EQ(comp.span.bstart, lc);
  EXPECT_EQ(comp.scope_id, node_id_for(kPath, "COMPREHENSION", comp.span.bstart, comp.span.bend));
}

TEST(TsScopes, SourceOrderAndRedefinitionsKeepQualnames) {
  std::string src = "def f(): pass\ndef f(): pass\nl = [lambda: 1, lambda: 2]\n";
  FileFacts f = extract_source(src);
  auto fs = rows_named(f.defs, "f");
  ASSERT_EQ(fs.size(), 2u);
  EXPECT_EQ(fs[0]->qualname, "pkg.mod.f");
  EXPECT_EQ(fs[1]->qualname, "pkg.mod.f");
  EXPECT_LT(fs[0]->span.bstart, fs[1]->span.bstart);
  auto lambdas = rows_named(f.defs, "<lambda>");
  ASSERT_EQ(lambdas.size(), 2u);
  EXPECT_EQ(lambdas[0]->qualname, "pkg.mod.<lambda>");
  EXPECT_EQ(lambdas[1]->qualname, "pkg.mod.<lambda>#2");
  EXPECT_EQ(lambdas[0]->kind, "LAMBDA");
  for (size_t i = 1; i < f.scopes.size(); ++i)
    EXPECT_LE(f.scopes[i - 1].span.bstart, f.scopes[i].span.bstart);
}

TEST(TsDefs, FunctionAndClassRows) {
  std::string src =
      "@dec\n"
      "class A(Base):\n"
      "    @staticmethod\n"
      "    async def m(): pass\n"
      "def top(): pass\n";
  FileFacts f = extract_source(src);
  const DefRow& a = only_named(f.defs, "A");
  EXPECT_EQ(a.kind, "CLASS");
  EXPECT_EQ(a.def_kind, "class");
  EXPECT_EQ(a.span.bstart, offset_of(src, "class A"));  // decorators excluded
  EXPECT_EQ(a.span.start_line, 2);
  EXPECT_EQ(a.name_bstart, offset_of(src, "A("));
  EXPECT_EQ(a.scope_id, mod_context(src).module_scope_id);
  const DefRow& m = only_named(f.defs, "m");
  EXPECT_TRUE(m.is_async);
  EXPECT_TRUE(m.is_method);
  EXPECT_EQ(m.span.bstart, offset_of(src, "async def"));
  EXPECT_EQ(m.scope_id, a.node_id);
  EXPECT_EQ(m.qualname, "pkg.mod.A.m");
  const DefRow& top = only_named(f.defs, "top");
  EXPECT_FALSE(top.is_async);
  EXPECT_FALSE(top.is_method);
}

TEST(TsDefs, VariableBindingKinds) {
  std::string src =
      "a, (b, *c) = [d, e] = 1\n"
      "x += 1\n"
      "y: int = 2\n"
      "z: str\n"
      "for i, j in k: pass\n"
      "with open(p) as fh, q() as (r, s): pass\n"
      "try: pass\n"
      "except E as err: pass\n"
      "if (n := 10): pass\n"
      "match cmd:\n"
      "    case [Point(x=0, y=yy), *rest] if yy: pass\n"
      "    case {'k': v, **kw}: pass\n"
      "    case str() as sv: pass\n"
      "    case Color.RED: pass\n"
      "type Alias = list[int]\n"
      "self.attr = obj[0] = 3\n";
  FileFacts f = extract_source(src);
  auto kind_of = [&](std::string_view name) {
    auto rows = rows_named(f.defs, name);
    EXPECT_EQ(rows.size(), 1u) << name;
    return rows.empty() ? std::string() : rows[0]->def_kind;
  };
  for (const char* n : {"a", "b", "c", "d", "e"}) EXPECT_EQ(kind_of(n), "assign") << n;
  EXPECT_EQ(kind_of("x"), "augassign");
  EXPECT_EQ(kind_of("y"), "annassign");
  EXPECT_EQ(kind_of("z"), "annassign");
  EXPECT_EQ(kind_of("i"), "for");
  EXPECT_EQ(kind_of("j"), "for");
  EXPECT_EQ(kind_of("fh"), "with");
  EXPECT_EQ(kind_of("r"), "with");
  EXPECT_EQ(kind_of("s"), "with");
  EXPECT_EQ(kind_of("err"), "except");
  EXPECT_EQ(kind_of("n"), "walrus");
  for (const char* n : {"yy", "rest", "v", "kw", "sv"}) EXPECT_EQ(kind_of(n), "match") << n;
  EXPECT_EQ(kind_of("Alias"), "type_alias");
  // Not bindings: attributes, subscripts, class patterns, keyword patterns, value patterns.
  for (const char* n : {"attr", "obj", "self", "Point", "x_", "Color", "RED", "E", "k", "p"})
    EXPECT_TRUE(rows_named(f.defs, n).empty()) << n;
  const DefRow& c = only_named(f.defs, "c");
  EXPECT_EQ(c.kind, "VARIABLE");
  EXPECT_EQ(c.span.bstart, offset_of(src, "c)"));
  EXPECT_EQ(c.span.bend, c.span.bstart + 1);
  EXPECT_EQ(c.name_bstart, c.span.bstart);
  EXPECT_EQ(c.node_id, node_id_for(kPath, NodeKind::Variable, c.span.bstart, c.span.bend));
  EXPECT_EQ(c.qualname, "pkg.mod.c");
}

TEST(TsDefs, BindingQualnamesAndScopes) {
  std::string src =
      "class K:\n"
      "    attr = 1\n"
      "def f():\n"
      "    loc = 1\n"
      "    return [w for w in loc if (t := w)]\n";
  FileFacts f = extract_source(src);
  EXPECT_EQ(only_named(f.defs, "attr").qualname, "pkg.mod.K.attr");
  EXPECT_EQ(only_named(f.defs, "attr").scope_id, only_named(f.defs, "K").node_id);
  EXPECT_EQ(only_named(f.defs, "loc").qualname, "pkg.mod.f.<locals>.loc");
  const DefRow& w = only_named(f.defs, "w");
  EXPECT_EQ(w.def_kind, "comprehension_for");
  EXPECT_EQ(w.qualname, "pkg.mod.f.<locals>.<listcomp>.<locals>.w");
  const ScopeRow& comp = scope_by_qualname(f, "pkg.mod.f.<locals>.<listcomp>");
  EXPECT_EQ(w.scope_id, comp.scope_id);
  EXPECT_EQ(only_named(f.defs, "t").scope_id, comp.scope_id);  // walrus: lexical scope
}

}  // namespace
}  // namespace ca::test
