// Expressions of the program IR: loads, assignment and `del` targets, calls, subscripts,
// displays and operators; see ir_builder.hpp. Literals are in ir_literals.cpp,
// comprehensions and lambdas in ir_scoped_exprs.cpp.
#include "extract/ts/ir_builder.hpp"

namespace ca::ts {
using ir::ExprKind;

void IrBuilder::visit_expr(const Task& task, IrNode kind) {
  const TSNode node = task.node;
  const NodeId scope = task.scope;
  switch (kind) {
    case IrNode::Identifier:
      name_expr(node, scope, task.slot, false);
      return;
    case IrNode::Attribute:
      attribute_expr(task);
      return;
    case IrNode::Call:
      call_expr(task);
      return;
    case IrNode::Subscript:
      subscript_expr(task);
      return;
    case IrNode::Slice: {
      // `lower:upper:step`, any part optional: the ':' tokens tell which part a child is.
      ir::ExprId id = new_expr(ExprKind::Slice, task.node, task.scope, task.slot);
      std::vector<std::pair<TSNode, uint32_t>> parts;  // (child, part index)
      uint32_t part = 0;
      ts_tree_cursor_reset(&cursor_, task.node);
      if (ts_tree_cursor_goto_first_child(&cursor_)) {
        do {
          TSNode child = ts_tree_cursor_current_node(&cursor_);
          if (!ts_node_is_named(child)) {
            if (text_of(child) == ":") ++part;
            continue;
          }
          if (ts_node_symbol(child) == t_.comment) continue;
          parts.emplace_back(child, part);
        } while (ts_tree_cursor_goto_next_sibling(&cursor_));
      }
      for (const auto& [child, at] : parts) {
        const IrNode part_kind = t_.of(ts_node_symbol(child));
        const bool expr = !ts_node_is_error(child) && part_kind != IrNode::Skip &&
                          part_kind != IrNode::DottedName &&
                          (part_kind == IrNode::Other || part_kind >= IrNode::Identifier);
        if (!expr || at > 2) {
          if (part_kind != IrNode::Skip && part_kind != IrNode::DottedName)
            later(child, task.scope, Mode::Stmt);
        } else if (at == 0) {
          later(child, task.scope, Mode::Expr, Slot{SlotKind::ExprA, id});
        } else if (at == 1) {
          later(child, task.scope, Mode::Expr, Slot{SlotKind::ExprB, id});
        } else {
          const uint32_t item = reserve_items(1);
          ir_->exprs[id].items_first = item;
          ir_->exprs[id].items_count = 1;
          later(child, task.scope, Mode::Expr, Slot{SlotKind::Item, item});
        }
      }
      return;
    }
    case IrNode::String:
    case IrNode::ConcatString:
      string_expr(task, kind);
      return;
    case IrNode::Integer:
    case IrNode::Float:
      number_expr(task, kind);
      return;
    case IrNode::True:
    case IrNode::False: {
      ir::ExprId id = new_expr(ExprKind::Constant, node, scope, task.slot);
      ir_->exprs[id].const_kind = ir::ConstKind::Bool;
      ir_->exprs[id].text = kind == IrNode::True ? "True" : "False";
      return;
    }
    case IrNode::None:
    case IrNode::Ellipsis: {
      ir::ExprId id = new_expr(ExprKind::Constant, node, scope, task.slot);
      ir_->exprs[id].const_kind =
          kind == IrNode::None ? ir::ConstKind::NoneValue : ir::ConstKind::Ellipsis;
      return;
    }
    case IrNode::Tuple:
      sequence_expr(task, ExprKind::Tuple, Mode::Expr);
      return;
    case IrNode::List:
      sequence_expr(task, ExprKind::List, Mode::Expr);
      return;
    case IrNode::Set:
      sequence_expr(task, ExprKind::Set, Mode::Expr);
      return;
    case IrNode::Dict:
      dict_expr(task);
      return;
    case IrNode::Comprehension:
      comprehension_expr(task);
      return;
    case IrNode::Lambda:
      lambda_expr(task);
      return;
    case IrNode::Conditional: {
      collect(node, children_);
      bool plain = children_.size() == 3;
      for (const Child& c : children_) plain = plain && !ts_node_is_error(c.node);
      if (!plain) {
        unknown_expr(task);
        return;
      }
      ir::ExprId id = new_expr(ExprKind::Conditional, node, scope, task.slot);
      uint32_t first = reserve_items(1);
      ir_->exprs[id].items_first = first;
      ir_->exprs[id].items_count = 1;
      later(children_[0].node, scope, Mode::Expr, Slot{SlotKind::ExprA, id});
      later(children_[1].node, scope, Mode::Expr, Slot{SlotKind::Item, first});
      later(children_[2].node, scope, Mode::Expr, Slot{SlotKind::ExprB, id});
      return;
    }
    case IrNode::BoolOp:
      operands_expr(task, ExprKind::BoolOp);
      return;
    case IrNode::NotOp:
    case IrNode::BinaryOp:
    case IrNode::UnaryOp:
    case IrNode::Compare:
      operands_expr(task, ExprKind::Operator);
      return;
    case IrNode::NamedExpr: {
      ir::ExprId id = new_expr(ExprKind::NamedExpr, node, scope, task.slot);
      collect(node, children_);
      for (const Child& c : children_) {
        if (c.field == t_.f_name)
          later(c.node, scope, Mode::Target, Slot{SlotKind::ExprA, id});
        else if (c.field == t_.f_value)
          later(c.node, scope, Mode::Expr, Slot{SlotKind::ExprB, id});
        else
          later(c.node, scope, Mode::Stmt);
      }
      return;
    }
    case IrNode::Await:
    case IrNode::Yield:
    case IrNode::ListSplat:
    case IrNode::DictSplat: {
      ExprKind expr_kind = kind == IrNode::Await       ? ExprKind::Await
                           : kind == IrNode::ListSplat ? ExprKind::Starred
                           : kind == IrNode::DictSplat ? ExprKind::DoubleStarred
                                                       : ExprKind::Yield;
      if (kind == IrNode::Yield) {
        ts_tree_cursor_reset(&cursor_, node);
        if (ts_tree_cursor_goto_first_child(&cursor_)) {
          do {
            if (ts_node_symbol(ts_tree_cursor_current_node(&cursor_)) == t_.kw_from)
              expr_kind = ExprKind::YieldFrom;
          } while (ts_tree_cursor_goto_next_sibling(&cursor_));
        }
      }
      ir::ExprId id = new_expr(expr_kind, node, scope, task.slot);
      collect(node, children_);
      bool first = true;
      for (const Child& c : children_) {
        if (first && !ts_node_is_error(c.node)) {
          later(c.node, scope, Mode::Expr, Slot{SlotKind::ExprA, id});
          first = false;
        } else {
          later(c.node, scope, Mode::Stmt);
        }
      }
      return;
    }
    case IrNode::Paren: {
      TSNode inner = first_named(node);
      if (ts_node_is_null(inner)) {
        unknown(node, scope, task.slot);
        return;
      }
      later(inner, scope, Mode::Expr, task.slot);
      return;
    }
    case IrNode::KeywordArg: {
      // Out of a call (error recovery): the value is still evaluated.
      ir::ExprId id = new_expr(ExprKind::Unknown, node, scope, task.slot);
      TSNode value = ts_node_child_by_field_id(node, t_.f_value);
      if (!ts_node_is_null(value)) {
        uint32_t first = reserve_items(1);
        ir_->exprs[id].items_first = first;
        ir_->exprs[id].items_count = 1;
        later(value, scope, Mode::Expr, Slot{SlotKind::Item, first});
      }
      return;
    }
    case IrNode::AsPattern: {
      // `x as y` outside with/except/case: x is evaluated, y bound.
      ir::ExprId id = new_expr(ExprKind::Unknown, node, scope, task.slot);
      collect(node, children_);
      uint32_t first = reserve_items(static_cast<uint32_t>(children_.size()));
      ir_->exprs[id].items_first = first;
      ir_->exprs[id].items_count = static_cast<uint32_t>(children_.size());
      for (uint32_t i = 0; i < children_.size(); ++i) {
        const Child& c = children_[i];
        later(c.node, scope, c.field == t_.f_alias ? Mode::Target : Mode::Expr,
              Slot{SlotKind::Item, first + i});
      }
      return;
    }
    case IrNode::GenericType: {
      collect(node, children_);
      if (children_.size() != 2 || ts_node_has_error(node)) {
        unknown_expr(task);
        return;
      }
      ir::ExprId id = new_expr(ExprKind::Subscript, node, scope, task.slot);
      later(children_[0].node, scope, Mode::Expr, Slot{SlotKind::ExprA, id});
      later(children_[1].node, scope, Mode::Expr, Slot{SlotKind::ExprB, id});
      return;
    }
    case IrNode::TypeParameter: {
      collect(node, children_);
      if (children_.size() == 1 && !ts_node_is_error(children_[0].node))
        later(children_[0].node, scope, Mode::Expr, task.slot);
      else
        sequence_expr(task, ExprKind::Tuple, Mode::Expr);
      return;
    }
    case IrNode::ForInClause:
      unknown(node, scope, task.slot);
      comprehension_for(node, scope, scope);
      return;
    case IrNode::Skip:
    case IrNode::DottedName:
      unknown(node, scope, task.slot);
      return;
    case IrNode::OtherExpr:
    case IrNode::Other:
    case IrNode::CasePattern:
    case IrNode::ClassPattern:
    case IrNode::KeywordPattern:
    case IrNode::SplatPattern:
    case IrNode::DictPattern:
      unknown_expr(task);
      return;
    default:  // a statement where an expression was expected (error recovery)
      unknown(node, scope, task.slot);
      later(node, scope, Mode::Stmt);
      return;
  }
}

void IrBuilder::visit_target(const Task& task, IrNode kind) {
  visit_bound_target(task, kind, Mode::Target);
}

void IrBuilder::visit_del(const Task& task, IrNode kind) {
  visit_bound_target(task, kind, Mode::Del);
}

void IrBuilder::visit_bound_target(const Task& task, IrNode kind, Mode mode) {
  const bool store = mode == Mode::Target;
  switch (kind) {
    case IrNode::Identifier:
      name_expr(task.node, task.scope, task.slot, store);
      return;
    case IrNode::Attribute:
      attribute_expr(task);
      return;
    case IrNode::Tuple:
      sequence_expr(task, ExprKind::Tuple, mode);
      return;
    case IrNode::List:
      sequence_expr(task, ExprKind::List, mode);
      return;
    case IrNode::Paren: {
      TSNode inner = first_named(task.node);
      if (ts_node_is_null(inner))
        unknown(task.node, task.scope, task.slot);
      else
        later(inner, task.scope, mode, task.slot);
      return;
    }
    case IrNode::ListSplat:
      if (store) {
        ir::ExprId id = new_expr(ExprKind::Starred, task.node, task.scope, task.slot);
        TSNode inner = first_named(task.node);
        if (!ts_node_is_null(inner))
          later(inner, task.scope, Mode::Target, Slot{SlotKind::ExprA, id});
        return;
      }
      visit_expr(task, kind);
      return;
    default:  // subscripts and anything that is no binding target: read
      visit_expr(task, kind);
      return;
  }
}

void IrBuilder::name_expr(TSNode identifier, NodeId scope, Slot slot, bool store) {
  if (!usable(identifier)) {
    unknown(identifier, scope, slot);
    return;
  }
  ir::ExprId id = new_expr(ExprKind::Name, identifier, scope, slot);
  ir::Expr& e = ir_->exprs[id];
  e.node_id = node_id_for(context_->path, store ? NodeKind::Variable : NodeKind::Reference,
                          e.bstart, e.bend);
  e.text = text_of(identifier);
}

void IrBuilder::attribute_expr(const Task& task) {
  TSNode object = ts_node_child_by_field_id(task.node, t_.f_object);
  TSNode attr = ts_node_child_by_field_id(task.node, t_.f_attribute);
  bool named = usable(attr);
  ir::ExprId id =
      new_expr(named ? ExprKind::Attribute : ExprKind::Unknown, task.node, task.scope, task.slot);
  if (named) {
    ir_->exprs[id].node_id = id_of(NodeKind::Reference, attr);
    ir_->exprs[id].text = text_of(attr);
  }
  if (ts_node_is_null(object)) return;
  if (named) {
    later(object, task.scope, Mode::Expr, Slot{SlotKind::ExprA, id});
    return;
  }
  uint32_t first = reserve_items(1);
  ir_->exprs[id].items_first = first;
  ir_->exprs[id].items_count = 1;
  later(object, task.scope, Mode::Expr, Slot{SlotKind::Item, first});
}

void IrBuilder::call_expr(const Task& task) {
  const NodeId scope = task.scope;
  ir::ExprId id = new_expr(ExprKind::Call, task.node, scope, task.slot);
  ir_->exprs[id].node_id = id_of(NodeKind::Call, task.node);
  TSNode callee = ts_node_child_by_field_id(task.node, t_.f_function);
  TSNode arguments = ts_node_child_by_field_id(task.node, t_.f_arguments);
  // Recovered pieces of a broken call are statements of their own.
  if (ts_node_has_error(task.node)) {
    collect(task.node, children_);
    for (const Child& c : children_) {
      if (ts_node_is_error(c.node)) later(c.node, scope, Mode::Stmt);
    }
  }
  if (!ts_node_is_null(callee)) later(callee, scope, Mode::Expr, Slot{SlotKind::ExprA, id});
  if (ts_node_is_null(arguments)) return;
  // A call's arguments are FileIr::args [items_first, items_first + items_count).
  auto first = static_cast<uint32_t>(ir_->args.size());
  if (ts_node_symbol(arguments) == t_.generator_expression) {
    ir_->args.emplace_back();  // f(x for x in y): one positional argument
    ir_->exprs[id].items_first = first;
    ir_->exprs[id].items_count = 1;
    later(arguments, scope, Mode::Expr, Slot{SlotKind::ArgValue, first});
    return;
  }
  collect(arguments, children_);
  uint32_t count = 0;
  for (const Child& c : children_) {
    if (!ts_node_is_error(c.node)) ++count;
  }
  ir_->args.resize(ir_->args.size() + count);
  ir_->exprs[id].items_first = first;
  ir_->exprs[id].items_count = count;
  uint32_t at = first;
  for (const Child& c : children_) {
    if (ts_node_is_error(c.node)) {
      later(c.node, scope, Mode::Stmt);
      continue;
    }
    if (ts_node_symbol(c.node) == t_.keyword_argument) {
      TSNode key = ts_node_child_by_field_id(c.node, t_.f_name);
      TSNode value = ts_node_child_by_field_id(c.node, t_.f_value);
      if (!ts_node_is_null(key)) ir_->args[at].keyword = text_of(key);
      if (ts_node_is_null(value))
        unknown(c.node, scope, Slot{SlotKind::ArgValue, at});
      else
        later(value, scope, Mode::Expr, Slot{SlotKind::ArgValue, at});
    } else {
      later(c.node, scope, Mode::Expr, Slot{SlotKind::ArgValue, at});
    }
    ++at;
  }
}

void IrBuilder::subscript_expr(const Task& task) {
  const NodeId scope = task.scope;
  ir::ExprId id = new_expr(ExprKind::Subscript, task.node, scope, task.slot);
  collect(task.node, children_);
  uint32_t n_index = 0;
  TSNode first_index{};
  TSNode last_index{};
  for (const Child& c : children_) {
    if (c.field != t_.f_subscript) continue;
    if (n_index++ == 0) first_index = c.node;
    last_index = c.node;
  }
  bool trailing_comma = false;
  if (n_index == 1) {
    ts_tree_cursor_reset(&cursor_, task.node);
    if (ts_tree_cursor_goto_first_child(&cursor_)) {
      do {
        TSNode child = ts_tree_cursor_current_node(&cursor_);
        if (!ts_node_is_named(child) && text_of(child) == ",") trailing_comma = true;
      } while (ts_tree_cursor_goto_next_sibling(&cursor_));
    }
  }
  uint32_t item = 0;
  if (n_index > 1 || trailing_comma) {
    // `a[i, j]`: the index is a tuple.
    ir::ExprId tuple =
        new_expr_span(ExprKind::Tuple, ts_node_start_byte(first_index),
                      ts_node_end_byte(last_index), scope, Slot{SlotKind::ExprB, id});
    item = reserve_items(n_index);
    ir_->exprs[tuple].items_first = item;
    ir_->exprs[tuple].items_count = n_index;
  }
  for (const Child& c : children_) {
    if (c.field == t_.f_value) {
      later(c.node, scope, Mode::Expr, Slot{SlotKind::ExprA, id});
    } else if (c.field == t_.f_subscript) {
      if (n_index > 1 || trailing_comma)
        later(c.node, scope, Mode::Expr, Slot{SlotKind::Item, item++});
      else
        later(c.node, scope, Mode::Expr, Slot{SlotKind::ExprB, id});
    } else {
      later(c.node, scope, Mode::Stmt);
    }
  }
}

void IrBuilder::sequence_expr(const Task& task, ExprKind kind, Mode item_mode) {
  ir::ExprId id = new_expr(kind, task.node, task.scope, task.slot);
  collect(task.node, children_);
  items_of(task, id, children_, item_mode);
}

void IrBuilder::dict_expr(const Task& task) {
  const NodeId scope = task.scope;
  ir::ExprId id = new_expr(ExprKind::Dict, task.node, scope, task.slot);
  collect(task.node, children_);
  uint32_t entries = 0;
  for (const Child& c : children_) {
    TSSymbol symbol = ts_node_symbol(c.node);
    if (symbol == t_.pair || symbol == t_.dictionary_splat) ++entries;
  }
  uint32_t at = reserve_items(2 * entries);
  ir_->exprs[id].items_first = at;
  ir_->exprs[id].items_count = 2 * entries;
  for (const Child& c : children_) {
    TSSymbol symbol = ts_node_symbol(c.node);
    if (symbol == t_.pair) {
      TSNode key = ts_node_child_by_field_id(c.node, t_.f_key);
      TSNode value = ts_node_child_by_field_id(c.node, t_.f_value);
      if (ts_node_is_null(key))
        unknown(c.node, scope, Slot{SlotKind::Item, at});
      else
        later(key, scope, Mode::Expr, Slot{SlotKind::Item, at});
      if (ts_node_is_null(value))
        unknown(c.node, scope, Slot{SlotKind::Item, at + 1});
      else
        later(value, scope, Mode::Expr, Slot{SlotKind::Item, at + 1});
      at += 2;
    } else if (symbol == t_.dictionary_splat) {
      // `**m`: key kNoExpr, value the DoubleStarred expression.
      later(c.node, scope, Mode::Expr, Slot{SlotKind::Item, at + 1});
      at += 2;
    } else {
      later(c.node, scope, Mode::Stmt);
    }
  }
}

void IrBuilder::operands_expr(const Task& task, ExprKind kind) {
  ir::ExprId id = new_expr(kind, task.node, task.scope, task.slot);
  collect(task.node, children_);
  items_of(task, id, children_, Mode::Expr);
}

void IrBuilder::unknown_expr(const Task& task) {
  ir::ExprId id = new_expr(ExprKind::Unknown, task.node, task.scope, task.slot);
  collect(task.node, children_);
  items_of(task, id, children_, Mode::Expr);
}

void IrBuilder::items_of(const Task& task, ir::ExprId expr, const std::vector<Child>& children,
                         Mode item_mode) {
  auto is_item = [this](TSNode node) {
    if (ts_node_is_error(node)) return false;
    IrNode kind = t_.of(ts_node_symbol(node));
    if (kind == IrNode::Skip || kind == IrNode::DottedName) return false;
    return kind == IrNode::Other || kind >= IrNode::Identifier;
  };
  uint32_t count = 0;
  for (const Child& c : children) count += is_item(c.node) ? 1 : 0;
  uint32_t at = reserve_items(count);
  ir_->exprs[expr].items_first = at;
  ir_->exprs[expr].items_count = count;
  for (const Child& c : children) {
    if (is_item(c.node)) {
      later(c.node, task.scope, item_mode, Slot{SlotKind::Item, at++});
    } else {
      IrNode kind = t_.of(ts_node_symbol(c.node));
      if (kind != IrNode::Skip && kind != IrNode::DottedName) later(c.node, task.scope, Mode::Stmt);
    }
  }
}

}  // namespace ca::ts
