// Expressions with a scope of their own in the program IR: comprehensions (with their
// for/if clauses as statements) and lambdas; see ir_builder.hpp.
#include "extract/ts/ir_builder.hpp"

namespace ca::ts {

using ir::ExprKind;

void IrBuilder::comprehension_expr(const Task& task) {
  const TSNode node = task.node;
  const NodeId outer = task.scope;
  NodeId inner = id_of("COMPREHENSION", node);
  ir::ExprId id = new_expr(ExprKind::Comprehension, node, inner, task.slot);
  TSSymbol symbol = ts_node_symbol(node);
  ir_->exprs[id].node_id = inner;
  ir_->exprs[id].const_kind = symbol == t_.list_comprehension         ? ir::ConstKind::ListComp
                              : symbol == t_.set_comprehension        ? ir::ConstKind::SetComp
                              : symbol == t_.dictionary_comprehension ? ir::ConstKind::DictComp
                                                                      : ir::ConstKind::GeneratorExp;
  collect(node, children_);
  bool first = true;
  for (const Child& c : children_) {
    TSSymbol child = ts_node_symbol(c.node);
    if (c.field == t_.f_body) {
      if (child == t_.pair) {
        TSNode key = ts_node_child_by_field_id(c.node, t_.f_key);
        TSNode value = ts_node_child_by_field_id(c.node, t_.f_value);
        if (!ts_node_is_null(key)) later(key, inner, Mode::Expr, Slot{SlotKind::ExprA, id});
        if (!ts_node_is_null(value)) later(value, inner, Mode::Expr, Slot{SlotKind::ExprB, id});
      } else {
        later(c.node, inner, Mode::Expr, Slot{SlotKind::ExprA, id});
      }
    } else if (child == t_.for_in_clause) {
      // The first iterable is evaluated in the enclosing scope.
      comprehension_for(c.node, inner, first ? outer : inner);
      first = false;
    } else if (child == t_.if_clause) {
      TSNode test = first_named(c.node);
      if (ts_node_is_null(test)) continue;
      uint32_t s = new_stmt(ir::StmtKind::Condition, c.node, inner);
      later(test, inner, Mode::Expr, Slot{SlotKind::StmtValue, s});
    } else {
      later(c.node, inner, Mode::Stmt);
    }
  }
}

void IrBuilder::comprehension_for(TSNode clause, NodeId scope, NodeId iterable_scope) {
  uint32_t s = new_stmt(ir::StmtKind::ComprehensionFor, clause, scope);
  collect(clause, inner_);
  uint32_t n_right = 0;
  TSNode first_right{};
  TSNode last_right{};
  for (const Child& c : inner_) {
    if (c.field != t_.f_right) continue;
    if (n_right++ == 0) first_right = c.node;
    last_right = c.node;
  }
  uint32_t item = 0;
  if (n_right > 1) {
    ir::ExprId tuple =
        new_expr_span(ExprKind::Tuple, ts_node_start_byte(first_right),
                      ts_node_end_byte(last_right), iterable_scope, Slot{SlotKind::StmtValue, s});
    item = reserve_items(n_right);
    ir_->exprs[tuple].items_first = item;
    ir_->exprs[tuple].items_count = n_right;
  }
  for (const Child& c : inner_) {
    if (c.field == t_.f_left) {
      later(c.node, scope, Mode::Target, Slot{SlotKind::StmtTarget, s});
    } else if (c.field == t_.f_right) {
      Slot slot = n_right > 1 ? Slot{SlotKind::Item, item++} : Slot{SlotKind::StmtValue, s};
      later(c.node, iterable_scope, Mode::Expr, slot);
    } else {
      later(c.node, scope, Mode::Stmt);
    }
  }
}

void IrBuilder::lambda_expr(const Task& task) {
  const TSNode node = task.node;
  NodeId inner = id_of(NodeKind::Lambda, node);
  ir::ExprId id = new_expr(ExprKind::Lambda, node, inner, task.slot);
  ir_->exprs[id].node_id = inner;
  collect(node, children_);
  for (const Child& c : children_) {
    if (c.field == t_.f_parameters)
      parameters(c.node, inner, task.scope);
    else if (c.field == t_.f_body)
      later(c.node, inner, Mode::Expr, Slot{SlotKind::ExprA, id});
    else
      later(c.node, inner, Mode::Stmt);
  }
}

}  // namespace ca::ts
