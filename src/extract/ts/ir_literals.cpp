// Literals in the program IR: str/bytes constants and their values, f-strings with
// their interpolations, and numbers; see ir_builder.hpp.
#include <charconv>

#include "extract/ts/ir_builder.hpp"

namespace ca::ts {

using ir::ExprKind;

void IrBuilder::visit_interp(const Task& task) {
  // `{expr!r:{spec}}`: the expression, plus the expressions nested in the format spec.
  TSNode expression = ts_node_child_by_field_id(task.node, t_.f_expression);
  TSNode spec = ts_node_child_by_field_id(task.node, t_.f_format_specifier);
  inner_.clear();
  if (!ts_node_is_null(spec)) collect(spec, inner_);
  if (inner_.empty()) {
    if (ts_node_is_null(expression))
      unknown(task.node, task.scope, task.slot);
    else
      later(expression, task.scope, Mode::Expr, task.slot);
    return;
  }
  ir::ExprId id = new_expr(ExprKind::Unknown, task.node, task.scope, task.slot);
  uint32_t count = static_cast<uint32_t>(inner_.size()) + (ts_node_is_null(expression) ? 0 : 1);
  uint32_t first = reserve_items(count);
  ir_->exprs[id].items_first = first;
  ir_->exprs[id].items_count = count;
  uint32_t at = first;
  if (!ts_node_is_null(expression))
    later(expression, task.scope, Mode::Expr, Slot{SlotKind::Item, at++});
  for (const Child& c : inner_) {
    Mode mode = ts_node_symbol(c.node) == t_.format_expression ? Mode::Interp : Mode::Expr;
    later(c.node, task.scope, mode, Slot{SlotKind::Item, at++});
  }
}

bool IrBuilder::plain_string_value(TSNode string, std::string& out) {
  if (ts_node_symbol(string) != t_.string) return false;
  ts_tree_cursor_reset(&cursor_, string);
  if (!ts_tree_cursor_goto_first_child(&cursor_)) return false;
  do {
    TSNode child = ts_tree_cursor_current_node(&cursor_);
    TSSymbol symbol = ts_node_symbol(child);
    if (symbol == t_.string_start) {
      for (char ch : text_of(child)) {
        if (ch == '"' || ch == '\'') break;
        if (ch != 'r' && ch != 'R' && ch != 'u' && ch != 'U') return false;
      }
    } else if (symbol == t_.string_content) {
      if (ts_node_child_count(child) != 0) return false;  // escape sequences
      out += text_of(child);
      if (out.size() > kMaxIrConstantBytes) return false;
    } else if (symbol == t_.interpolation || ts_node_is_error(child) || ts_node_is_missing(child)) {
      return false;
    }
  } while (ts_tree_cursor_goto_next_sibling(&cursor_));
  return true;
}

void IrBuilder::string_expr(const Task& task, IrNode kind) {
  const NodeId scope = task.scope;
  parts_.clear();
  if (kind == IrNode::ConcatString)
    collect(task.node, parts_);
  else
    parts_.push_back(Child{task.node, 0});
  bool fstring = false;
  bool bytes = false;
  uint32_t n_interp = 0;
  for (const Child& part : parts_) {
    if (ts_node_symbol(part.node) != t_.string) continue;
    collect(part.node, inner_);
    for (const Child& c : inner_) {
      TSSymbol symbol = ts_node_symbol(c.node);
      if (symbol == t_.string_start) {
        for (char ch : text_of(c.node)) {
          if (ch == 'f' || ch == 'F' || ch == 't' || ch == 'T') fstring = true;
          if (ch == 'b' || ch == 'B') bytes = true;
        }
      } else if (symbol == t_.interpolation) {
        ++n_interp;
      }
    }
  }
  if (!fstring && n_interp == 0) {
    ir::ExprId id = new_expr(ExprKind::Constant, task.node, scope, task.slot);
    ir_->exprs[id].const_kind = bytes ? ir::ConstKind::Bytes : ir::ConstKind::Str;
    std::string value;
    bool plain = true;
    for (const Child& part : parts_) {
      if (!plain_string_value(part.node, value)) {
        plain = false;
        break;
      }
    }
    if (plain) ir_->exprs[id].text = std::move(value);
    for (const Child& part : parts_) {
      if (ts_node_symbol(part.node) != t_.string) later(part.node, scope, Mode::Stmt);
    }
    return;
  }
  ir::ExprId id = new_expr(ExprKind::FString, task.node, scope, task.slot);
  ir::Expr& e = ir_->exprs[id];
  e.items_first = reserve_items(n_interp);
  e.items_count = n_interp;
  uint32_t at = e.items_first;
  for (const Child& part : parts_) {
    if (ts_node_symbol(part.node) != t_.string) {
      later(part.node, scope, Mode::Stmt);
      continue;
    }
    collect(part.node, inner_);
    for (const Child& c : inner_) {
      if (ts_node_symbol(c.node) == t_.interpolation)
        later(c.node, scope, Mode::Interp, Slot{SlotKind::Item, at++});
      else if (ts_node_is_error(c.node))
        later(c.node, scope, Mode::Stmt);
    }
  }
}

void IrBuilder::number_expr(const Task& task, IrNode kind) {
  ir::ExprId id = new_expr(ExprKind::Constant, task.node, task.scope, task.slot);
  ir::Expr& e = ir_->exprs[id];
  std::string_view literal = text_of(task.node);
  if (!literal.empty() && (literal.back() == 'j' || literal.back() == 'J')) {
    e.const_kind = ir::ConstKind::Complex;
    e.text = literal;
    return;
  }
  if (kind == IrNode::Float) {
    e.const_kind = ir::ConstKind::Float;
    e.text = literal;
    return;
  }
  e.const_kind = ir::ConstKind::Int;
  std::string digits;
  digits.reserve(literal.size());
  for (char ch : literal) {
    if (ch != '_' && ch != 'l' && ch != 'L') digits += ch;
  }
  int base = 10;
  if (digits.size() > 2 && digits[0] == '0') {
    char marker = static_cast<char>(digits[1] | 0x20);
    base = marker == 'x' ? 16 : marker == 'o' ? 8 : marker == 'b' ? 2 : 10;
  }
  if (base != 10) {
    uint64_t value = 0;
    auto [end, ec] = std::from_chars(digits.data() + 2, digits.data() + digits.size(), value, base);
    if (ec == std::errc{} && end == digits.data() + digits.size()) digits = std::to_string(value);
  }
  e.text = std::move(digits);
}

}  // namespace ca::ts
