// Match statements (subject, patterns, captures) and the module's `__all__` in the
// program IR; see ir_builder.hpp.
#include "extract/ts/ir_builder.hpp"

namespace ca::ts {

using ir::StmtKind;

void IrBuilder::match_statement(const Task& task) {
  // The subject is a Condition; the case clauses know which statement holds it.
  const NodeId scope = task.scope;
  collect(task.node, children_);
  uint32_t n_subjects = 0;
  TSNode first_subject{};
  TSNode last_subject{};
  for (const Child& c : children_) {
    if (c.field != t_.f_subject) continue;
    if (n_subjects++ == 0) first_subject = c.node;
    last_subject = c.node;
  }
  uint32_t s = new_stmt(StmtKind::Condition, task.node, scope);
  uint32_t item = 0;
  if (n_subjects > 1) {
    ir::ExprId tuple =
        new_expr_span(ir::ExprKind::Tuple, ts_node_start_byte(first_subject),
                      ts_node_end_byte(last_subject), scope, Slot{SlotKind::StmtValue, s});
    item = reserve_items(n_subjects);
    ir_->exprs[tuple].items_first = item;
    ir_->exprs[tuple].items_count = n_subjects;
  }
  bool has_subject = n_subjects > 0;
  for (const Child& c : children_) {
    if (c.field == t_.f_subject) {
      Slot slot = n_subjects > 1 ? Slot{SlotKind::Item, item++} : Slot{SlotKind::StmtValue, s};
      later(c.node, scope, Mode::Expr, slot);
    } else if (ts_node_symbol(c.node) == t_.case_clause) {
      later(c.node, scope, Mode::Stmt, Slot{}, has_subject, s);
    } else if (c.field == t_.f_body && !ts_node_is_error(c.node)) {
      collect(c.node, inner_);
      for (const Child& clause : inner_)
        later(clause.node, scope, Mode::Stmt, Slot{}, has_subject, s);
    } else {
      later(c.node, scope, Mode::Stmt);
    }
  }
}

void IrBuilder::case_clause(const Task& task) {
  collect(task.node, children_);
  uint32_t n_patterns = 0;
  for (const Child& c : children_) n_patterns += ts_node_symbol(c.node) == t_.case_pattern ? 1 : 0;
  for (const Child& c : children_) {
    if (ts_node_symbol(c.node) == t_.case_pattern) {
      // A lone pattern matches the whole subject: its captures hold the subject.
      later(c.node, task.scope, Mode::Pattern, Slot{}, task.flag && n_patterns == 1, task.aux);
    } else if (c.field == t_.f_guard) {
      TSNode test = first_named(c.node);
      if (ts_node_is_null(test)) continue;
      uint32_t s = new_stmt(StmtKind::Condition, c.node, task.scope);
      later(test, task.scope, Mode::Expr, Slot{SlotKind::StmtValue, s});
    } else {
      later(c.node, task.scope, Mode::Stmt);
    }
  }
}

void IrBuilder::visit_pattern(const Task& task, IrNode kind) {
  const TSNode node = task.node;
  const NodeId scope = task.scope;
  switch (kind) {
    case IrNode::Identifier:
      capture(node, task);
      return;
    case IrNode::DottedName: {
      collect(node, inner_);
      if (inner_.size() == 1 && ts_node_symbol(inner_[0].node) == t_.identifier) {
        capture(inner_[0].node, task);
      } else {
        uint32_t s = new_stmt(StmtKind::Condition, node, scope);
        dotted_load(node, scope, Slot{SlotKind::StmtValue, s});
      }
      return;
    }
    case IrNode::ClassPattern: {
      collect(node, children_);
      bool seen_class = false;
      for (const Child& c : children_) {
        if (!seen_class && ts_node_symbol(c.node) == t_.dotted_name) {
          seen_class = true;
          uint32_t s = new_stmt(StmtKind::Condition, c.node, scope);
          dotted_load(c.node, scope, Slot{SlotKind::StmtValue, s});
        } else {
          later(c.node, scope, Mode::Pattern);
        }
      }
      return;
    }
    case IrNode::KeywordPattern: {
      collect(node, children_);
      bool seen_keyword = false;
      for (const Child& c : children_) {
        if (!seen_keyword && ts_node_symbol(c.node) == t_.identifier) {
          seen_keyword = true;
          continue;
        }
        later(c.node, scope, Mode::Pattern);
      }
      return;
    }
    case IrNode::CasePattern:
    case IrNode::AsPattern:
    case IrNode::Paren:
      // Alternatives and `p as name` match the same value as the pattern itself.
      collect(node, children_);
      for (const Child& c : children_)
        later(c.node, scope, Mode::Pattern, Slot{}, task.flag, task.aux);
      return;
    case IrNode::SplatPattern:
    case IrNode::Tuple:
    case IrNode::List:
    case IrNode::ListSplat:
      collect(node, children_);
      for (const Child& c : children_) later(c.node, scope, Mode::Pattern);
      return;
    case IrNode::DictPattern: {
      collect(node, children_);
      for (const Child& c : children_) {
        if (c.field == t_.f_key) {
          uint32_t s = new_stmt(StmtKind::Condition, c.node, scope);
          if (ts_node_symbol(c.node) == t_.dotted_name)
            dotted_load(c.node, scope, Slot{SlotKind::StmtValue, s});
          else
            later(c.node, scope, Mode::Expr, Slot{SlotKind::StmtValue, s});
        } else {
          later(c.node, scope, Mode::Pattern);
        }
      }
      return;
    }
    default: {  // literals and value expressions are compared with the subject
      uint32_t s = new_stmt(StmtKind::Condition, node, scope);
      later(node, scope, Mode::Expr, Slot{SlotKind::StmtValue, s});
      return;
    }
  }
}

void IrBuilder::capture(TSNode identifier, const Task& task) {
  if (!usable(identifier)) return;
  uint32_t s = new_stmt(StmtKind::Assign, identifier, task.scope);
  name_expr(identifier, task.scope, Slot{SlotKind::StmtTarget, s}, true);
  if (task.flag)
    ir_->stmts[s].value = ir_->stmts[task.aux].value;  // the subject, built already
  else
    unknown(identifier, task.scope, Slot{SlotKind::StmtValue, s});  // a part of it
}

ir::ExprId IrBuilder::dotted_load(TSNode dotted, NodeId scope, Slot slot) {
  collect(dotted, inner_);
  uint32_t start = ts_node_start_byte(dotted);
  ir::ExprId chain = ir::kNoExpr;
  for (const Child& c : inner_) {
    if (ts_node_symbol(c.node) != t_.identifier || !usable(c.node)) continue;
    ir::ExprId id;
    if (chain == ir::kNoExpr) {
      id = new_expr(ir::ExprKind::Name, c.node, scope, Slot{});
    } else {
      id = new_expr_span(ir::ExprKind::Attribute, start, ts_node_end_byte(c.node), scope, Slot{});
      ir_->exprs[id].a = chain;
    }
    ir_->exprs[id].node_id = id_of(NodeKind::Reference, c.node);
    ir_->exprs[id].text = text_of(c.node);
    chain = id;
  }
  if (chain == ir::kNoExpr) chain = new_expr(ir::ExprKind::Unknown, dotted, scope, Slot{});
  fill(slot, chain);
  return chain;
}

bool IrBuilder::is_dunder_all(TSNode target) const {
  return !ts_node_is_null(target) && ts_node_symbol(target) == t_.identifier &&
         text_of(target) == "__all__";
}

void IrBuilder::collect_dunder_all(TSNode value) {
  // [..] / (..) of str literals, or a sum of such displays; other operands are ignored.
  std::vector<TSNode> work{value};
  std::vector<TSNode> displays;
  while (!work.empty() && work.size() + displays.size() < 4096) {
    TSNode node = work.back();
    work.pop_back();
    if (ts_node_is_null(node) || ts_node_is_error(node)) continue;
    IrNode kind = t_.of(ts_node_symbol(node));
    if (kind == IrNode::BinaryOp) {
      TSNode left = ts_node_child_by_field_id(node, t_.f_left);
      TSNode right = ts_node_child_by_field_id(node, t_.f_right);
      work.push_back(right);
      work.push_back(left);
    } else if (kind == IrNode::Paren) {
      work.push_back(first_named(node));
    } else if (kind == IrNode::List || kind == IrNode::Tuple) {
      displays.push_back(node);
    }
  }
  for (TSNode display : displays) {
    collect(display, parts_);
    for (const Child& c : parts_) {
      std::string entry;
      if (plain_string_value(c.node, entry)) ir_->dunder_all.push_back(std::move(entry));
    }
  }
}

void IrBuilder::dunder_all_call(TSNode call) {
  // __all__.extend([...]) / __all__.append("x") at module level.
  TSNode callee = ts_node_child_by_field_id(call, t_.f_function);
  if (ts_node_is_null(callee) || t_.of(ts_node_symbol(callee)) != IrNode::Attribute) return;
  if (!is_dunder_all(ts_node_child_by_field_id(callee, t_.f_object))) return;
  TSNode method = ts_node_child_by_field_id(callee, t_.f_attribute);
  if (ts_node_is_null(method)) return;
  std::string_view name = text_of(method);
  if (name != "extend" && name != "append") return;
  ir_->has_dunder_all = true;
  TSNode arguments = ts_node_child_by_field_id(call, t_.f_arguments);
  if (ts_node_is_null(arguments)) return;
  TSNode argument = first_named(arguments);
  if (ts_node_is_null(argument)) return;
  if (name == "extend") {
    collect_dunder_all(argument);
  } else {
    std::string entry;
    if (plain_string_value(argument, entry)) ir_->dunder_all.push_back(std::move(entry));
  }
}

}  // namespace ca::ts
