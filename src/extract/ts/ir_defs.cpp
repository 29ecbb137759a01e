// Definitions in the program IR: functions and classes with their decorators, bases,
// keywords and parameter defaults; see ir_builder.hpp.
#include "extract/ts/ir_builder.hpp"

namespace ca::ts {

using ir::StmtKind;

void IrBuilder::definition(TSNode def, TSNode decorated, NodeId scope) {
  decorators_.clear();
  if (!ts_node_is_null(decorated)) {
    collect(decorated, children_);
    for (const Child& c : children_) {
      if (ts_node_symbol(c.node) == t_.decorator) {
        TSNode expression = first_named(c.node);
        if (!ts_node_is_null(expression)) decorators_.push_back(expression);
      } else if (c.field != t_.f_definition) {
        later(c.node, scope, Mode::Stmt);
      }
    }
  }
  TSSymbol symbol = ts_node_is_null(def) ? 0 : ts_node_symbol(def);
  if (symbol != 0 && symbol == t_.function_definition) {
    function_def(def, scope, decorators_);
  } else if (symbol != 0 && symbol == t_.class_definition) {
    class_def(def, scope, decorators_);
  } else {
    for (TSNode expression : decorators_) {
      uint32_t s = new_stmt(StmtKind::ExprStmt, expression, scope);
      later(expression, scope, Mode::Expr, Slot{SlotKind::StmtValue, s});
    }
    if (!ts_node_is_null(def)) later(def, scope, Mode::Stmt);
  }
}

void IrBuilder::function_def(TSNode node, NodeId outer, const std::vector<TSNode>& decorators) {
  NodeId id = id_of(NodeKind::Function, node);
  uint32_t s = new_stmt(StmtKind::FunctionDef, node, outer);
  auto n = static_cast<uint32_t>(decorators.size());
  uint32_t first = reserve_items(n);
  ir_->stmts[s].node_id = id;
  ir_->stmts[s].items_first = first;
  ir_->stmts[s].items_count = n;
  for (uint32_t i = 0; i < n; ++i)
    later(decorators[i], outer, Mode::Expr, Slot{SlotKind::Item, first + i});
  collect(node, children_);
  for (const Child& c : children_) {
    if (c.field == t_.f_parameters) {
      parameters(c.node, id, outer);
    } else if (c.field == t_.f_body) {
      later(c.node, id, Mode::Stmt);
    } else if (c.field == t_.f_name || c.field == t_.f_type_parameters) {
      continue;
    } else if (c.field == t_.f_return_type) {
      uint32_t annotation = new_stmt(StmtKind::ExprStmt, c.node, outer);
      later(c.node, outer, Mode::Expr, Slot{SlotKind::StmtValue, annotation});
    } else {
      later(c.node, outer, Mode::Stmt);
    }
  }
}

void IrBuilder::class_def(TSNode node, NodeId outer, const std::vector<TSNode>& decorators) {
  NodeId id = id_of(NodeKind::Class, node);
  uint32_t s = new_stmt(StmtKind::ClassDef, node, outer);
  ir_->stmts[s].node_id = id;
  auto n = static_cast<uint32_t>(decorators.size());
  uint32_t first = reserve_items(n);
  ir_->stmts[s].extra_items_first = first;
  ir_->stmts[s].extra_items_count = n;
  for (uint32_t i = 0; i < n; ++i)
    later(decorators[i], outer, Mode::Expr, Slot{SlotKind::Item, first + i});

  // Bases in items, keywords (metaclass=..., **kw) in args; evaluated in the enclosing scope.
  TSNode bases = ts_node_child_by_field_id(node, t_.f_superclasses);
  if (!ts_node_is_null(bases)) {
    collect(bases, inner_);
    uint32_t n_bases = 0;
    uint32_t n_args = 0;
    for (const Child& c : inner_) {
      if (ts_node_is_error(c.node)) continue;
      TSSymbol symbol = ts_node_symbol(c.node);
      if (symbol == t_.keyword_argument || symbol == t_.dictionary_splat)
        ++n_args;
      else
        ++n_bases;
    }
    uint32_t item = reserve_items(n_bases);
    auto arg = static_cast<uint32_t>(ir_->args.size());
    ir_->args.resize(ir_->args.size() + n_args);
    ir::Stmt& stmt = ir_->stmts[s];
    stmt.items_first = item;
    stmt.items_count = n_bases;
    stmt.args_first = arg;
    stmt.args_count = n_args;
    for (const Child& c : inner_) {
      if (ts_node_is_error(c.node)) {
        later(c.node, outer, Mode::Stmt);
        continue;
      }
      TSSymbol symbol = ts_node_symbol(c.node);
      if (symbol == t_.keyword_argument) {
        TSNode key = ts_node_child_by_field_id(c.node, t_.f_name);
        TSNode value = ts_node_child_by_field_id(c.node, t_.f_value);
        if (!ts_node_is_null(key)) ir_->args[arg].keyword = text_of(key);
        if (ts_node_is_null(value))
          unknown(c.node, outer, Slot{SlotKind::ArgValue, arg});
        else
          later(value, outer, Mode::Expr, Slot{SlotKind::ArgValue, arg});
        ++arg;
      } else if (symbol == t_.dictionary_splat) {
        later(c.node, outer, Mode::Expr, Slot{SlotKind::ArgValue, arg++});
      } else {
        later(c.node, outer, Mode::Expr, Slot{SlotKind::Item, item++});
      }
    }
  }
  collect(node, children_);
  for (const Child& c : children_) {
    if (c.field == t_.f_body)
      later(c.node, id, Mode::Stmt);
    else if (c.field == t_.f_name || c.field == t_.f_type_parameters ||
             c.field == t_.f_superclasses)
      continue;
    else
      later(c.node, outer, Mode::Stmt);
  }
}

void IrBuilder::parameters(TSNode params, NodeId function_id, NodeId outer) {
  // Defaults become FileIr::params entries and annotations ExprStmts, both evaluated in the
  // enclosing scope. Parameter ids are computed as the fact walker computes them.
  collect(params, inner_);
  for (const Child& child : inner_) {
    TSNode p = child.node;
    if (ts_node_is_error(p)) continue;
    TSSymbol symbol = ts_node_symbol(p);
    if (symbol != t_.default_parameter && symbol != t_.typed_parameter &&
        symbol != t_.typed_default_parameter)
      continue;
    TSNode name = symbol == t_.typed_parameter ? ts_node_named_child(p, 0)
                                               : ts_node_child_by_field_id(p, t_.f_name);
    TSNode type = ts_node_child_by_field_id(p, t_.f_type);
    TSNode value = ts_node_child_by_field_id(p, t_.f_value);
    if (!ts_node_is_null(name) && ts_node_symbol(name) != t_.identifier) {
      TSSymbol name_symbol = ts_node_symbol(name);
      if (name_symbol == t_.list_splat_pattern || name_symbol == t_.dictionary_splat_pattern)
        name = ts_node_named_child(name, 0);
      else
        name = TSNode{};  // a Python 2 tuple parameter
    }
    if (!ts_node_is_null(type)) {
      uint32_t s = new_stmt(StmtKind::ExprStmt, type, outer);
      later(type, outer, Mode::Expr, Slot{SlotKind::StmtValue, s});
    }
    if (ts_node_is_null(value)) continue;
    if (usable(name) && ts_node_symbol(name) == t_.identifier) {
      uint32_t start = ts_node_start_byte(name);
      uint32_t end = ts_node_is_null(type) ? ts_node_end_byte(name) : ts_node_end_byte(type);
      ir::ParamDefault entry;
      entry.function_id = function_id;
      entry.parameter_id =
          node_id_for(context_->path, NodeKind::Parameter, orig(start), orig(std::max(start, end)));
      auto index = static_cast<uint32_t>(ir_->params.size());
      ir_->params.push_back(entry);
      later(value, outer, Mode::Expr, Slot{SlotKind::ParamValue, index});
    } else {
      uint32_t s = new_stmt(StmtKind::ExprStmt, value, outer);
      later(value, outer, Mode::Expr, Slot{SlotKind::StmtValue, s});
    }
  }
}

}  // namespace ca::ts
