// Builds the program IR (extract/program_ir.hpp) of one file from its tree-sitter tree, in
// a pass of its own over the tree the fact walker has just walked. Ids are computed from
// spans exactly as the fact walker computes them, so Name/Attribute/Call expressions and
// Import/FunctionDef/ClassDef statements join the ts_* rows of the same file.
//
// The walk keeps an explicit stack (no recursion, so nesting depth is bounded only by
// memory) and visits nodes in source order. An expression is created when its node is
// visited, before its children; each pending child carries the slot (a field of its parent
// expression or statement, an item, an argument, a parameter default) that receives its
// ExprId, so parents and their item ranges exist before their children are built.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/ids.hpp"
#include "core/source_text.hpp"
#include "extract/program_ir.hpp"
#include "extract/ts/ir_node_table.hpp"
#include "extract/ts/python_extractor.hpp"
#include "extract/ts/tree_reader.hpp"

namespace ca::ts {

/// Longest str/bytes literal value kept in Expr::text (longer literals have empty text).
inline constexpr size_t kMaxIrConstantBytes = 512;

/// Builds FileIr for one tree at a time. Reusable across files (buffers keep their
/// capacity); not thread-safe.
class IrBuilder {
 public:
  explicit IrBuilder(const IrNodeTable& table);
  ~IrBuilder();
  IrBuilder(const IrBuilder&) = delete;
  IrBuilder& operator=(const IrBuilder&) = delete;

  /// Appends the IR of the tree rooted at `root` (parsed from `text.utf8`) to `out`.
  /// ERROR nodes are skipped, their structured children kept as statements; never throws
  /// for bad input.
  void build(TSNode root, const SourceText& text, const FileContext& context, ir::FileIr& out);

 private:
  /// Where the ExprId of a pending expression goes.
  enum class SlotKind : uint8_t {
    None,
    ExprA,
    ExprB,
    Item,
    ArgValue,
    StmtTarget,
    StmtValue,
    StmtExtra,
    ParamValue,
  };
  /// `Slot{}` is no slot (value-initialised: kind None).
  struct Slot {
    SlotKind kind;
    uint32_t index;
  };
  /// How a pending node is read.
  enum class Mode : uint8_t {
    Stmt,     ///< a statement (expressions become ExprStmt)
    Expr,     ///< an expression that is evaluated (load)
    Target,   ///< an assignment target (names bind: VARIABLE ids)
    Del,      ///< a `del` target
    Pattern,  ///< a match pattern (flag: its value is the whole subject)
    Interp,   ///< an f-string interpolation or format expression
  };
  struct Task {
    TSNode node;
    NodeId scope;
    Slot slot;
    Mode mode;
    bool flag = false;
    uint32_t aux = 0;  ///< Pattern: index of the Condition statement holding the subject
  };
  using Child = NodeChild;

  // Walk machinery (ir_builder.cpp).
  void visit(const Task& task);
  void visit_error(const Task& task);
  void later(TSNode node, NodeId scope, Mode mode, Slot slot = {}, bool flag = false,
             uint32_t aux = 0);
  /// Named children of `node` other than comments, with their fields.
  void collect(TSNode node, std::vector<Child>& out);
  TSNode first_named(TSNode node);
  bool usable(TSNode node) const;
  std::string_view text_of(TSNode node) const;
  int64_t orig(uint32_t utf8_offset) const;
  NodeId id_of(NodeKind kind, TSNode node) const;
  NodeId id_of(std::string_view kind, TSNode node) const;
  void fill(Slot slot, ir::ExprId id);
  ir::ExprId new_expr(ir::ExprKind kind, TSNode node, NodeId scope, Slot slot);
  ir::ExprId new_expr_span(ir::ExprKind kind, uint32_t start, uint32_t end, NodeId scope,
                           Slot slot);
  uint32_t new_stmt(ir::StmtKind kind, TSNode node, NodeId scope);
  /// Reserves `n` consecutive entries of FileIr::items; returns the first.
  uint32_t reserve_items(uint32_t n);
  /// An expression that stands for a value the IR does not model (no sub-expressions).
  void unknown(TSNode node, NodeId scope, Slot slot);

