// The walk over one tree-sitter-python tree that emits the ts_* rows. It keeps its own
// stack of pending nodes (no recursion, so nesting depth is bounded only by memory) and
// visits nodes in source order, each with the scope it is evaluated in and the control-flow
// block (FileFacts::flow_blocks) its statement stands in.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_text.hpp"
#include "extract/facts.hpp"
#include "extract/ts/node_class.hpp"
#include "extract/ts/python_extractor.hpp"
#include "extract/ts/scope_table.hpp"
#include "extract/ts/tree_reader.hpp"
#include "extract/ts/ts_symbols.hpp"

namespace ca::ts {

/// Longest callee text stored in ts_calls (longer callees are cut and end in "...").
inline constexpr size_t kMaxCalleeTextBytes = 256;

/// Emits the syntax facts of one tree. Reusable across files (buffers keep their capacity);
/// not thread-safe.
class FactWalker {
 public:
  FactWalker(const PySymbols& symbols, const NodeClassTable& classes);
  ~FactWalker();
  FactWalker(const FactWalker&) = delete;
  FactWalker& operator=(const FactWalker&) = delete;

  size_t python2_statements() const { return python2_statements_; }

  /// Appends the facts of the tree rooted at `root` (parsed from `text.utf8`) to `facts`.
  /// Python 2 statements that the grammar accepts (print, exec) are reported as syntax
  /// errors in facts.diagnostics; python2_statements() counts them for the last walk.
  void walk(TSNode root, const SourceText& text, const LineIndex& lines, const FileContext& context,
            FileFacts& facts);

 private:
  /// How a node is visited: as an expression/statement, as an assignment target, as a
  /// `del` target, as a match pattern, as a parameter list or as a comprehension clause.
  enum class Mode : uint8_t {
    Generic,
    Target,
    Del,
    Pattern,
    Params,
    CompFor,
    CompForFirst,
    AttributeName,  ///< the `attr` of an attribute node, after its object was walked
  };
  /// What a target binds (the def_kind of its VARIABLE rows).
  enum class Bind : uint8_t {
    None,
    Assign,
    AugAssign,
    AnnAssign,
    For,
    With,
    Except,
    Walrus,
    Match,
    ComprehensionFor,
    TypeAlias,
  };
  enum class Ctx : uint8_t { Load, Store, Del };

  struct Task {
    TSNode node;
    uint32_t scope;
    Mode mode;
    Bind bind;
    Ctx ctx = Ctx::Load;    ///< for AttributeName
    uint32_t block = 0;     ///< FileFacts::flow_blocks index
    uint32_t bind_end = 0;  ///< Target/Pattern: utf8 offset where the binding takes effect
  };
  using Child = NodeChild;

  static std::string_view bind_name(Bind bind);

  // Walk machinery (fact_walker.cpp).
  void visit(const Task& task);
  void visit_generic(const Task& task, NodeClass cls);
  void visit_target(const Task& task, NodeClass cls);
  void visit_del(const Task& task, NodeClass cls);
  /// Queues a node in the block of the task being visited.
  void later(TSNode node, uint32_t scope, Mode mode = Mode::Generic, Bind bind = Bind::None);
  /// Queues a node in `block`; `bind_end` as in Task.
  void later_in(TSNode node, uint32_t scope, uint32_t block, Mode mode = Mode::Generic,
                Bind bind = Bind::None, uint32_t bind_end = 0);
  void later_children(TSNode node, uint32_t scope, Mode mode, Bind bind = Bind::None);
  void collect(TSNode node, std::vector<Child>& out);
  /// The first named child that is not a comment, or a null node.
  TSNode first_named_child(TSNode node);
  bool usable(TSNode node) const;
  std::string_view text_of(TSNode node) const;
  Span span_of(TSNode node) const;
  Span span_of(uint32_t start, uint32_t end) const;
  NodeId ref_id(TSNode identifier) const;

  // Control flow (fact_flow.cpp): blocks of compound statements.
  uint32_t open_block(FlowKind kind, uint32_t parent, uint32_t scope, uint32_t construct = 0,
                      uint32_t arm = 0);
  uint32_t open_root(uint32_t scope);  ///< a nested scope's Root below the current block
  /// The block a Root block's definition stands in (`block` itself for the module).
  uint32_t enclosing_block(uint32_t block) const;
  uint32_t new_construct() { return next_construct_++; }
  int64_t flow_pos(TSNode identifier) const;
  void visit_if(const Task& task);
  void visit_loop(const Task& task, bool is_for);
  void visit_try(const Task& task);
  void visit_with(const Task& task);
  void visit_match(const Task& task);

  // Names and bindings (fact_names.cpp).
  void emit_name(TSNode identifier, uint32_t scope, Ctx ctx);
  void emit_attribute(const Task& task, Ctx ctx);
  void emit_attribute_name(const Task& task);
  void emit_variable(TSNode identifier, uint32_t scope, Bind bind);
  void emit_dotted_load(TSNode dotted, uint32_t scope);
  void visit_pattern(const Task& task, NodeClass cls);

  // Definitions and scopes (fact_defs.cpp).
  /// A class or function scope just opened, with its definition row filled in.
  struct NamedScope {
    uint32_t inner;  ///< the new scope
    uint32_t root;   ///< its root flow block
    DefRow def;
  };
  NamedScope open_named_scope(TSNode node, uint32_t outer, ScopeKind kind);
  void visit_function(const Task& task);
  void visit_class(const Task& task);
  void visit_decorated(const Task& task);
  void visit_lambda(const Task& task);
  void visit_comprehension(const Task& task);
  void visit_for_in_clause(const Task& task);
  void visit_params(const Task& task);
  void emit_param(TSNode name, uint32_t start, uint32_t end, uint32_t function_scope,
                  int32_t position, std::string_view kind, TSNode default_value, TSNode annotation);
  void emit_scope_row(uint32_t index, std::string_view name, const Span& span);
  void emit_docstring(TSNode body, NodeId owner);
  std::optional<NodeId> head_ref(TSNode expression) const;

  // Statements and expressions with their own tables (fact_statements.cpp).
  void visit_import(const Task& task, NodeClass cls);
  void emit_import(TSNode clause, TSNode stmt, uint32_t scope, bool is_from,
                   const std::string& module, int32_t level);
  std::string dotted_text(TSNode dotted);
  void visit_call(const Task& task);
  void visit_return(const Task& task, bool is_yield);
  void visit_scope_decl(const Task& task, std::string_view kind);
  void visit_type_alias(const Task& task);
  void report_python2_statement(TSNode statement);

  const PySymbols& sym_;
  const NodeClassTable& classes_;
  TSTreeCursor cursor_;

  // Per-file state, valid during walk().
  const SourceText* text_ = nullptr;
  const LineIndex* lines_ = nullptr;
  const FileContext* context_ = nullptr;
  FileFacts* facts_ = nullptr;
  size_t python2_statements_ = 0;
  std::string_view src_;
  ScopeTable scopes_;
  uint32_t cur_block_ = 0;     ///< block of the task being visited
  uint32_t cur_bind_end_ = 0;  ///< bind_end of the task being visited
  uint32_t next_construct_ = 0;

  // Reused buffers.
  std::vector<Task> stack_;
  std::vector<Task> pending_;
  std::vector<Child> children_;
  std::vector<Child> inner_;
};

}  // namespace ca::ts
