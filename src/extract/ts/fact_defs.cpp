// Scopes and the definitions that open them: functions, classes, lambdas, comprehensions,
// with their parameters, decorators, class bases and docstrings; see fact_walker.hpp.
#include "extract/ts/fact_walker.hpp"

namespace ca::ts {

void FactWalker::emit_scope_row(uint32_t index, std::string_view name, const Span& span) {
  const ScopeInfo& scope = scopes_[index];
  ScopeRow row;
  row.file_id = context_->file_id;
  row.scope_id = scope.id;
  if (index != 0) row.parent_scope_id = scopes_[scope.parent].id;
  row.kind = std::string(scope_kind_name(scope.kind));
  row.name = std::string(name);
  row.qualname = scope.qualname;
  row.span = span;
  facts_->scopes.push_back(std::move(row));
}

FactWalker::NamedScope FactWalker::open_named_scope(TSNode node, uint32_t outer, ScopeKind kind) {
  const bool is_class = kind == ScopeKind::Class;
  TSNode name = ts_node_child_by_field_id(node, sym_.f_name);
  std::string_view name_text = ts_node_is_null(name) ? std::string_view{} : text_of(name);
  Span span = span_of(node);
  NodeId id = node_id_for(context_->path, is_class ? NodeKind::Class : NodeKind::Function,
                          span.bstart, span.bend);
  uint32_t inner = scopes_.open(outer, kind, id, name_text, false, span.bstart);
  emit_scope_row(inner, name_text, span);

  NamedScope out{inner, open_root(inner), DefRow{}};
  DefRow& def = out.def;
  def.file_id = context_->file_id;
  def.node_id = id;
  def.kind = is_class ? "CLASS" : "FUNCTION";
  def.def_kind = is_class ? "class" : "function";
  def.name = std::string(name_text);
  def.qualname = scopes_[inner].qualname;
  def.scope_id = scopes_[outer].id;
  def.span = span;
  Span name_span = ts_node_is_null(name) ? span : span_of(name);
  def.name_bstart = name_span.bstart;
  def.name_bend = name_span.bend;
  // Bound once decorators, defaults, annotations (and a class body) are evaluated: at the
  // end of the statement.
  def.flow_block = cur_block_;
  def.flow_pos = span.bend;
  return out;
}

void FactWalker::visit_function(const Task& task) {
  const uint32_t outer = task.scope;
  TSNode node = task.node;
  NamedScope opened = open_named_scope(node, outer, ScopeKind::Function);
  const uint32_t inner = opened.inner;
  const uint32_t root = opened.root;
  DefRow& def = opened.def;
  const NodeId id = def.node_id;
  def.is_method = scopes_[outer].kind == ScopeKind::Class;

  collect(node, children_);
  for (const Child& c : children_) {
    TSSymbol symbol = ts_node_symbol(c.node);
    if (symbol == sym_.kw_async && !ts_node_is_named(c.node)) def.is_async = true;
    if (c.field == sym_.f_parameters) {
      later_in(c.node, inner, root, Mode::Params);
    } else if (c.field == sym_.f_body) {
      later_in(c.node, inner, root);
    } else if (c.field == sym_.f_name || c.field == sym_.f_type_parameters) {
      continue;  // the name is no occurrence; PEP 695 type parameters are declarations
    } else if (ts_node_is_named(c.node)) {
      later(c.node, outer);  // return annotation, and anything recovered from errors
    }
  }
  facts_->defs.push_back(std::move(def));
  emit_docstring(ts_node_child_by_field_id(node, sym_.f_body), id);
}

void FactWalker::visit_class(const Task& task) {
  const uint32_t outer = task.scope;
  TSNode node = task.node;
  NamedScope opened = open_named_scope(node, outer, ScopeKind::Class);
  const uint32_t inner = opened.inner;
  const uint32_t root = opened.root;
  const NodeId id = opened.def.node_id;
  facts_->defs.push_back(std::move(opened.def));

  // Bases and keywords, evaluated in the enclosing scope.
  TSNode bases = ts_node_child_by_field_id(node, sym_.f_superclasses);
  if (!ts_node_is_null(bases)) {
    collect(bases, inner_);
    int32_t position = 0;
    for (const Child& c : inner_) {
      if (!ts_node_is_named(c.node) || ts_node_is_error(c.node)) continue;
      TSSymbol symbol = ts_node_symbol(c.node);
      if (symbol == sym_.comment || symbol == sym_.dictionary_splat) continue;  // not a base
      ClassBaseRow row;
      row.file_id = context_->file_id;
      row.class_id = id;
      row.span = span_of(c.node);
      row.text = std::string(text_of(c.node));
      if (symbol == sym_.keyword_argument) {
        // `metaclass=M`: keyword "metaclass", text and span of the value M.
        TSNode key = ts_node_child_by_field_id(c.node, sym_.f_name);
        TSNode value = ts_node_child_by_field_id(c.node, sym_.f_value);
        row.position = -1;
        if (!ts_node_is_null(key)) row.keyword = std::string(text_of(key));
        if (!ts_node_is_null(value)) {
          row.span = span_of(value);
          row.text = std::string(text_of(value));
          row.ref_id = head_ref(value);
        }
      } else {
        row.position = position++;
        row.ref_id = head_ref(c.node);
      }
      facts_->class_bases.push_back(std::move(row));
    }
  }

  collect(node, children_);
  for (const Child& c : children_) {
    if (c.field == sym_.f_body)
      later_in(c.node, inner, root);
    else if (c.field == sym_.f_name || c.field == sym_.f_type_parameters)
      continue;
    else if (ts_node_is_named(c.node))
      later(c.node, outer);
  }
  emit_docstring(ts_node_child_by_field_id(node, sym_.f_body), id);
}

void FactWalker::visit_decorated(const Task& task) {
  TSNode node = task.node;
  TSNode definition = ts_node_child_by_field_id(node, sym_.f_definition);
  std::optional<NodeId> target;
  if (!ts_node_is_null(definition)) {
    Span span = span_of(definition);
    TSSymbol symbol = ts_node_symbol(definition);
    if (symbol == sym_.function_definition)
      target = node_id_for(context_->path, NodeKind::Function, span.bstart, span.bend);
    else if (symbol == sym_.class_definition)
      target = node_id_for(context_->path, NodeKind::Class, span.bstart, span.bend);
  }
  collect(node, children_);
  int32_t position = 0;
  for (const Child& c : children_) {
    if (!ts_node_is_named(c.node)) continue;
    if (ts_node_symbol(c.node) == sym_.decorator) {
      TSNode expression = first_named_child(c.node);
      if (ts_node_is_null(expression)) continue;
      if (target) {
        DecoratorRow row;
        row.file_id = context_->file_id;
        row.target_id = *target;
        row.position = position++;
        row.text = std::string(text_of(expression));
        row.ref_id = head_ref(expression);
        row.span = span_of(expression);
        facts_->decorators.push_back(std::move(row));
      }
      later(expression, task.scope);
    } else {
      later(c.node, task.scope);
    }
  }
}

std::optional<NodeId> FactWalker::head_ref(TSNode expression) const {
  // `a.b(...)` -> b, `Generic[T]` -> Generic, `x` -> x; anything else has no head name.
  TSNode node = expression;
  for (;;) {
    if (ts_node_is_null(node)) return std::nullopt;
    TSSymbol symbol = ts_node_symbol(node);
    if (symbol == sym_.call) {
      node = ts_node_child_by_field_id(node, sym_.f_function);
    } else if (symbol == sym_.subscript) {
      node = ts_node_child_by_field_id(node, sym_.f_value);
    } else if (symbol == sym_.attribute) {
      TSNode attr = ts_node_child_by_field_id(node, sym_.f_attribute);
      if (!usable(attr)) return std::nullopt;
      return ref_id(attr);
    } else if (symbol == sym_.identifier) {
      if (!usable(node)) return std::nullopt;
      return ref_id(node);
    } else {
      return std::nullopt;
    }
  }
}

void FactWalker::visit_lambda(const Task& task) {
  const uint32_t outer = task.scope;
  TSNode node = task.node;
  Span span = span_of(node);
  NodeId id = node_id_for(context_->path, NodeKind::Lambda, span.bstart, span.bend);
  uint32_t inner = scopes_.open(outer, ScopeKind::Lambda, id, "<lambda>", true, span.bstart);
  emit_scope_row(inner, "<lambda>", span);
  const uint32_t root = open_root(inner);

  DefRow def;
  def.file_id = context_->file_id;
  def.node_id = id;
  def.kind = "LAMBDA";
  def.def_kind = "lambda";
  def.name = "<lambda>";
  def.qualname = scopes_[inner].qualname;
  def.scope_id = scopes_[outer].id;
  def.span = span;
  // No identifier: the `lambda` keyword stands for the name.
  Span keyword = span_of(ts_node_start_byte(node), ts_node_start_byte(node) + 6);
  def.name_bstart = keyword.bstart;
  def.name_bend = keyword.bend;
  def.flow_block = cur_block_;
  def.flow_pos = span.bend;
  facts_->defs.push_back(std::move(def));

  collect(node, children_);
  for (const Child& c : children_) {
    if (c.field == sym_.f_parameters)
      later_in(c.node, inner, root, Mode::Params);
    else if (ts_node_is_named(c.node))
      later_in(c.node, inner, root);
  }
}

void FactWalker::visit_comprehension(const Task& task) {
  const uint32_t outer = task.scope;
  TSNode node = task.node;
  TSSymbol symbol = ts_node_symbol(node);
  std::string_view name = symbol == sym_.list_comprehension         ? "<listcomp>"
                          : symbol == sym_.set_comprehension        ? "<setcomp>"
                          : symbol == sym_.dictionary_comprehension ? "<dictcomp>"
                                                                    : "<genexpr>";
  Span span = span_of(node);
  NodeId id = node_id_for(context_->path, "COMPREHENSION", span.bstart, span.bend);
  uint32_t inner = scopes_.open(outer, ScopeKind::Comprehension, id, name, true, span.bstart);
  emit_scope_row(inner, name, span);
  const uint32_t root = open_root(inner);

  collect(node, children_);
  bool first = true;
  for (const Child& c : children_) {
    if (!ts_node_is_named(c.node)) continue;
    if (ts_node_symbol(c.node) == sym_.for_in_clause) {
      later_in(c.node, inner, root, first ? Mode::CompForFirst : Mode::CompFor);
      first = false;
    } else {
      later_in(c.node, inner, root);
    }
  }
}

void FactWalker::visit_for_in_clause(const Task& task) {
  // The first iterable is evaluated in the enclosing scope, the rest in the comprehension.
  const bool first = task.mode == Mode::CompForFirst;
  uint32_t iterable_scope = first ? scopes_[task.scope].parent : task.scope;
  uint32_t iterable_block = first ? enclosing_block(cur_block_) : cur_block_;
  collect(task.node, children_);
  for (const Child& c : children_) {
    if (!ts_node_is_named(c.node)) continue;
    if (c.field == sym_.f_left)
      later(c.node, task.scope, Mode::Target, Bind::ComprehensionFor);
    else if (c.field == sym_.f_right)
      later_in(c.node, iterable_scope, iterable_block);
    else
      later(c.node, task.scope);
  }
}

void FactWalker::visit_params(const Task& task) {
  // Parameters belong to the function scope; defaults and annotations are evaluated in
  // the enclosing scope.
  const uint32_t function_scope = task.scope;
  const uint32_t outer = scopes_[function_scope].parent;
  const uint32_t outer_block = enclosing_block(cur_block_);
  collect(task.node, children_);
  size_t slash = 0;  // parameters before index `slash` are positional-only
  for (size_t i = 0; i < children_.size(); ++i) {
    if (ts_node_symbol(children_[i].node) == sym_.positional_separator) slash = i;
  }
  bool keyword_only = false;
  int32_t position = 0;
  for (size_t i = 0; i < children_.size(); ++i) {
    TSNode p = children_[i].node;
    if (!ts_node_is_named(p) || ts_node_is_error(p)) continue;
    TSSymbol symbol = ts_node_symbol(p);
    std::string_view plain = i < slash      ? "positional_only"
                             : keyword_only ? "keyword_only"
                                            : "positional_or_keyword";
    TSNode null_node{};
    if (symbol == sym_.identifier) {
      emit_param(p, ts_node_start_byte(p), ts_node_end_byte(p), function_scope, position++, plain,
                 null_node, null_node);
    } else if (symbol == sym_.keyword_separator) {
      keyword_only = true;
    } else if (symbol == sym_.list_splat_pattern || symbol == sym_.dictionary_splat_pattern) {
      bool star = symbol == sym_.list_splat_pattern;
      TSNode name = ts_node_named_child(p, 0);
      if (usable(name) && ts_node_symbol(name) == sym_.identifier) {
        emit_param(name, ts_node_start_byte(name), ts_node_end_byte(name), function_scope,
                   position++, star ? "var_positional" : "var_keyword", null_node, null_node);
      }
      if (star) keyword_only = true;
    } else if (symbol == sym_.default_parameter || symbol == sym_.typed_parameter ||
               symbol == sym_.typed_default_parameter) {
      TSNode name = symbol == sym_.typed_parameter ? ts_node_named_child(p, 0)
                                                   : ts_node_child_by_field_id(p, sym_.f_name);
      TSNode type = ts_node_child_by_field_id(p, sym_.f_type);
      TSNode value = ts_node_child_by_field_id(p, sym_.f_value);
      std::string_view kind = plain;
      if (!ts_node_is_null(name) && ts_node_symbol(name) != sym_.identifier) {
        bool star = ts_node_symbol(name) == sym_.list_splat_pattern;
        bool double_star = ts_node_symbol(name) == sym_.dictionary_splat_pattern;
        if (star || double_star) {
          kind = star ? "var_positional" : "var_keyword";
          if (star) keyword_only = true;
          name = ts_node_named_child(name, 0);
        } else {
          name = TSNode{};  // a Python 2 tuple parameter: no name of its own
        }
      }
      if (usable(name) && ts_node_symbol(name) == sym_.identifier) {
        uint32_t end = ts_node_is_null(type) ? ts_node_end_byte(name) : ts_node_end_byte(type);
        emit_param(name, ts_node_start_byte(name), end, function_scope, position++, kind, value,
                   type);
      }
      if (!ts_node_is_null(type)) later_in(type, outer, outer_block);
      if (!ts_node_is_null(value)) later_in(value, outer, outer_block);
    }
  }
}

void FactWalker::emit_param(TSNode name, uint32_t start, uint32_t end, uint32_t function_scope,
                            int32_t position, std::string_view kind, TSNode default_value,
                            TSNode annotation) {
  ParamRow row;
  row.file_id = context_->file_id;
  row.span = span_of(start, end);
  row.node_id = node_id_for(context_->path, NodeKind::Parameter, row.span.bstart, row.span.bend);
  row.function_id = scopes_[function_scope].id;
  row.position = position;
  row.name = std::string(text_of(name));
  row.qualname = scopes_.binding_qualname(function_scope, row.name);
  row.param_kind = std::string(kind);
  if (!ts_node_is_null(default_value)) {
    Span s = span_of(default_value);
    row.default_range = OptRange{s.bstart, s.bend};
  }
  if (!ts_node_is_null(annotation)) {
    Span s = span_of(annotation);
    row.annotation_range = OptRange{s.bstart, s.bend};
  }
  row.flow_block = cur_block_;  // the function's Root: parameters bind on entry
  facts_->params.push_back(std::move(row));
}

void FactWalker::emit_docstring(TSNode body, NodeId owner) {
  if (ts_node_is_null(body)) return;
  TSNode first = first_named_child(body);
  if (ts_node_is_null(first) || ts_node_symbol(first) != sym_.expression_statement) return;
  if (ts_node_named_child_count(first) != 1) return;
  TSNode literal = first_named_child(first);
  if (ts_node_is_null(literal)) return;
  TSSymbol symbol = ts_node_symbol(literal);
  if (symbol != sym_.string && symbol != sym_.concatenated_string) return;
  if (ts_node_has_error(literal)) return;
  // A docstring is a plain str literal: no f-, t- or b-prefixed part.
  auto plain = [this](TSNode string) {
    TSNode start = ts_node_named_child(string, 0);
    if (ts_node_is_null(start) || ts_node_symbol(start) != sym_.string_start) return false;
    for (char ch : text_of(start)) {
      if (ch == 'f' || ch == 'F' || ch == 'b' || ch == 'B' || ch == 't' || ch == 'T') return false;
    }
    return true;
  };
  if (symbol == sym_.string) {
    if (!plain(literal)) return;
  } else {
    collect(literal, inner_);
    for (const Child& part : inner_) {
      if (ts_node_symbol(part.node) == sym_.string && !plain(part.node)) return;
    }
  }
  DocstringRow row;
  row.file_id = context_->file_id;
  row.owner_id = owner;
  row.text = std::string(text_of(literal));
  row.span = span_of(literal);
  facts_->docstrings.push_back(std::move(row));
}

}  // namespace ca::ts