  // Expressions (ir_exprs.cpp, ir_literals.cpp, ir_scoped_exprs.cpp).
  void visit_expr(const Task& task, IrNode kind);
  void visit_target(const Task& task, IrNode kind);
  void visit_del(const Task& task, IrNode kind);
  /// Targets of assignments (Mode::Target) and of del (Mode::Del): names, attributes,
  /// subscripts and the sequences and parentheses that hold them.
  void visit_bound_target(const Task& task, IrNode kind, Mode mode);
  void visit_interp(const Task& task);
  void name_expr(TSNode identifier, NodeId scope, Slot slot, bool store);
  void attribute_expr(const Task& task);
  void call_expr(const Task& task);
  void subscript_expr(const Task& task);
  void string_expr(const Task& task, IrNode kind);
  void number_expr(const Task& task, IrNode kind);
  void sequence_expr(const Task& task, ir::ExprKind kind, Mode item_mode);
  void dict_expr(const Task& task);
  void comprehension_expr(const Task& task);
  void comprehension_for(TSNode clause, NodeId scope, NodeId iterable_scope);
  void lambda_expr(const Task& task);
  void operands_expr(const Task& task, ir::ExprKind kind);
  void unknown_expr(const Task& task);
  /// The node's named children as items of a new expression; statement-like children
  /// (and ERROR nodes) are queued as statements instead.
  void items_of(const Task& task, ir::ExprId expr, const std::vector<Child>& children,
                Mode item_mode);
  /// Appends the value of a plain (no prefix but r/u, no escapes) str literal to `out`;
  /// false when the literal is not plain.
  bool plain_string_value(TSNode string, std::string& out);

  // Statements (ir_stmts.cpp, ir_defs.cpp, ir_match.cpp).
  void visit_stmt(const Task& task, IrNode kind);
  void expression_statement(const Task& task);
  void assignment(const Task& task);
  void aug_assignment(const Task& task);
  void for_statement(const Task& task);
  /// `value as target` of a with-item or except clause: value and target of statement `stmt`.
  void as_pattern_into(TSNode as_pattern, NodeId scope, uint32_t stmt);
  void with_item(const Task& task);
  void except_clause(const Task& task);
  void value_statement(const Task& task, ir::StmtKind kind);
  void delete_statement(const Task& task);
  void import_statement(const Task& task);
  void definition(TSNode def, TSNode decorated, NodeId scope);
  void function_def(TSNode node, NodeId outer, const std::vector<TSNode>& decorators);
  void class_def(TSNode node, NodeId outer, const std::vector<TSNode>& decorators);
  void parameters(TSNode params, NodeId function_id, NodeId outer);
  void match_statement(const Task& task);
  void case_clause(const Task& task);
  void visit_pattern(const Task& task, IrNode kind);
  void capture(TSNode identifier, const Task& task);
  /// `a.b.c` in a pattern: loads of a, then attributes b and c; returns the chain's id.
  ir::ExprId dotted_load(TSNode dotted, NodeId scope, Slot slot);
  void type_alias(const Task& task);
  void container(const Task& task);
  /// Collects `__all__` entries from a list/tuple display (or a sum of them) of str literals.
  void collect_dunder_all(TSNode value);
  bool is_dunder_all(TSNode target) const;
  void dunder_all_call(TSNode call);

  const IrNodeTable& t_;
  TSTreeCursor cursor_;

  // Per-file state, valid during build().
  const SourceText* text_ = nullptr;
  const FileContext* context_ = nullptr;
  ir::FileIr* ir_ = nullptr;
  std::string_view src_;
  NodeId module_id_ = 0;

  // Reused buffers.
  std::vector<Task> stack_;
  std::vector<Task> pending_;
  std::vector<Child> children_;
  std::vector<Child> inner_;
  std::vector<Child> parts_;
  std::vector<TSNode> decorators_;
  /// (statement, statement whose value it shares): `a = b = v` fills the first one only.
  std::vector<std::pair<uint32_t, uint32_t>> shared_values_;
};

}  // namespace ca::ts
