// Statements and expressions with tables of their own: imports, calls, returns/yields,
// global/nonlocal declarations and type aliases; see fact_walker.hpp.
#include "extract/ts/fact_walker.hpp"

#include <algorithm>

namespace ca::ts {

std::string FactWalker::dotted_text(TSNode dotted) {
  // Joined from the identifiers, so that `a . b` and line continuations give "a.b".
  if (ts_node_symbol(dotted) != sym_.dotted_name) return std::string(text_of(dotted));
  collect(dotted, inner_);
  std::string out;
  for (const Child& c : inner_) {
    if (ts_node_symbol(c.node) != sym_.identifier) continue;
    if (!out.empty()) out += '.';
    out += text_of(c.node);
  }
  return out;
}

void FactWalker::visit_import(const Task& task, NodeClass cls) {
  TSNode stmt = task.node;
  bool is_from = cls != NodeClass::Import;
  std::string module;
  int32_t level = 0;
  if (cls == NodeClass::FutureImport) {
    module = "__future__";
  } else if (cls == NodeClass::ImportFrom) {
    TSNode name = ts_node_child_by_field_id(stmt, sym_.f_module_name);
    if (!ts_node_is_null(name) && ts_node_symbol(name) == sym_.relative_import) {
      collect(name, inner_);
      TSNode dotted{};
      for (const Child& c : inner_) {
        TSSymbol symbol = ts_node_symbol(c.node);
        if (symbol == sym_.import_prefix) {
          std::string_view dots = text_of(c.node);
          level = static_cast<int32_t>(std::count(dots.begin(), dots.end(), '.'));
        } else if (symbol == sym_.dotted_name) {
          dotted = c.node;
        }
      }
      if (!ts_node_is_null(dotted)) module = dotted_text(dotted);
    } else if (!ts_node_is_null(name)) {
      module = dotted_text(name);
    }
  }
  collect(stmt, children_);
  for (const Child& c : children_) {
    if (c.field == sym_.f_name || ts_node_symbol(c.node) == sym_.wildcard_import)
      emit_import(c.node, stmt, task.scope, is_from, module, level);
  }
}

void FactWalker::emit_import(TSNode clause, TSNode stmt, uint32_t scope, bool is_from,
                             const std::string& module, int32_t level) {
  if (!usable(clause) || ts_node_has_error(clause)) return;
  ImportRow row;
  row.file_id = context_->file_id;
  row.scope_id = scopes_[scope].id;
  row.is_from = is_from;
  row.module = module;
  row.level = level;
  TSSymbol symbol = ts_node_symbol(clause);
  TSNode dotted = clause;
  if (symbol == sym_.aliased_import) {
    dotted = ts_node_child_by_field_id(clause, sym_.f_name);
    TSNode alias = ts_node_child_by_field_id(clause, sym_.f_alias);
    if (ts_node_is_null(dotted)) return;
    if (!ts_node_is_null(alias)) row.alias = std::string(text_of(alias));
  }
  if (symbol == sym_.wildcard_import) {
    row.name = "*";
    row.is_star = true;
  } else {
    std::string name = dotted_text(dotted);
    if (is_from) {
      row.bound_name = row.alias ? *row.alias : name;
      row.name = std::move(name);
    } else {
      // `import a.b` binds `a`; `import a.b as c` binds `c`.
      row.bound_name = row.alias ? *row.alias : name.substr(0, name.find('.'));
      row.module = std::move(name);
    }
  }
  row.span = span_of(clause);
  row.node_id = node_id_for(context_->path, NodeKind::Import, row.span.bstart, row.span.bend);
  Span statement = span_of(stmt);
  row.stmt_bstart = statement.bstart;
  row.stmt_bend = statement.bend;
  row.flow_block = cur_block_;
  facts_->imports.push_back(std::move(row));
}

void FactWalker::visit_call(const Task& task) {
  TSNode node = task.node;
  TSNode callee = ts_node_child_by_field_id(node, sym_.f_function);
  TSNode arguments = ts_node_child_by_field_id(node, sym_.f_arguments);
  CallRow row;
  row.file_id = context_->file_id;
  row.span = span_of(node);
  row.node_id = node_id_for(context_->path, NodeKind::Call, row.span.bstart, row.span.bend);
  row.scope_id = scopes_[task.scope].id;
  if (!ts_node_is_null(callee)) {
    std::string_view callee_text = text_of(callee);
    if (callee_text.size() > kMaxCalleeTextBytes) {
      size_t cut = kMaxCalleeTextBytes;
      while (cut > 0 && (static_cast<unsigned char>(callee_text[cut]) & 0xC0) == 0x80) --cut;
      row.callee_text = std::string(callee_text.substr(0, cut)) + "...";
    } else {
      row.callee_text = std::string(callee_text);
    }
    Span callee_span = span_of(callee);
    row.callee_bstart = callee_span.bstart;
    row.callee_bend = callee_span.bend;
    TSSymbol symbol = ts_node_symbol(callee);
    TSNode last = symbol == sym_.attribute    ? ts_node_child_by_field_id(callee, sym_.f_attribute)
                  : symbol == sym_.identifier ? callee
                                              : TSNode{};
    if (usable(last)) row.callee_ref_id = ref_id(last);
  }
  if (!ts_node_is_null(arguments)) {
    if (ts_node_symbol(arguments) == sym_.generator_expression) {
      row.n_positional = 1;  // f(x for x in y)
    } else {
      collect(arguments, inner_);
      for (const Child& c : inner_) {
        if (!ts_node_is_named(c.node) || ts_node_is_error(c.node)) continue;
        TSSymbol symbol = ts_node_symbol(c.node);
        if (symbol == sym_.comment) continue;
        if (symbol == sym_.keyword_argument) {
          ++row.n_keyword;
          TSNode key = ts_node_child_by_field_id(c.node, sym_.f_name);
          if (!ts_node_is_null(key)) {
            if (!row.keyword_names.empty()) row.keyword_names += ',';
            row.keyword_names += text_of(key);
          }
        } else if (symbol == sym_.dictionary_splat) {
          ++row.n_keyword;
          row.has_star_kwargs = true;
        } else {
          ++row.n_positional;
          if (symbol == sym_.list_splat) row.has_star_args = true;
        }
      }
    }
  }
  facts_->calls.push_back(std::move(row));
  later_children(node, task.scope, Mode::Generic);
}

void FactWalker::visit_return(const Task& task, bool is_yield) {
  TSNode node = task.node;
  ReturnRow row;
  row.file_id = context_->file_id;
  row.scope_id = scopes_[scopes_[task.scope].func_owner].id;
  row.kind = "return";
  row.span = span_of(node);
  collect(node, children_);
  for (const Child& c : children_) {
    if (is_yield && !ts_node_is_named(c.node) && ts_node_symbol(c.node) == sym_.kw_from)
      row.kind = "yield_from";
    if (!ts_node_is_named(c.node) || ts_node_symbol(c.node) == sym_.comment) continue;
    if (!row.value_range.bstart) {
      Span value = span_of(c.node);
      row.value_range = OptRange{value.bstart, value.bend};
    }
    later(c.node, task.scope);
  }
  if (is_yield && row.kind == "return") row.kind = "yield";
  facts_->returns.push_back(std::move(row));
}

void FactWalker::visit_scope_decl(const Task& task, std::string_view kind) {
  collect(task.node, children_);
  for (const Child& c : children_) {
    if (ts_node_symbol(c.node) != sym_.identifier || !usable(c.node)) continue;
    ScopeDeclRow row;
    row.file_id = context_->file_id;
    row.scope_id = scopes_[task.scope].id;
    row.name = std::string(text_of(c.node));
    row.kind = std::string(kind);
    row.span = span_of(c.node);
    row.flow_block = cur_block_;
    facts_->scope_decls.push_back(std::move(row));
  }
}

void FactWalker::visit_type_alias(const Task& task) {
  // `type X = ...` / `type X[T] = ...`: X is bound; type parameters are declarations.
  // tree-sitter-python also reads `type(obj).attr = v` this way; then the left side is no
  // name and the statement is an assignment to an attribute of a call of `type`.
  collect(task.node, children_);
  for (const Child& c : children_) {
    if (!ts_node_is_named(c.node)) continue;
    if (c.field != sym_.f_left) {
      later(c.node, task.scope);
      continue;
    }
    TSNode name = first_named_child(c.node);
    if (!ts_node_is_null(name) && ts_node_symbol(name) == sym_.generic_type)
      name = first_named_child(name);
    if (!ts_node_is_null(name) && ts_node_symbol(name) == sym_.identifier) {
      emit_variable(name, task.scope, Bind::TypeAlias);
    } else {
      uint32_t start = ts_node_start_byte(task.node);
      if (src_.substr(start, 4) == "type") {
        NameRow row;
        row.file_id = context_->file_id;
        row.span = span_of(start, start + 4);
        row.node_id =
            node_id_for(context_->path, NodeKind::Reference, row.span.bstart, row.span.bend);
        row.scope_id = scopes_[task.scope].id;
        row.name = "type";
        row.ctx = "load";
        row.flow_block = cur_block_;
        facts_->names.push_back(std::move(row));
      }
      if (!ts_node_is_null(name)) later(name, task.scope, Mode::Target, Bind::Assign);
    }
  }
}

}  // namespace ca::ts
