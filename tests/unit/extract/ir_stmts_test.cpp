// The program IR's statements: assignments and targets, loops, with/except, returns,
// definitions with decorators, bases and defaults, match, __all__, and hostile input.
#include <gtest/gtest.h>

#include <unordered_set>

#include "ir_test_helpers.hpp"

namespace ca::test {
namespace {

using ir::ExprKind;
using ir::StmtKind;

TEST(IrStmts, ChainedAssignmentSharesTheValue) {
  FileFacts f = extract_source("a = b.c = d()\n");
  const ir::FileIr& ir = f.ir;
  auto assigns = stmts_of(ir, StmtKind::Assign);
  ASSERT_EQ(assigns.size(), 2u);
  EXPECT_EQ(assigns[0]->value, assigns[1]->value);
  EXPECT_EQ(ir.exprs[assigns[0]->value].kind, ExprKind::Call);
  const ir::Expr& a = ir.exprs[assigns[0]->target];
  EXPECT_EQ(a.kind, ExprKind::Name);
  EXPECT_EQ(a.node_id, only_named(f.defs, "a").node_id);
  const ir::Expr& c = ir.exprs[assigns[1]->target];
  EXPECT_EQ(c.kind, ExprKind::Attribute);
  EXPECT_EQ(c.text, "c");
  EXPECT_EQ(c.node_id, ref_at(6, 1));
}

TEST(IrStmts, TupleUnpackingTargets) {
  FileFacts f = extract_source("x, (y, *z) = v\n[p, q] = w\n");
  const ir::FileIr& ir = f.ir;
  auto assigns = stmts_of(ir, StmtKind::Assign);
  ASSERT_EQ(assigns.size(), 2u);
  const ir::Expr& t = ir.exprs[assigns[0]->target];
  EXPECT_EQ(t.kind, ExprKind::Tuple);
  ASSERT_EQ(t.items_count, 2u);
  EXPECT_EQ(ir.exprs[item(ir, t, 0)].node_id, only_named(f.defs, "x").node_id);
  const ir::Expr& inner = ir.exprs[item(ir, t, 1)];
  EXPECT_EQ(inner.kind, ExprKind::Tuple);
  const ir::Expr& star = ir.exprs[item(ir, inner, 1)];
  EXPECT_EQ(star.kind, ExprKind::Starred);
  EXPECT_EQ(ir.exprs[star.a].node_id, only_named(f.defs, "z").node_id);
  EXPECT_EQ(ir.exprs[assigns[1]->target].kind, ExprKind::List);
}

TEST(IrStmts, AugAndAnnotatedAssignment) {
  FileFacts f = extract_source("n += 1\nm: int\nk: List[int] = []\n");
  const ir::FileIr& ir = f.ir;
  auto aug = stmts_of(ir, StmtKind::AugAssign);
  ASSERT_EQ(aug.size(), 1u);
  EXPECT_EQ(ir.exprs[aug[0]->target].node_id, only_named(f.defs, "n").node_id);
  auto ann = stmts_of(ir, StmtKind::AnnAssign);
  ASSERT_EQ(ann.size(), 2u);
  EXPECT_EQ(ann[0]->value, ir::kNoExpr);
  EXPECT_EQ(text_of(ir, ann[0]->extra), "int");
  EXPECT_EQ(ir.exprs[ann[1]->value].kind, ExprKind::List);
  EXPECT_EQ(ir.exprs[ann[1]->extra].kind, ExprKind::Subscript);
}

TEST(IrStmts, ForWithExceptReturnRaiseDelete) {
  std::string src =
      "def f(xs):\n"
      "    for i, x in enumerate(xs):\n"
      "        pass\n"
      "    with open(p) as fh, lock:\n"
      "        pass\n"
      "    try:\n"
      "        pass\n"
      "    except ValueError as e:\n"
      "        raise Wrapped() from e\n"
      "    except:\n"
      "        pass\n"
      "    del xs[0], fh\n"
      "    return fh\n";
  FileFacts f = extract_source(src);
  const ir::FileIr& ir = f.ir;
  NodeId fn = scope_id(f, "pkg.mod.f");
  auto fors = stmts_of(ir, StmtKind::For);
  ASSERT_EQ(fors.size(), 1u);
  EXPECT_EQ(fors[0]->scope, fn);
  EXPECT_EQ(ir.exprs[fors[0]->target].kind, ExprKind::Tuple);
  EXPECT_EQ(ir.exprs[fors[0]->value].kind, ExprKind::Call);
  auto withs = stmts_of(ir, StmtKind::With);
  ASSERT_EQ(withs.size(), 2u);
  EXPECT_EQ(ir.exprs[withs[0]->value].kind, ExprKind::Call);
  EXPECT_EQ(ir.exprs[withs[0]->target].node_id, only_named(f.defs, "fh").node_id);
  EXPECT_EQ(text_of(ir, withs[1]->value), "lock");
  EXPECT_EQ(withs[1]->target, ir::kNoExpr);
  auto excepts = stmts_of(ir, StmtKind::ExceptAs);
  ASSERT_EQ(excepts.size(), 2u);
  EXPECT_EQ(text_of(ir, excepts[0]->value), "ValueError");
  EXPECT_EQ(ir.exprs[excepts[0]->target].node_id, only_named(f.defs, "e").node_id);
  EXPECT_EQ(excepts[1]->value, ir::kNoExpr);
  EXPECT_EQ(excepts[1]->target, ir::kNoExpr);
  auto raises = stmts_of(ir, StmtKind::Raise);
  ASSERT_EQ(raises.size(), 1u);
  EXPECT_EQ(ir.exprs[raises[0]->value].kind, ExprKind::Call);
  EXPECT_EQ(text_of(ir, raises[0]->extra), "e");
  auto deletes = stmts_of(ir, StmtKind::Delete);
  ASSERT_EQ(deletes.size(), 2u);
  EXPECT_EQ(ir.exprs[deletes[0]->target].kind, ExprKind::Subscript);
  EXPECT_EQ(ir.exprs[deletes[1]->target].kind, ExprKind::Name);
  auto returns = stmts_of(ir, StmtKind::Return);
  ASSERT_EQ(returns.size(), 1u);
  EXPECT_EQ(returns[0]->scope, fn);
  EXPECT_EQ(text_of(ir, returns[0]->value), "fh");
  // Source order: for, with, with, except, raise, except, delete, delete, return.
  std::vector<StmtKind> kinds;
  for (const ir::Stmt& s : ir.stmts) {
    if (s.kind != StmtKind::ExprStmt && s.kind != StmtKind::FunctionDef) kinds.push_back(s.kind);
  }
  std::vector<StmtKind> expected = {StmtKind::For,      StmtKind::With,   StmtKind::With,
                                    StmtKind::ExceptAs, StmtKind::Raise,  StmtKind::ExceptAs,
                                    StmtKind::Delete,   StmtKind::Delete, StmtKind::Return};
  EXPECT_EQ(kinds, expected);
}

TEST(IrStmts, FunctionDecoratorsAndDefaults) {
  std::string src =
      "@top.deco(1)\n"
      "@bottom\n"
      "def f(a, b=make(), *, c: int = 3):\n"
      "    return a\n";
  FileFacts f = extract_source(src);
  const ir::FileIr& ir = f.ir;
  auto defs = stmts_of(ir, StmtKind::FunctionDef);
  ASSERT_EQ(defs.size(), 1u);
  const DefRow& def = only_named(f.defs, "f");
  EXPECT_EQ(defs[0]->node_id, def.node_id);
  EXPECT_EQ(defs[0]->scope, f.scopes[0].scope_id);
  ASSERT_EQ(defs[0]->items_count, 2u);
  const ir::Expr& top = ir.exprs[ir.items[defs[0]->items_first]];
  EXPECT_EQ(top.kind, ExprKind::Call);
  EXPECT_EQ(text_of(ir, ir.items[defs[0]->items_first + 1]), "bottom");
  ASSERT_EQ(ir.params.size(), 2u);
  EXPECT_EQ(ir.params[0].function_id, def.node_id);
  EXPECT_EQ(ir.params[0].parameter_id, only_named(f.params, "b").node_id);
  EXPECT_EQ(ir.exprs[ir.params[0].value].kind, ExprKind::Call);
  EXPECT_EQ(ir.exprs[ir.params[0].value].scope, f.scopes[0].scope_id);
  EXPECT_EQ(ir.params[1].parameter_id, only_named(f.params, "c").node_id);
  // The annotation is evaluated in the enclosing scope.
  auto int_name = exprs_of(ir, ExprKind::Name, "int");
  ASSERT_EQ(int_name.size(), 1u);
  EXPECT_EQ(ir.exprs[int_name[0]].scope, f.scopes[0].scope_id);
  auto returns = stmts_of(ir, StmtKind::Return);
  ASSERT_EQ(returns.size(), 1u);
  EXPECT_EQ(returns[0]->scope, def.node_id);
}

TEST(IrStmts, ClassBasesKeywordsAndDecorators) {
  std::string src =
      "@register\n"
      "class C(Base, mixins.M, *more, metaclass=Meta, **kw):\n"
      "    x = 1\n";
  FileFacts f = extract_source(src);
  const ir::FileIr& ir = f.ir;
  auto classes = stmts_of(ir, StmtKind::ClassDef);
  ASSERT_EQ(classes.size(), 1u);
  const ir::Stmt& c = *classes[0];
  EXPECT_EQ(c.node_id, only_named(f.defs, "C").node_id);
  ASSERT_EQ(c.items_count, 3u);
  EXPECT_EQ(text_of(ir, ir.items[c.items_first]), "Base");
  EXPECT_EQ(text_of(ir, ir.items[c.items_first + 1]), "M");
  EXPECT_EQ(ir.exprs[ir.items[c.items_first + 2]].kind, ExprKind::Starred);
  ASSERT_EQ(c.args_count, 2u);
  EXPECT_EQ(ir.args[c.args_first].keyword, "metaclass");
  EXPECT_EQ(text_of(ir, ir.args[c.args_first].value), "Meta");
  EXPECT_EQ(ir.exprs[ir.args[c.args_first + 1].value].kind, ExprKind::DoubleStarred);
  ASSERT_EQ(c.extra_items_count, 1u);
  EXPECT_EQ(text_of(ir, ir.items[c.extra_items_first]), "register");
  auto assigns = stmts_of(ir, StmtKind::Assign);
  ASSERT_EQ(assigns.size(), 1u);
  EXPECT_EQ(assigns[0]->scope, c.node_id);
}

TEST(IrStmts, DunderAll) {
  std::string src =
      "__all__ = ['a', \"b\"]\n"
      "__all__ += ('c',)\n"
      "__all__.extend(['d'])\n"
      "__all__.append('e')\n"
      "def f():\n"
      "    __all__ = ['local']\n";
  FileFacts f = extract_source(src);
  EXPECT_TRUE(f.ir.has_dunder_all);
  std::vector<std::string> expected = {"a", "b", "c", "d", "e"};
  EXPECT_EQ(f.ir.dunder_all, expected);
  EXPECT_FALSE(extract_source("x = 1\n").ir.has_dunder_all);
}

TEST(IrStmts, MatchSubjectCapturesAndClassPatterns) {
  std::string src =
      "match cmd:\n"
      "    case Point(x=px):\n"
      "        pass\n"
      "    case [first, *rest] as whole:\n"
      "        pass\n"
      "    case other if other:\n"
      "        pass\n";
  FileFacts f = extract_source(src);
  const ir::FileIr& ir = f.ir;
  ASSERT_FALSE(ir.stmts.empty());
  const ir::Stmt& subject = ir.stmts[0];
  EXPECT_EQ(subject.kind, StmtKind::Condition);
  EXPECT_EQ(text_of(ir, subject.value), "cmd");
  // Point is a load; px a capture of part of the subject.
  bool point_loaded = false;
  for (const ir::Stmt* s : stmts_of(ir, StmtKind::Condition))
    point_loaded = point_loaded || text_of(ir, s->value) == "Point";
  EXPECT_TRUE(point_loaded);
  for (const ir::Stmt* s : stmts_of(ir, StmtKind::Assign)) {
    std::string_view name = text_of(ir, s->target);
    EXPECT_EQ(ir.exprs[s->target].node_id, only_named(f.defs, name).node_id) << name;
    if (name == "whole" || name == "other")
      EXPECT_EQ(s->value, subject.value) << name;
    else
      EXPECT_EQ(ir.exprs[s->value].kind, ExprKind::Unknown) << name;
  }
  EXPECT_EQ(stmts_of(ir, StmtKind::Assign).size(), 5u);  // px, first, rest, whole, other
}

TEST(IrStmts, DeepNestingDoesNotOverflow) {
  const int depth = 100000;
  std::string src = "x = " + std::string(depth, '(') + "f(1)" + std::string(depth, ')') + "\n";
  FileFacts f = extract_source(src);
  ASSERT_EQ(stmts_of(f.ir, StmtKind::Assign).size(), 1u);
  EXPECT_EQ(f.ir.exprs[f.ir.stmts[0].value].kind, ExprKind::Call);

  std::string lists = "y = " + std::string(depth, '[') + std::string(depth, ']') + "\n";
  FileFacts g = extract_source(lists);
  EXPECT_GE(g.ir.exprs.size(), static_cast<size_t>(depth));

  std::string calls = "z = ";
  for (int i = 0; i < depth; ++i) calls += "g(";
  calls += std::string(depth, ')') + "\n";
  FileFacts h = extract_source(calls);
  EXPECT_EQ(exprs_of(h.ir, ExprKind::Call).size(), static_cast<size_t>(depth));
}

TEST(IrStmts, SyntaxErrorsKeepTheRest) {
  std::string src =
      "def before(): return g()\n"
      "x = = 1\n"
      "f(a, b c)\n"
      "class (:\n"
      "def after(): return h()\n";
  FileFacts f = extract_source(src);
  EXPECT_FALSE(f.diagnostics.empty());
  std::unordered_set<NodeId> calls;
  for (const CallRow& c : f.calls) calls.insert(c.node_id);
  size_t ir_calls = 0;
  for (ir::ExprId id : exprs_of(f.ir, ExprKind::Call)) {
    EXPECT_TRUE(calls.count(f.ir.exprs[id].node_id));
    ++ir_calls;
  }
  EXPECT_EQ(ir_calls, f.calls.size());
  EXPECT_GE(stmts_of(f.ir, StmtKind::FunctionDef).size(), 2u);
}

TEST(IrStmts, DeterministicAndReusable) {
  std::string src = "import os\nx = [os.path.join(a, b) for a in c]\n";
  FileFacts one = extract_source(src);
  PythonSyntaxExtractor extractor;
  SourceText text;
  text.utf8 = src;
  FileFacts first;
  FileFacts second;
  extractor.extract(text, mod_context(src), first);
  extractor.extract(text, mod_context(src), second);
  for (const FileFacts* f : {&first, &second}) {
    ASSERT_EQ(f->ir.exprs.size(), one.ir.exprs.size());
    ASSERT_EQ(f->ir.stmts.size(), one.ir.stmts.size());
    for (size_t i = 0; i < one.ir.exprs.size(); ++i) {
      EXPECT_EQ(f->ir.exprs[i].node_id, one.ir.exprs[i].node_id);
      EXPECT_EQ(f->ir.exprs[i].a, one.ir.exprs[i].a);
      EXPECT_EQ(f->ir.exprs[i].bstart, one.ir.exprs[i].bstart);
    }
  }
}

}  // namespace
}  // namespace ca::test
