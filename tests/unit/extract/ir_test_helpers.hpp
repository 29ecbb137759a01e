// Shared helpers of the program-IR tests: finding expressions and statements, and checking
// that their ids join the ts_* rows of the same file.
#pragma once

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "ts_test_helpers.hpp"

namespace ca::test {

/// Expressions of `kind` (with `text`, when given), in creation order.
inline std::vector<ir::ExprId> exprs_of(const ir::FileIr& ir, ir::ExprKind kind,
                                        std::string_view text = {}) {
  std::vector<ir::ExprId> out;
  for (ir::ExprId i = 0; i < ir.exprs.size(); ++i) {
    if (ir.exprs[i].kind == kind && (text.empty() || ir.exprs[i].text == text)) out.push_back(i);
  }
  return out;
}

/// The only expression of `kind` with `text`; fails the test when there is not exactly one.
inline const ir::Expr& only_expr(const ir::FileIr& ir, ir::ExprKind kind, std::string_view text) {
  auto found = exprs_of(ir, kind, text);
  EXPECT_EQ(found.size(), 1u) << "expressions " << static_cast<int>(kind) << " " << text;
  static const ir::Expr empty{};
  return found.empty() ? empty : ir.exprs[found.front()];
}

/// Statements of `kind`, in source order.
inline std::vector<const ir::Stmt*> stmts_of(const ir::FileIr& ir, ir::StmtKind kind) {
  std::vector<const ir::Stmt*> out;
  for (const ir::Stmt& s : ir.stmts) {
    if (s.kind == kind) out.push_back(&s);
  }
  return out;
}

inline ir::ExprId item(const ir::FileIr& ir, const ir::Expr& e, uint32_t i) {
  EXPECT_LT(i, e.items_count);
  return ir.items[e.items_first + i];
}

inline const ir::Arg& arg(const ir::FileIr& ir, const ir::Expr& call, uint32_t i) {
  EXPECT_LT(i, call.items_count);
  return ir.args[call.items_first + i];
}

/// The text of a Name/Attribute expression, or "" for anything else.
inline std::string_view text_of(const ir::FileIr& ir, ir::ExprId id) {
  if (id == ir::kNoExpr) return {};
  return ir.exprs[id].text;
}

/// The scope id of a named scope row (function, class, lambda or comprehension).
inline NodeId scope_id(const FileFacts& f, std::string_view qualname) {
  return scope_by_qualname(f, qualname).scope_id;
}

}  // namespace ca::test
