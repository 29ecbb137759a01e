// The program IR's expressions: calls and their arguments, attribute chains, lambdas,
// comprehensions, literals and f-strings, and ids that join the ts_* rows.
#include <gtest/gtest.h>

#include <unordered_set>

#include "ir_test_helpers.hpp"

namespace ca::test {
namespace {

using ir::ExprKind;

TEST(IrExprs, CallArgumentsKeywordsAndStars) {
  std::string src = "f(a, *b, k=c, **d)\n";
  FileFacts f = extract_source(src);
  const ir::FileIr& ir = f.ir;
  auto calls = exprs_of(ir, ExprKind::Call);
  ASSERT_EQ(calls.size(), 1u);
  const ir::Expr& call = ir.exprs[calls[0]];
  ASSERT_EQ(f.calls.size(), 1u);
  EXPECT_EQ(call.node_id, f.calls[0].node_id);
  EXPECT_EQ(text_of(ir, call.a), "f");
  ASSERT_EQ(call.items_count, 4u);
  EXPECT_EQ(text_of(ir, arg(ir, call, 0).value), "a");
  EXPECT_TRUE(arg(ir, call, 0).keyword.empty());
  const ir::Expr& star = ir.exprs[arg(ir, call, 1).value];
  EXPECT_EQ(star.kind, ExprKind::Starred);
  EXPECT_EQ(text_of(ir, star.a), "b");
  EXPECT_EQ(arg(ir, call, 2).keyword, "k");
  EXPECT_EQ(text_of(ir, arg(ir, call, 2).value), "c");
  const ir::Expr& double_star = ir.exprs[arg(ir, call, 3).value];
  EXPECT_EQ(double_star.kind, ExprKind::DoubleStarred);
  EXPECT_EQ(text_of(ir, double_star.a), "d");
  EXPECT_EQ(call.bstart, 0);
  EXPECT_EQ(call.bend, static_cast<int64_t>(src.size() - 1));
  auto stmts = stmts_of(ir, ir::StmtKind::ExprStmt);
  ASSERT_EQ(stmts.size(), 1u);
  EXPECT_EQ(stmts[0]->value, calls[0]);
}

TEST(IrExprs, GeneratorArgumentIsOnePositionalComprehension) {
  FileFacts f = extract_source("f(x for x in y)\n");
  const ir::Expr& call = f.ir.exprs[exprs_of(f.ir, ExprKind::Call).at(0)];
  ASSERT_EQ(call.items_count, 1u);
  const ir::Expr& gen = f.ir.exprs[arg(f.ir, call, 0).value];
  EXPECT_EQ(gen.kind, ExprKind::Comprehension);
  EXPECT_EQ(gen.const_kind, ir::ConstKind::GeneratorExp);
}

TEST(IrExprs, AttributeChainIdsJoinTsNames) {
  std::string src = "a.b.c()\n";
  FileFacts f = extract_source(src);
  const ir::FileIr& ir = f.ir;
  const ir::Expr& c = only_expr(ir, ExprKind::Attribute, "c");
  EXPECT_EQ(c.node_id, ref_at(4, 1));
  EXPECT_EQ(c.bstart, 0);
  EXPECT_EQ(c.bend, 5);
  const ir::Expr& b = ir.exprs[c.a];
  EXPECT_EQ(b.kind, ExprKind::Attribute);
  EXPECT_EQ(b.text, "b");
  EXPECT_EQ(b.node_id, ref_at(2, 1));
  const ir::Expr& a = ir.exprs[b.a];
  EXPECT_EQ(a.kind, ExprKind::Name);
  EXPECT_EQ(a.node_id, ref_at(0, 1));
  EXPECT_EQ(a.node_id, only_named(f.names, "a").node_id);
  EXPECT_EQ(f.calls.at(0).callee_ref_id, c.node_id);
}

TEST(IrExprs, EveryIdJoinsItsRow) {
  std::string src =
      "import os, a.b as c\n"
      "from m import (x as y, z)\n"
      "@deco(1)\n"
      "def f(p, q=os.sep, *r, s: int = 2, **t) -> R:\n"
      "    u = [v * 2 for v in p if v]\n"
      "    w, *rest = g(u)[0]\n"
      "    with open(p) as fh, lock:\n"
      "        pass\n"
      "    try:\n"
      "        pass\n"
      "    except (E, F) as e:\n"
      "        del e\n"
      "    for i in range(3):\n"
      "        yield (k := i)\n"
      "    return lambda n=1: n + w\n"
      "class K(Base, metaclass=Meta):\n"
      "    attr: int = 1\n"
      "    def m(self):\n"
      "        self.x = {a: b for a, b in self.items()}\n"
      "match cmd:\n"
      "    case Point(x=px, y=0) | [px, *_]:\n"
      "        pass\n"
      "    case other:\n"
      "        print(f'{other!r:>{width}}')\n";
  FileFacts f = extract_source(src);
  const ir::FileIr& ir = f.ir;
  std::unordered_set<NodeId> names;
  std::unordered_set<NodeId> variables;
  std::unordered_set<NodeId> calls;
  std::unordered_set<NodeId> scopes;
  for (const NameRow& n : f.names) names.insert(n.node_id);
  for (const DefRow& d : f.defs) variables.insert(d.node_id);
  for (const CallRow& c : f.calls) calls.insert(c.node_id);
  for (const ScopeRow& s : f.scopes) scopes.insert(s.scope_id);
  std::unordered_set<NodeId> seen;
  for (const ir::Expr& e : ir.exprs) {
    EXPECT_TRUE(scopes.count(e.scope)) << e.bstart;
    if (e.kind == ExprKind::Name || e.kind == ExprKind::Attribute) {
      EXPECT_TRUE(names.count(e.node_id) || variables.count(e.node_id)) << e.text;
      seen.insert(e.node_id);
    } else if (e.kind == ExprKind::Call) {
      EXPECT_TRUE(calls.count(e.node_id)) << e.bstart;
      seen.insert(e.node_id);
    }
  }
  // ...and every row has its expression: loads/dels by REFERENCE, stores by VARIABLE.
  for (const NameRow& n : f.names) {
    NodeId id = n.ctx == "store" && !n.is_attribute
                    ? node_id_for(kPath, NodeKind::Variable, n.span.bstart, n.span.bend)
                    : n.node_id;
    EXPECT_TRUE(seen.count(id)) << n.name << " " << n.ctx << " at " << n.span.bstart;
  }
  for (const CallRow& c : f.calls) EXPECT_TRUE(seen.count(c.node_id)) << c.callee_text;
  std::unordered_set<NodeId> imports;
  for (const ImportRow& i : f.imports) imports.insert(i.node_id);
  auto import_stmts = stmts_of(ir, ir::StmtKind::Import);
  EXPECT_EQ(import_stmts.size(), f.imports.size());
  for (const ir::Stmt* s : import_stmts) EXPECT_TRUE(imports.count(s->node_id));
}

TEST(IrExprs, LambdaBodyIsInTheLambdaScope) {
  std::string src = "def f():\n    return lambda x, y=z: x + y\n";
  FileFacts f = extract_source(src);
  const ir::FileIr& ir = f.ir;
  auto lambdas = exprs_of(ir, ExprKind::Lambda);
  ASSERT_EQ(lambdas.size(), 1u);
  const ir::Expr& lambda = ir.exprs[lambdas[0]];
  const DefRow& def = only_named(f.defs, "<lambda>");
  EXPECT_EQ(lambda.node_id, def.node_id);
  EXPECT_EQ(lambda.scope, def.node_id);
  const ir::Expr& body = ir.exprs[lambda.a];
  EXPECT_EQ(body.kind, ExprKind::Operator);
  EXPECT_EQ(body.scope, def.node_id);
  EXPECT_EQ(ir.exprs[item(ir, body, 0)].scope, def.node_id);
  // The default is evaluated where the lambda is.
  ASSERT_EQ(ir.params.size(), 1u);
  EXPECT_EQ(ir.params[0].function_id, def.node_id);
  EXPECT_EQ(ir.params[0].parameter_id, only_named(f.params, "y").node_id);
  EXPECT_EQ(ir.exprs[ir.params[0].value].scope, scope_id(f, "pkg.mod.f"));
  auto returns = stmts_of(ir, ir::StmtKind::Return);
  ASSERT_EQ(returns.size(), 1u);
  EXPECT_EQ(returns[0]->value, lambdas[0]);
  EXPECT_EQ(returns[0]->scope, scope_id(f, "pkg.mod.f"));
}

TEST(IrExprs, ComprehensionFirstIterableInEnclosingScope) {
  std::string src = "def f(rows):\n    return {k: v for k, v in rows for w in k if w}\n";
  FileFacts f = extract_source(src);
  const ir::FileIr& ir = f.ir;
  NodeId fn = scope_id(f, "pkg.mod.f");
  NodeId comp = scope_id(f, "pkg.mod.f.<locals>.<dictcomp>");
  auto comps = exprs_of(ir, ExprKind::Comprehension);
  ASSERT_EQ(comps.size(), 1u);
  const ir::Expr& c = ir.exprs[comps[0]];
  EXPECT_EQ(c.scope, comp);
  EXPECT_EQ(c.const_kind, ir::ConstKind::DictComp);
  EXPECT_EQ(text_of(ir, c.a), "k");
  EXPECT_EQ(text_of(ir, c.b), "v");
  auto fors = stmts_of(ir, ir::StmtKind::ComprehensionFor);
  ASSERT_EQ(fors.size(), 2u);
  EXPECT_EQ(fors[0]->scope, comp);
  EXPECT_EQ(ir.exprs[fors[0]->value].text, "rows");
  EXPECT_EQ(ir.exprs[fors[0]->value].scope, fn);
  const ir::Expr& target = ir.exprs[fors[0]->target];
  EXPECT_EQ(target.kind, ExprKind::Tuple);
  ASSERT_EQ(target.items_count, 2u);
  const ir::Expr& k = ir.exprs[item(ir, target, 0)];
  EXPECT_EQ(k.node_id, rows_named(f.defs, "k").at(0)->node_id);
  EXPECT_EQ(ir.exprs[fors[1]->value].scope, comp);
  auto conditions = stmts_of(ir, ir::StmtKind::Condition);
  ASSERT_EQ(conditions.size(), 1u);
  EXPECT_EQ(conditions[0]->scope, comp);
  EXPECT_EQ(text_of(ir, conditions[0]->value), "w");
}

TEST(IrExprs, Constants) {
  std::string src =
      "a = 'x'\nb = \"\"\"doc\"\"\"\nc = 0x1F\nd = 1_000\ne = 1.5\nf = 2j\n"
      "g = b'q'\nh = 'a\\n'\ni = True\nj = None\nk = ...\nl = 'p' 'q'\n";
  FileFacts f = extract_source(src);
  const ir::FileIr& ir = f.ir;
  auto value = [&](size_t n) -> const ir::Expr& { return ir.exprs[ir.stmts.at(n).value]; };
  EXPECT_EQ(value(0).const_kind, ir::ConstKind::Str);
  EXPECT_EQ(value(0).text, "x");
  EXPECT_EQ(value(1).text, "doc");
  EXPECT_EQ(value(2).const_kind, ir::ConstKind::Int);
  EXPECT_EQ(value(2).text, "31");
  EXPECT_EQ(value(3).text, "1000");
  EXPECT_EQ(value(4).const_kind, ir::ConstKind::Float);
  EXPECT_EQ(value(5).const_kind, ir::ConstKind::Complex);
  EXPECT_EQ(value(6).const_kind, ir::ConstKind::Bytes);
  EXPECT_EQ(value(7).const_kind, ir::ConstKind::Str);
  EXPECT_EQ(value(7).text, "");  // escapes: no value
  EXPECT_EQ(value(8).const_kind, ir::ConstKind::Bool);
  EXPECT_EQ(value(9).const_kind, ir::ConstKind::NoneValue);
  EXPECT_EQ(value(10).const_kind, ir::ConstKind::Ellipsis);
  EXPECT_EQ(value(11).text, "pq");
}

TEST(IrExprs, DisplaysSubscriptsAndOperators) {
  std::string src =
      "x = ({'k': v, **m}, [1, *s], {y}, a[i, j], p if q else r, u or w, not n, "
      "f'{g(h)!r:>{width}}')\n";
  FileFacts f = extract_source(src);
  const ir::FileIr& ir = f.ir;
  const ir::Expr& tuple = ir.exprs[ir.stmts.at(0).value];
  ASSERT_EQ(tuple.kind, ExprKind::Tuple);
  ASSERT_EQ(tuple.items_count, 8u);
  const ir::Expr& dict = ir.exprs[item(ir, tuple, 0)];
  EXPECT_EQ(dict.kind, ExprKind::Dict);
  ASSERT_EQ(dict.items_count, 4u);
  EXPECT_EQ(ir.exprs[item(ir, dict, 0)].text, "k");
  EXPECT_EQ(text_of(ir, item(ir, dict, 1)), "v");
  EXPECT_EQ(item(ir, dict, 2), ir::kNoExpr);
  EXPECT_EQ(ir.exprs[item(ir, dict, 3)].kind, ExprKind::DoubleStarred);
  EXPECT_EQ(ir.exprs[item(ir, tuple, 1)].kind, ExprKind::List);
  EXPECT_EQ(ir.exprs[item(ir, tuple, 2)].kind, ExprKind::Set);
  const ir::Expr& sub = ir.exprs[item(ir, tuple, 3)];
  EXPECT_EQ(sub.kind, ExprKind::Subscript);
  EXPECT_EQ(text_of(ir, sub.a), "a");
  EXPECT_EQ(ir.exprs[sub.b].kind, ExprKind::Tuple);
  const ir::Expr& cond = ir.exprs[item(ir, tuple, 4)];
  EXPECT_EQ(cond.kind, ExprKind::Conditional);
  EXPECT_EQ(text_of(ir, cond.a), "p");
  EXPECT_EQ(text_of(ir, cond.b), "r");
  EXPECT_EQ(text_of(ir, item(ir, cond, 0)), "q");
  const ir::Expr& bool_op = ir.exprs[item(ir, tuple, 5)];
  EXPECT_EQ(bool_op.kind, ExprKind::BoolOp);
  EXPECT_EQ(bool_op.items_count, 2u);
  EXPECT_EQ(ir.exprs[item(ir, tuple, 6)].kind, ExprKind::Operator);
  const ir::Expr& fstring = ir.exprs[item(ir, tuple, 7)];
  EXPECT_EQ(fstring.kind, ExprKind::FString);
  ASSERT_EQ(fstring.items_count, 1u);
  // The interpolation and its nested format expression are both kept.
  const ir::Expr& interp = ir.exprs[item(ir, fstring, 0)];
  ASSERT_EQ(interp.items_count, 2u);
  EXPECT_EQ(ir.exprs[item(ir, interp, 0)].kind, ExprKind::Call);
  EXPECT_EQ(text_of(ir, item(ir, interp, 1)), "width");
}

TEST(IrExprs, NamedExpressionBindsAVariable) {
  FileFacts f = extract_source("if (n := len(a)) > 1:\n    pass\n");
  const ir::FileIr& ir = f.ir;
  auto walrus = exprs_of(ir, ExprKind::NamedExpr);
  ASSERT_EQ(walrus.size(), 1u);
  const ir::Expr& w = ir.exprs[walrus[0]];
  EXPECT_EQ(ir.exprs[w.a].node_id, only_named(f.defs, "n").node_id);
  EXPECT_EQ(ir.exprs[w.b].kind, ExprKind::Call);
  ASSERT_EQ(stmts_of(ir, ir::StmtKind::Condition).size(), 1u);
}

}  // namespace
}  // namespace ca::test
