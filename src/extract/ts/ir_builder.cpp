// The walk loop, slots and small helpers of the program-IR builder; see ir_builder.hpp.
// Expressions are built in ir_exprs.cpp (and ir_literals.cpp, ir_scoped_exprs.cpp),
// statements in ir_stmts.cpp (and ir_defs.cpp, ir_match.cpp).
#include "extract/ts/ir_builder.hpp"

#include <algorithm>

namespace ca::ts {

IrBuilder::IrBuilder(const IrNodeTable& table) : t_(table), cursor_{} {}

IrBuilder::~IrBuilder() = default;

void IrBuilder::build(TSNode root, const SourceText& text, const FileContext& context,
                      ir::FileIr& out) {
  text_ = &text;
  context_ = &context;
  ir_ = &out;
  src_ = text.utf8;
  module_id_ = context.module_scope_id;
  cursor_ = ts_tree_cursor_new(root);
  // Typical sizes (measured on the standard library): one expression per ~20 bytes, one
  // statement per ~80. Slightly under, so that the kept IR wastes little capacity.
  out.exprs.reserve(out.exprs.size() + src_.size() / 24 + 16);
  out.items.reserve(out.items.size() + src_.size() / 48 + 16);
  out.args.reserve(out.args.size() + src_.size() / 96 + 4);
  out.stmts.reserve(out.stmts.size() + src_.size() / 96 + 4);

  stack_.clear();
  pending_.clear();
  shared_values_.clear();
  stack_.push_back(Task{root, module_id_, Slot{}, Mode::Stmt});
  while (!stack_.empty()) {
    Task task = stack_.back();
    stack_.pop_back();
    visit(task);
    // Children were queued in source order; the stack pops the first one next.
    stack_.insert(stack_.end(), pending_.rbegin(), pending_.rend());
    pending_.clear();
  }
  for (const auto& [stmt, source] : shared_values_) out.stmts[stmt].value = out.stmts[source].value;

  ts_tree_cursor_delete(&cursor_);
  cursor_ = TSTreeCursor{};
  ir_ = nullptr;
  context_ = nullptr;
  text_ = nullptr;
}

void IrBuilder::visit(const Task& task) {
  if (ts_node_is_error(task.node)) {
    visit_error(task);
    return;
  }
  IrNode kind = t_.of(ts_node_symbol(task.node));
  switch (task.mode) {
    case Mode::Stmt:
      visit_stmt(task, kind);
      return;
    case Mode::Expr:
      visit_expr(task, kind);
      return;
    case Mode::Target:
      visit_target(task, kind);
      return;
    case Mode::Del:
      visit_del(task, kind);
      return;
    case Mode::Pattern:
      visit_pattern(task, kind);
      return;
    case Mode::Interp:
      visit_interp(task);
      return;
  }
}

void IrBuilder::visit_error(const Task& task) {
  // As the fact walker: structured children are kept (here as statements), loose
  // identifiers are not. The slot gets an Unknown value.
  if (task.slot.kind != SlotKind::None) unknown(task.node, task.scope, task.slot);
  collect(task.node, children_);
  for (const Child& c : children_) {
    if (ts_node_symbol(c.node) != t_.identifier) later(c.node, task.scope, Mode::Stmt);
  }
}

void IrBuilder::later(TSNode node, NodeId scope, Mode mode, Slot slot, bool flag, uint32_t aux) {
  pending_.push_back(Task{node, scope, slot, mode, flag, aux});
}

void IrBuilder::collect(TSNode node, std::vector<Child>& out) {
  node_children(cursor_, node, out, true, t_.comment);
}

TSNode IrBuilder::first_named(TSNode node) {
  return ts::first_named_child(cursor_, node, t_.comment);
}

bool IrBuilder::usable(TSNode node) const {
  return usable_node(node);
}

std::string_view IrBuilder::text_of(TSNode node) const {
  return node_text(src_, node);
}

int64_t IrBuilder::orig(uint32_t utf8_offset) const {
  return text_->original_offset(std::min<size_t>(utf8_offset, src_.size()));
}

NodeId IrBuilder::id_of(NodeKind kind, TSNode node) const {
  uint32_t start = ts_node_start_byte(node);
  uint32_t end = std::max(start, ts_node_end_byte(node));
  return node_id_for(context_->path, kind, orig(start), orig(end));
}

NodeId IrBuilder::id_of(std::string_view kind, TSNode node) const {
  uint32_t start = ts_node_start_byte(node);
  uint32_t end = std::max(start, ts_node_end_byte(node));
  return node_id_for(context_->path, kind, orig(start), orig(end));
}

void IrBuilder::fill(Slot slot, ir::ExprId id) {
  switch (slot.kind) {
    case SlotKind::None:
      return;
    case SlotKind::ExprA:
      ir_->exprs[slot.index].a = id;
      return;
    case SlotKind::ExprB:
      ir_->exprs[slot.index].b = id;
      return;
    case SlotKind::Item:
      ir_->items[slot.index] = id;
      return;
    case SlotKind::ArgValue:
      ir_->args[slot.index].value = id;
      return;
    case SlotKind::StmtTarget:
      ir_->stmts[slot.index].target = id;
      return;
    case SlotKind::StmtValue:
      ir_->stmts[slot.index].value = id;
      return;
    case SlotKind::StmtExtra:
      ir_->stmts[slot.index].extra = id;
      return;
    case SlotKind::ParamValue:
      ir_->params[slot.index].value = id;
      return;
  }
}

ir::ExprId IrBuilder::new_expr(ir::ExprKind kind, TSNode node, NodeId scope, Slot slot) {
  return new_expr_span(kind, ts_node_start_byte(node), ts_node_end_byte(node), scope, slot);
}

ir::ExprId IrBuilder::new_expr_span(ir::ExprKind kind, uint32_t start, uint32_t end, NodeId scope,
                                    Slot slot) {
  auto id = static_cast<ir::ExprId>(ir_->exprs.size());
  ir::Expr& e = ir_->exprs.emplace_back();
  e.kind = kind;
  e.scope = scope;
  e.bstart = orig(start);
  e.bend = orig(std::max(start, end));
  fill(slot, id);
  return id;
}

uint32_t IrBuilder::new_stmt(ir::StmtKind kind, TSNode node, NodeId scope) {
  auto index = static_cast<uint32_t>(ir_->stmts.size());
  ir::Stmt& s = ir_->stmts.emplace_back();
  s.kind = kind;
  s.scope = scope;
  uint32_t start = ts_node_start_byte(node);
  s.bstart = orig(start);
  s.bend = orig(std::max(start, ts_node_end_byte(node)));
  return index;
}

uint32_t IrBuilder::reserve_items(uint32_t n) {
  auto first = static_cast<uint32_t>(ir_->items.size());
  ir_->items.resize(ir_->items.size() + n, ir::kNoExpr);
  return first;
}

void IrBuilder::unknown(TSNode node, NodeId scope, Slot slot) {
  new_expr(ir::ExprKind::Unknown, node, scope, slot);
}

}  // namespace ca::ts
