// Statements of the program IR: assignments, loops, with/except, return/raise, del,
// imports, type aliases; see ir_builder.hpp. Definitions are in ir_defs.cpp, match
// statements and `__all__` in ir_match.cpp.
#include "extract/ts/ir_builder.hpp"

namespace ca::ts {
using ir::StmtKind;

void IrBuilder::visit_stmt(const Task& task, IrNode kind) {
  const TSNode node = task.node;
  const NodeId scope = task.scope;
  switch (kind) {
    case IrNode::Skip:
    case IrNode::DottedName:
      return;
    case IrNode::ExpressionStatement:
      expression_statement(task);
      return;
    case IrNode::Assignment:
      assignment(task);
      return;
    case IrNode::AugAssignment:
      aug_assignment(task);
      return;
    case IrNode::For:
      for_statement(task);
      return;
    case IrNode::WithItem:
      with_item(task);
      return;
    case IrNode::Except:
      except_clause(task);
      return;
    case IrNode::Return:
      value_statement(task, StmtKind::Return);
      return;
    case IrNode::Raise:
      value_statement(task, StmtKind::Raise);
      return;
    case IrNode::Assert:
      collect(node, children_);
      for (const Child& c : children_) {
        uint32_t s = new_stmt(StmtKind::Condition, c.node, scope);
        later(c.node, scope, Mode::Expr, Slot{SlotKind::StmtValue, s});
      }
      return;
    case IrNode::Delete:
      delete_statement(task);
      return;
    case IrNode::Import:
      import_statement(task);
      return;
    case IrNode::FunctionDef:
    case IrNode::ClassDef:
      definition(node, TSNode{}, scope);
      return;
    case IrNode::Decorated: {
      TSNode def = ts_node_child_by_field_id(node, t_.f_definition);
      definition(def, node, scope);
      return;
    }
    case IrNode::Match:
      match_statement(task);
      return;
    case IrNode::CaseClause:
      case_clause(task);
      return;
    case IrNode::TypeAlias:
      type_alias(task);
      return;
    case IrNode::ForInClause:
      comprehension_for(node, scope, scope);
      return;
    case IrNode::CasePattern:
    case IrNode::ClassPattern:
    case IrNode::KeywordPattern:
    case IrNode::SplatPattern:
    case IrNode::DictPattern:
      later(node, scope, Mode::Pattern);
      return;
    default:
      if (is_expression(kind)) {
        uint32_t s = new_stmt(StmtKind::ExprStmt, node, scope);
        later(node, scope, Mode::Expr, Slot{SlotKind::StmtValue, s});
      } else {
        container(task);
      }
      return;
  }
}

void IrBuilder::container(const Task& task) {
  // Blocks, if/elif/else, while, try/finally, with clauses, ...: conditions are tests, the
  // rest are statements.
  collect(task.node, children_);
  for (const Child& c : children_) {
    if (c.field == t_.f_condition) {
      uint32_t s = new_stmt(StmtKind::Condition, c.node, task.scope);
      later(c.node, task.scope, Mode::Expr, Slot{SlotKind::StmtValue, s});
    } else {
      later(c.node, task.scope, Mode::Stmt);
    }
  }
}

void IrBuilder::expression_statement(const Task& task) {
  collect(task.node, children_);
  if (children_.empty()) return;
  if (children_.size() == 1) {
    TSNode child = children_[0].node;
    IrNode kind = ts_node_is_error(child) ? IrNode::Other : t_.of(ts_node_symbol(child));
    if (kind == IrNode::Assignment || kind == IrNode::AugAssignment) {
      Task inner{child, task.scope, Slot{}, Mode::Stmt};
      if (kind == IrNode::Assignment)
        assignment(inner);
      else
        aug_assignment(inner);
      return;
    }
    if (kind == IrNode::Call && task.scope == module_id_) dunder_all_call(child);
    uint32_t s = new_stmt(StmtKind::ExprStmt, task.node, task.scope);
    later(child, task.scope, Mode::Expr, Slot{SlotKind::StmtValue, s});
    return;
  }
  // `a, b` as a statement: a tuple.
  uint32_t s = new_stmt(StmtKind::ExprStmt, task.node, task.scope);
  ir::ExprId tuple =
      new_expr(ir::ExprKind::Tuple, task.node, task.scope, Slot{SlotKind::StmtValue, s});
  items_of(task, tuple, children_, Mode::Expr);
}

void IrBuilder::assignment(const Task& task) {
  const TSNode node = task.node;
  const NodeId scope = task.scope;
  TSNode left = ts_node_child_by_field_id(node, t_.f_left);
  TSNode type = ts_node_child_by_field_id(node, t_.f_type);
  TSNode right = ts_node_child_by_field_id(node, t_.f_right);
  if (ts_node_has_error(node)) {
    collect(node, children_);
    for (const Child& c : children_) {
      if (ts_node_is_error(c.node)) later(c.node, scope, Mode::Stmt);
    }
  }
  if (!ts_node_is_null(type)) {
    uint32_t s = new_stmt(StmtKind::AnnAssign, node, scope);
    if (!ts_node_is_null(left)) later(left, scope, Mode::Target, Slot{SlotKind::StmtTarget, s});
    later(type, scope, Mode::Expr, Slot{SlotKind::StmtExtra, s});
    if (!ts_node_is_null(right)) later(right, scope, Mode::Expr, Slot{SlotKind::StmtValue, s});
    if (scope == module_id_ && is_dunder_all(left) && !ts_node_is_null(right)) {
      ir_->has_dunder_all = true;
      ir_->dunder_all.clear();
      collect_dunder_all(right);
    }
    return;
  }
  // `a = b = v`: one statement per target, all with the value of the first.
  auto first = static_cast<uint32_t>(ir_->stmts.size());
  bool dunder_all = false;
  for (;;) {
    uint32_t s = new_stmt(StmtKind::Assign, node, scope);
    if (s != first) shared_values_.emplace_back(s, first);
    if (!ts_node_is_null(left)) later(left, scope, Mode::Target, Slot{SlotKind::StmtTarget, s});
    dunder_all = dunder_all || (scope == module_id_ && is_dunder_all(left));
    if (ts_node_is_null(right) || ts_node_is_error(right) ||
        t_.of(ts_node_symbol(right)) != IrNode::Assignment ||
        !ts_node_is_null(ts_node_child_by_field_id(right, t_.f_type)))
      break;
    if (ts_node_has_error(right)) {
      collect(right, children_);
      for (const Child& c : children_) {
        if (ts_node_is_error(c.node)) later(c.node, scope, Mode::Stmt);
      }
    }
    left = ts_node_child_by_field_id(right, t_.f_left);
    right = ts_node_child_by_field_id(right, t_.f_right);
  }
  if (!ts_node_is_null(right)) later(right, scope, Mode::Expr, Slot{SlotKind::StmtValue, first});
  if (dunder_all && !ts_node_is_null(right)) {
    ir_->has_dunder_all = true;
    ir_->dunder_all.clear();
    collect_dunder_all(right);
  }
}

void IrBuilder::aug_assignment(const Task& task) {
  uint32_t s = new_stmt(StmtKind::AugAssign, task.node, task.scope);
  collect(task.node, children_);
  for (const Child& c : children_) {
    if (c.field == t_.f_left) {
      later(c.node, task.scope, Mode::Target, Slot{SlotKind::StmtTarget, s});
      if (task.scope == module_id_ && is_dunder_all(c.node)) ir_->has_dunder_all = true;
    } else if (c.field == t_.f_right) {
      later(c.node, task.scope, Mode::Expr, Slot{SlotKind::StmtValue, s});
      if (task.scope == module_id_ &&
          is_dunder_all(ts_node_child_by_field_id(task.node, t_.f_left)))
        collect_dunder_all(c.node);
    } else {
      later(c.node, task.scope, Mode::Stmt);
    }
  }
}

void IrBuilder::for_statement(const Task& task) {
  uint32_t s = new_stmt(StmtKind::For, task.node, task.scope);
  collect(task.node, children_);
  for (const Child& c : children_) {
    if (c.field == t_.f_left)
      later(c.node, task.scope, Mode::Target, Slot{SlotKind::StmtTarget, s});
    else if (c.field == t_.f_right)
      later(c.node, task.scope, Mode::Expr, Slot{SlotKind::StmtValue, s});
    else
      later(c.node, task.scope, Mode::Stmt);
  }
}

void IrBuilder::as_pattern_into(TSNode as_pattern, NodeId scope, uint32_t stmt) {
  collect(as_pattern, inner_);
  bool seen_value = false;
  for (const Child& part : inner_) {
    if (part.field == t_.f_alias) {
      later(part.node, scope, Mode::Target, Slot{SlotKind::StmtTarget, stmt});
    } else if (!seen_value && !ts_node_is_error(part.node)) {
      seen_value = true;
      later(part.node, scope, Mode::Expr, Slot{SlotKind::StmtValue, stmt});
    } else {
      later(part.node, scope, Mode::Stmt);
    }
  }
}

void IrBuilder::with_item(const Task& task) {
  uint32_t s = new_stmt(StmtKind::With, task.node, task.scope);
  collect(task.node, children_);
  bool seen = false;
  for (const Child& c : children_) {
    if (seen || c.field != t_.f_value || ts_node_is_error(c.node)) {
      later(c.node, task.scope, Mode::Stmt);
      continue;
    }
    seen = true;
    if (ts_node_symbol(c.node) != t_.as_pattern) {
      later(c.node, task.scope, Mode::Expr, Slot{SlotKind::StmtValue, s});
      continue;
    }
    as_pattern_into(c.node, task.scope, s);  // `with cm as target`
  }
}

void IrBuilder::except_clause(const Task& task) {
  // `except E as e:` / `except E:` / `except:`; the body is statements.
  uint32_t s = new_stmt(StmtKind::ExceptAs, task.node, task.scope);
  collect(task.node, children_);
  bool seen = false;
  for (const Child& c : children_) {
    bool value = !seen && !ts_node_is_error(c.node) &&
                 (c.field == t_.f_value || is_expression(t_.of(ts_node_symbol(c.node))));
    if (!value) {
      later(c.node, task.scope, Mode::Stmt);
      continue;
    }
    seen = true;
    if (ts_node_symbol(c.node) != t_.as_pattern) {
      later(c.node, task.scope, Mode::Expr, Slot{SlotKind::StmtValue, s});
      continue;
    }
    as_pattern_into(c.node, task.scope, s);  // `except E as e`
  }
}

void IrBuilder::value_statement(const Task& task, StmtKind kind) {
  // return [value] / raise [value] [from cause]
  uint32_t s = new_stmt(kind, task.node, task.scope);
  collect(task.node, children_);
  bool seen = false;
  for (const Child& c : children_) {
    if (kind == StmtKind::Raise && c.field == t_.f_cause) {
      later(c.node, task.scope, Mode::Expr, Slot{SlotKind::StmtExtra, s});
    } else if (!seen && !ts_node_is_error(c.node)) {
      seen = true;
      later(c.node, task.scope, Mode::Expr, Slot{SlotKind::StmtValue, s});
    } else {
      later(c.node, task.scope, Mode::Stmt);
    }
  }
}

void IrBuilder::delete_statement(const Task& task) {
  // `del a, b.c`: one statement per target.
  collect(task.node, children_);
  if (children_.size() == 1 && ts_node_symbol(children_[0].node) == t_.expression_list) {
    TSNode list = children_[0].node;
    collect(list, children_);
  }
  for (const Child& c : children_) {
    if (ts_node_is_error(c.node)) {
      later(c.node, task.scope, Mode::Stmt);
      continue;
    }
    uint32_t s = new_stmt(StmtKind::Delete, c.node, task.scope);
    later(c.node, task.scope, Mode::Del, Slot{SlotKind::StmtTarget, s});
  }
}

void IrBuilder::import_statement(const Task& task) {
  // One statement per imported name, with the IMPORT node id of ts_imports.
  collect(task.node, children_);
  for (const Child& c : children_) {
    if (c.field != t_.f_name && ts_node_symbol(c.node) != t_.wildcard_import) continue;
    if (!usable(c.node) || ts_node_has_error(c.node)) continue;
    uint32_t s = new_stmt(StmtKind::Import, c.node, task.scope);
    ir_->stmts[s].node_id = id_of(NodeKind::Import, c.node);
  }
}

void IrBuilder::type_alias(const Task& task) {
  // `type X = v` binds X. tree-sitter-python also reads `type(obj).attr = v` this way: then
  // `type` is a load and the target is the attribute (as the fact walker sees it).
  const NodeId scope = task.scope;
  collect(task.node, children_);
  TSNode left{};
  TSNode right{};
  for (const Child& c : children_) {
    if (c.field == t_.f_left && ts_node_is_null(left))
      left = c.node;
    else if (c.field == t_.f_right && ts_node_is_null(right))
      right = c.node;
    else
      later(c.node, scope, Mode::Stmt);
  }
  uint32_t s = new_stmt(StmtKind::Assign, task.node, scope);
  if (!ts_node_is_null(left)) {
    TSNode name = first_named(left);
    if (!ts_node_is_null(name) && ts_node_symbol(name) == t_.generic_type) name = first_named(name);
    if (!ts_node_is_null(name) && ts_node_symbol(name) == t_.identifier) {
      name_expr(name, scope, Slot{SlotKind::StmtTarget, s}, true);
    } else {
      uint32_t start = ts_node_start_byte(task.node);
      if (src_.substr(start, 4) == "type") {
        uint32_t load = new_stmt(StmtKind::ExprStmt, task.node, scope);
        ir::ExprId id = new_expr_span(ir::ExprKind::Name, start, start + 4, scope,
                                      Slot{SlotKind::StmtValue, load});
        ir::Expr& e = ir_->exprs[id];
        e.node_id = node_id_for(context_->path, NodeKind::Reference, e.bstart, e.bend);
        e.text = "type";
      }
      if (!ts_node_is_null(name)) later(name, scope, Mode::Target, Slot{SlotKind::StmtTarget, s});
    }
  }
  if (!ts_node_is_null(right)) later(right, scope, Mode::Expr, Slot{SlotKind::StmtValue, s});
}

}  // namespace ca::ts
