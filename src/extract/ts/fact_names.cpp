// Name occurrences (ts_names), VARIABLE bindings (ts_defs) and match patterns; see
// fact_walker.hpp.
#include "extract/ts/fact_walker.hpp"

namespace ca::ts {

void FactWalker::emit_name(TSNode identifier, uint32_t scope, Ctx ctx) {
  if (!usable(identifier)) return;
  NameRow row;
  row.file_id = context_->file_id;
  row.span = span_of(identifier);
  row.node_id = node_id_for(context_->path, NodeKind::Reference, row.span.bstart, row.span.bend);
  row.scope_id = scopes_[scope].id;
  row.name = std::string(text_of(identifier));
  row.ctx = ctx == Ctx::Load ? "load" : ctx == Ctx::Store ? "store" : "del";
  row.flow_block = cur_block_;
  facts_->names.push_back(std::move(row));
}

void FactWalker::emit_attribute(const Task& task, Ctx ctx) {
  // The object's names come first in source order, then the attribute identifier.
  TSNode object = ts_node_child_by_field_id(task.node, sym_.f_object);
  if (!ts_node_is_null(object)) later(object, task.scope);
  pending_.push_back(
      Task{task.node, task.scope, Mode::AttributeName, Bind::None, ctx, cur_block_, 0});
}

void FactWalker::emit_attribute_name(const Task& task) {
  TSNode object = ts_node_child_by_field_id(task.node, sym_.f_object);
  TSNode attr = ts_node_child_by_field_id(task.node, sym_.f_attribute);
  if (!usable(attr)) return;
  NameRow row;
  row.file_id = context_->file_id;
  row.span = span_of(attr);
  row.node_id = node_id_for(context_->path, NodeKind::Reference, row.span.bstart, row.span.bend);
  row.scope_id = scopes_[task.scope].id;
  row.name = std::string(text_of(attr));
  row.ctx = task.ctx == Ctx::Load ? "load" : task.ctx == Ctx::Store ? "store" : "del";
  row.is_attribute = true;
  row.flow_block = cur_block_;
  if (!ts_node_is_null(object)) {
    Span receiver = span_of(object);
    row.receiver_range = OptRange{receiver.bstart, receiver.bend};
  }
  facts_->names.push_back(std::move(row));
}

void FactWalker::emit_variable(TSNode identifier, uint32_t scope, Bind bind) {
  if (!usable(identifier)) return;
  DefRow row;
  row.file_id = context_->file_id;
  row.span = span_of(identifier);
  row.node_id = node_id_for(context_->path, NodeKind::Variable, row.span.bstart, row.span.bend);
  row.kind = "VARIABLE";
  row.def_kind = std::string(bind_name(bind));
  row.name = std::string(text_of(identifier));
  row.qualname = scopes_.binding_qualname(scope, row.name);
  row.scope_id = scopes_[scope].id;
  row.name_bstart = row.span.bstart;
  row.name_bend = row.span.bend;
  row.flow_block = cur_block_;
  row.flow_pos = flow_pos(identifier);
  facts_->defs.push_back(std::move(row));
  emit_name(identifier, scope, Ctx::Store);
}

void FactWalker::emit_dotted_load(TSNode dotted, uint32_t scope) {
  // `Color.RED` in a pattern: a load of Color, then attribute loads along the chain.
  collect(dotted, inner_);
  bool first = true;
  uint32_t start = ts_node_start_byte(dotted);
  uint32_t previous_end = start;
  for (const Child& c : inner_) {
    if (ts_node_symbol(c.node) != sym_.identifier || !usable(c.node)) continue;
    if (first) {
      emit_name(c.node, scope, Ctx::Load);
      first = false;
    } else {
      NameRow row;
      row.file_id = context_->file_id;
      row.span = span_of(c.node);
      row.node_id =
          node_id_for(context_->path, NodeKind::Reference, row.span.bstart, row.span.bend);
      row.scope_id = scopes_[scope].id;
      row.name = std::string(text_of(c.node));
      row.ctx = "load";
      row.is_attribute = true;
      row.flow_block = cur_block_;
      Span receiver = span_of(start, previous_end);
      row.receiver_range = OptRange{receiver.bstart, receiver.bend};
      facts_->names.push_back(std::move(row));
    }
    previous_end = ts_node_end_byte(c.node);
  }
}

void FactWalker::visit_pattern(const Task& task, NodeClass cls) {
  const uint32_t scope = task.scope;
  switch (cls) {
    case NodeClass::Identifier:  // a bare name in a pattern captures
      emit_variable(task.node, scope, Bind::Match);
      return;
    case NodeClass::DottedName: {
      // A single name captures; a dotted name is a value pattern.
      collect(task.node, children_);
      if (children_.size() == 1 && ts_node_symbol(children_[0].node) == sym_.identifier)
        emit_variable(children_[0].node, scope, Bind::Match);
      else
        emit_dotted_load(task.node, scope);
      return;
    }
    case NodeClass::ClassPattern: {
      collect(task.node, children_);
      bool seen_class = false;
      for (const Child& c : children_) {
        if (!ts_node_is_named(c.node)) continue;
        if (!seen_class && ts_node_symbol(c.node) == sym_.dotted_name) {
          seen_class = true;
          emit_dotted_load(c.node, scope);
        } else {
          later(c.node, scope, Mode::Pattern);
        }
      }
      return;
    }
    case NodeClass::KeywordPattern: {
      // `x=<pattern>`: the keyword names an attribute, not a variable.
      collect(task.node, children_);
      bool seen_keyword = false;
      for (const Child& c : children_) {
        if (!ts_node_is_named(c.node)) continue;
        if (!seen_keyword && ts_node_symbol(c.node) == sym_.identifier) {
          seen_keyword = true;
          continue;
        }
        later(c.node, scope, Mode::Pattern);
      }
      return;
    }
    case NodeClass::SplatPattern:  // *rest, **rest
    case NodeClass::AsPattern:     // <pattern> as name
    case NodeClass::AsPatternTarget:
    case NodeClass::CasePattern:
    case NodeClass::Sequence:
      later_children(task.node, scope, Mode::Pattern);
      return;
    case NodeClass::DictPattern: {
      collect(task.node, children_);
      for (const Child& c : children_) {
        if (!ts_node_is_named(c.node)) continue;
        if (c.field == sym_.f_key) {
          if (ts_node_symbol(c.node) == sym_.dotted_name)
            emit_dotted_load(c.node, scope);
          else
            later(c.node, scope);
        } else {
          later(c.node, scope, Mode::Pattern);
        }
      }
      return;
    }
    default:  // literals, and expressions after error recovery
      visit_generic(Task{task.node, scope, Mode::Generic, Bind::None}, cls);
      return;
  }
}

}  // namespace ca::ts
