// The walk loop and the dispatch of expressions, targets and `del` targets; see
// fact_walker.hpp. Rows of the other tables come from fact_defs.cpp, fact_names.cpp and
// fact_statements.cpp.
#include "extract/ts/fact_walker.hpp"
#include "extract/ts/syntax_errors.hpp"

#include <algorithm>

namespace ca::ts {

FactWalker::FactWalker(const PySymbols& symbols, const NodeClassTable& classes)
    : sym_(symbols), classes_(classes), cursor_{} {}

FactWalker::~FactWalker() = default;

std::string_view FactWalker::bind_name(Bind bind) {
  switch (bind) {
    case Bind::None:
    case Bind::Assign:
      return "assign";
    case Bind::AugAssign:
      return "augassign";
    case Bind::AnnAssign:
      return "annassign";
    case Bind::For:
      return "for";
    case Bind::With:
      return "with";
    case Bind::Except:
      return "except";
    case Bind::Walrus:
      return "walrus";
    case Bind::Match:
      return "match";
    case Bind::ComprehensionFor:
      return "comprehension_for";
    case Bind::TypeAlias:
      return "type_alias";
  }
  return "assign";
}

void FactWalker::walk(TSNode root, const SourceText& text, const LineIndex& lines,
                      const FileContext& context, FileFacts& facts) {
  text_ = &text;
  lines_ = &lines;
  context_ = &context;
  facts_ = &facts;
  python2_statements_ = 0;
  src_ = text.utf8;
  cursor_ = ts_tree_cursor_new(root);

  // The module scope spans the whole file.
  std::string_view module = context.module;
  size_t dot = module.rfind('.');
  std::string_view short_name = dot == std::string_view::npos ? module : module.substr(dot + 1);
  scopes_.reset(module, context.module_scope_id);
  emit_scope_row(0, short_name, span_of(0, static_cast<uint32_t>(src_.size())));
  emit_docstring(root, context.module_scope_id);

  // The module's Root block; blocks are appended, so indices stay valid if `facts` already
  // holds rows of an earlier walk.
  next_construct_ = 0;
  FlowBlock module_root;
  module_root.scope_id = context.module_scope_id;
  const auto root_block = static_cast<uint32_t>(facts.flow_blocks.size());
  facts.flow_blocks.push_back(module_root);
  cur_block_ = root_block;
  cur_bind_end_ = 0;

  stack_.clear();
  pending_.clear();
  stack_.push_back(Task{root, 0, Mode::Generic, Bind::None, Ctx::Load, root_block, 0});
  while (!stack_.empty()) {
    Task task = stack_.back();
    stack_.pop_back();
    visit(task);
    // Children were queued in source order; the stack pops the first one next.
    stack_.insert(stack_.end(), pending_.rbegin(), pending_.rend());
    pending_.clear();
  }

  ts_tree_cursor_delete(&cursor_);
  cursor_ = TSTreeCursor{};
  facts_ = nullptr;
  context_ = nullptr;
  lines_ = nullptr;
  text_ = nullptr;
}

void FactWalker::visit(const Task& task) {
  cur_block_ = task.block;
  cur_bind_end_ = task.bind_end;
  if (ts_node_is_error(task.node)) {
    // Recover what is cheap inside ERROR nodes: structured children, not loose identifiers.
    collect(task.node, children_);
    for (const Child& c : children_) {
      if (ts_node_is_named(c.node) && ts_node_symbol(c.node) != sym_.identifier)
        later(c.node, task.scope);
    }
    return;
  }
  NodeClass cls = classes_.of(ts_node_symbol(task.node));
  if (cls == NodeClass::Skip) return;
  switch (task.mode) {
    case Mode::Generic:
      visit_generic(task, cls);
      return;
    case Mode::Target:
      visit_target(task, cls);
      return;
    case Mode::Del:
      visit_del(task, cls);
      return;
    case Mode::Pattern:
      visit_pattern(task, cls);
      return;
    case Mode::Params:
      visit_params(task);
      return;
    case Mode::CompFor:
    case Mode::CompForFirst:
      visit_for_in_clause(task);
      return;
    case Mode::AttributeName:
      emit_attribute_name(task);
      return;
  }
}

void FactWalker::visit_generic(const Task& task, NodeClass cls) {
  const uint32_t scope = task.scope;
  switch (cls) {
    case NodeClass::Identifier:
      emit_name(task.node, scope, Ctx::Load);
      return;
    case NodeClass::Attribute:
      emit_attribute(task, Ctx::Load);
      return;
    case NodeClass::FunctionDef:
      visit_function(task);
      return;
    case NodeClass::ClassDef:
      visit_class(task);
      return;
    case NodeClass::DecoratedDef:
      visit_decorated(task);
      return;
    case NodeClass::Lambda:
      visit_lambda(task);
      return;
    case NodeClass::Comprehension:
      visit_comprehension(task);
      return;
    case NodeClass::ForInClause:  // only outside a comprehension after error recovery
      visit_for_in_clause(Task{task.node, scope, Mode::CompFor, Bind::None});
      return;
    case NodeClass::Assignment: {
      bool annotated = !ts_node_is_null(ts_node_child_by_field_id(task.node, sym_.f_type));
      collect(task.node, children_);
      // The targets are bound after the value is evaluated.
      const uint32_t end = ts_node_end_byte(task.node);
      for (const Child& c : children_) {
        if (c.field == sym_.f_left)
          later_in(c.node, scope, cur_block_, Mode::Target,
                   annotated ? Bind::AnnAssign : Bind::Assign, end);
        else if (ts_node_is_named(c.node))
          later(c.node, scope);
      }
      return;
    }
    case NodeClass::ForStmt:
      visit_loop(task, true);
      return;
    case NodeClass::WhileStmt:
      visit_loop(task, false);
      return;
    case NodeClass::IfStmt:
      visit_if(task);
      return;
    case NodeClass::TryStmt:
      visit_try(task);
      return;
    case NodeClass::WithStmt:
      visit_with(task);
      return;
    case NodeClass::MatchStmt:
      visit_match(task);
      return;
    case NodeClass::AugAssignment:
    case NodeClass::NamedExpr: {
      Bind bind = cls == NodeClass::AugAssignment ? Bind::AugAssign : Bind::Walrus;
      TSFieldId target_field = cls == NodeClass::NamedExpr ? sym_.f_name : sym_.f_left;
      const uint32_t end = ts_node_end_byte(task.node);  // bound after the value
      collect(task.node, children_);
      for (const Child& c : children_) {
        if (c.field == target_field)
          later_in(c.node, scope, cur_block_, Mode::Target, bind, end);
        else if (ts_node_is_named(c.node))
          later(c.node, scope);
      }
      return;
    }
    case NodeClass::WithItem:
    case NodeClass::ExceptClause: {
      Bind bind = cls == NodeClass::WithItem ? Bind::With : Bind::Except;
      collect(task.node, children_);
      for (const Child& c : children_) {
        if (ts_node_is_named(c.node)) later(c.node, scope, Mode::Generic, bind);
      }
      return;
    }
    case NodeClass::AsPattern: {
      // `with x as y` / `except E as e`: the alias is a target of the enclosing clause.
      Bind bind = task.bind == Bind::None ? Bind::With : task.bind;
      collect(task.node, children_);
      for (const Child& c : children_) {
        if (c.field == sym_.f_alias)
          later(c.node, scope, Mode::Target, bind);
        else if (ts_node_is_named(c.node))
          later(c.node, scope);
      }
      return;
    }
    case NodeClass::Delete:
      later_children(task.node, scope, Mode::Del);
      return;
    case NodeClass::Global:
      visit_scope_decl(task, "global");
      return;
    case NodeClass::Nonlocal:
      visit_scope_decl(task, "nonlocal");
      return;
    case NodeClass::TypeAlias:
      visit_type_alias(task);
      return;
    case NodeClass::Import:
    case NodeClass::ImportFrom:
    case NodeClass::FutureImport:
      visit_import(task, cls);
      return;
    case NodeClass::Return:
      visit_return(task, false);
      return;
    case NodeClass::Yield:
      visit_return(task, true);
      return;
    case NodeClass::Call:
      visit_call(task);
      return;
    case NodeClass::KeywordArg: {
      TSNode value = ts_node_child_by_field_id(task.node, sym_.f_value);
      if (!ts_node_is_null(value)) later(value, scope);
      return;
    }
    case NodeClass::CaseClause: {
      // The captures of a case bind together once its whole pattern matched (the
      // alternatives of an or-pattern do not hide each other).
      collect(task.node, children_);
      uint32_t pattern_end = 0;
      for (const Child& c : children_) {
        if (ts_node_symbol(c.node) == sym_.case_pattern)
          pattern_end = std::max(pattern_end, ts_node_end_byte(c.node));
      }
      for (const Child& c : children_) {
        if (!ts_node_is_named(c.node)) continue;
        if (ts_node_symbol(c.node) == sym_.case_pattern)
          later_in(c.node, scope, cur_block_, Mode::Pattern, Bind::None, pattern_end);
        else
          later(c.node, scope);
      }
      return;
    }
    case NodeClass::CasePattern:
    case NodeClass::ClassPattern:
    case NodeClass::KeywordPattern:
    case NodeClass::SplatPattern:
    case NodeClass::DictPattern:
      visit_pattern(task, cls);
      return;
    case NodeClass::DottedName:  // only in imports and patterns, handled there
    case NodeClass::Skip:
      return;
    case NodeClass::Python2Statement:
      report_python2_statement(task.node);
      later_children(task.node, scope, Mode::Generic);
      return;
    case NodeClass::Module:
    case NodeClass::AsPatternTarget:
    case NodeClass::Subscript:
    case NodeClass::Sequence:
    case NodeClass::Other:
      later_children(task.node, scope, Mode::Generic);
      return;
  }
}

void FactWalker::visit_target(const Task& task, NodeClass cls) {
  switch (cls) {
    case NodeClass::Identifier:
      emit_variable(task.node, task.scope, task.bind);
      return;
    case NodeClass::Attribute:
      emit_attribute(task, Ctx::Store);
      return;
    case NodeClass::Sequence:
    case NodeClass::AsPatternTarget:
      later_children(task.node, task.scope, Mode::Target, task.bind);
      return;
    default:  // subscripts and anything invalid as a target: read, not bound
      visit_generic(Task{task.node, task.scope, Mode::Generic, Bind::None}, cls);
      return;
  }
}

void FactWalker::visit_del(const Task& task, NodeClass cls) {
  switch (cls) {
    case NodeClass::Identifier:
      emit_name(task.node, task.scope, Ctx::Del);
      return;
    case NodeClass::Attribute:
      emit_attribute(task, Ctx::Del);
      return;
    case NodeClass::Sequence:
      later_children(task.node, task.scope, Mode::Del);
      return;
    default:
      visit_generic(Task{task.node, task.scope, Mode::Generic, Bind::None}, cls);
      return;
  }
}

void FactWalker::later(TSNode node, uint32_t scope, Mode mode, Bind bind) {
  // Parts of a target keep the binding point of the whole target; expressions have none.
  const bool binds = mode == Mode::Target || mode == Mode::Pattern || mode == Mode::Del;
  pending_.push_back(
      Task{node, scope, mode, bind, Ctx::Load, cur_block_, binds ? cur_bind_end_ : 0});
}

void FactWalker::later_in(TSNode node, uint32_t scope, uint32_t block, Mode mode, Bind bind,
                          uint32_t bind_end) {
  pending_.push_back(Task{node, scope, mode, bind, Ctx::Load, block, bind_end});
}

void FactWalker::later_children(TSNode node, uint32_t scope, Mode mode, Bind bind) {
  collect(node, children_);
  for (const Child& c : children_) {
    if (ts_node_is_named(c.node)) later(c.node, scope, mode, bind);
  }
}

void FactWalker::collect(TSNode node, std::vector<Child>& out) {
  node_children(cursor_, node, out, false, sym_.comment);
}

TSNode FactWalker::first_named_child(TSNode node) {
  return ts::first_named_child(cursor_, node, sym_.comment);
}

bool FactWalker::usable(TSNode node) const {
  return usable_node(node);
}

std::string_view FactWalker::text_of(TSNode node) const {
  return node_text(src_, node);
}

Span FactWalker::span_of(TSNode node) const {
  return span_of(ts_node_start_byte(node), ts_node_end_byte(node));
}

Span FactWalker::span_of(uint32_t start, uint32_t end) const {
  size_t size = src_.size();
  size_t s = std::min<size_t>(start, size);
  size_t e = std::min<size_t>(std::max(start, end), size);
  return make_span(*text_, *lines_, s, e);
}

NodeId FactWalker::ref_id(TSNode identifier) const {
  size_t size = src_.size();
  int64_t start = text_->original_offset(std::min<size_t>(ts_node_start_byte(identifier), size));
  int64_t end = text_->original_offset(std::min<size_t>(ts_node_end_byte(identifier), size));
  return node_id_for(context_->path, NodeKind::Reference, start, end);
}

void FactWalker::report_python2_statement(TSNode statement) {
  ++python2_statements_;
  Span span = span_of(statement);
  bool is_print = ts_node_symbol(statement) == sym_.print_statement;
  facts_->diagnostics.push_back(
      make_ts_diagnostic(*context_, "syntax_error",
                         std::string("syntax error: Python 2 ") + (is_print ? "print" : "exec") +
                             " statement (line " + std::to_string(span.start_line) +
                             "); Python 3 needs " + (is_print ? "print(...)" : "exec(...)"),
                         &span));
}

}  // namespace ca::ts
