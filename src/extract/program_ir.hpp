// The program IR: a compact, per-file picture of what each statement and expression does
// with values (assignments, calls, returns, attribute and subscript access, containers,
// lambdas, comprehensions, definitions), built from the tree-sitter tree during extraction
// and kept in memory for the whole-program resolver (resolve/program/). Not persisted.
//
// Identity: every Name/Attribute expression carries the node id of its REFERENCE (for
// loads/dels) or VARIABLE (for store targets that bind a name), every Call its CALL node
// id, so the resolver joins the IR to the rows of extract/facts.hpp (ts_names, ts_defs,
// ts_calls, res_bindings, res_name_refs). Scopes are ts_scopes.scope_id values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/ids.hpp"

namespace ca::ir {

/// Index of an expression in FileIr::exprs.
using ExprId = uint32_t;
inline constexpr ExprId kNoExpr = UINT32_MAX;

enum class ExprKind : uint8_t {
  Name,           ///< `text` = identifier; node_id = REFERENCE id (load/del) or VARIABLE id (store)
  Attribute,      ///< a = object; `text` = attribute; node_id = REFERENCE id of the attribute token
  Call,           ///< a = callee; args in FileIr::args [first, first+count); node_id = CALL id
  Subscript,      ///< a = object; b = index (a Constant for literal keys, a Slice, ...)
  Constant,       ///< const_kind says which; `text` = the value for plain str/int literals
  FString,        ///< embedded expressions in items; the value is a str
  Tuple,          ///< elements in items
  List,           ///< elements in items
  Set,            ///< elements in items
  Dict,           ///< items hold key, value pairs; a `**spread` entry has key kNoExpr
  Lambda,         ///< scope = the LAMBDA's scope id; a = body expression
  Comprehension,  ///< scope = the comprehension scope; a = element (b = value for dict
                  ///< comprehensions); const_kind says list/set/dict/generator; the
                  ///< for-clauses are Statements (ComprehensionFor) of that scope
  Starred,        ///< a = value (`*x` in calls, displays and targets)
  DoubleStarred,  ///< a = value (`**x` in calls and dict displays)
  Await,          ///< a = value
  Yield,          ///< a = value or kNoExpr
  YieldFrom,      ///< a = value
  Conditional,    ///< `a if cond else b`: the value is a or b; condition in items
  BoolOp,         ///< `x or y`, `x and y`: the value is one of the operands in items
  NamedExpr,      ///< `t := v`: a = target (a Name, store), b = value
  Operator,       ///< binary/unary/compare operators: operands in items, value unknown
  Slice,          ///< `lower:upper:step`: a = lower, b = upper (kNoExpr when omitted); the
                  ///< step, when written, is the single item
  Unknown,        ///< anything else; sub-expressions in items are still evaluated
};

enum class ConstKind : uint8_t {
  None,
  Str,
  Bytes,
  Int,
  Float,
  Complex,
  Bool,
  NoneValue,
  Ellipsis,
  ListComp,
  SetComp,
  DictComp,
  GeneratorExp
};

struct Expr {
  ExprKind kind = ExprKind::Unknown;
  ConstKind const_kind = ConstKind::None;
  ExprId a = kNoExpr;
  ExprId b = kNoExpr;
  uint32_t items_first = 0;  ///< into FileIr::items
  uint32_t items_count = 0;
  NodeId scope = 0;    ///< scope the expression is evaluated in (Lambda/Comprehension: its own)
  NodeId node_id = 0;  ///< see ExprKind
  int64_t bstart = 0;  ///< original byte span of the whole expression
  int64_t bend = 0;
  std::string text;

  bool operator==(const Expr&) const = default;
};

/// One argument of a call.
struct Arg {
  ExprId value = kNoExpr;  ///< for `*x` / `**x` a Starred / DoubleStarred expression
  std::string keyword;     ///< empty for positional and starred arguments

  bool operator==(const Arg&) const = default;
};

enum class StmtKind : uint8_t {
  Assign,            ///< target = value (one statement per target of `a = b = v`)
  AugAssign,         ///< target op= value (the target is read and written)
  AnnAssign,         ///< target: annotation = value (value may be kNoExpr); extra = annotation
  For,               ///< for target in value (value is the iterable)
  ComprehensionFor,  ///< for target in value inside a comprehension (scope = the comprehension)
  With,              ///< with value as target (target may be kNoExpr)
  ExceptAs,          ///< except value as target (value = the exception type expression)
  Return,            ///< return value (value may be kNoExpr)
  Raise,             ///< raise value (value may be kNoExpr); extra = the `from` expression
  ExprStmt,          ///< an expression evaluated for its effect (calls...)
  Delete,            ///< del target
  FunctionDef,       ///< def: node_id = FUNCTION id (= its scope); decorators in items (top
                     ///< first); parameter defaults are FileIr::params
  ClassDef,          ///< class: node_id = CLASS id; bases in items; keywords in `args`;
                     ///< decorators in extra_items (top first)
  Import,            ///< import: node_id = the IMPORT node (one statement per imported name)
  Condition,         ///< an expression evaluated as a test (if/while/assert/match subject)
};

struct Stmt {
  StmtKind kind = StmtKind::ExprStmt;
  NodeId scope = 0;  ///< scope the statement belongs to
  ExprId target = kNoExpr;
  ExprId value = kNoExpr;
  ExprId extra = kNoExpr;
  uint32_t items_first = 0;  ///< into FileIr::items
  uint32_t items_count = 0;
  uint32_t extra_items_first = 0;
  uint32_t extra_items_count = 0;
  uint32_t args_first = 0;  ///< into FileIr::args (ClassDef keywords such as metaclass=)
  uint32_t args_count = 0;
  NodeId node_id = 0;
  int64_t bstart = 0;
  int64_t bend = 0;

  bool operator==(const Stmt&) const = default;
};

/// A parameter's default value expression (evaluated in the enclosing scope).
struct ParamDefault {
  NodeId function_id = 0;   ///< FUNCTION/LAMBDA node id
  NodeId parameter_id = 0;  ///< PARAMETER node id (ts_params.node_id)
  ExprId value = kNoExpr;

  bool operator==(const ParamDefault&) const = default;
};

/// The whole IR of one file. Statements are in source order.
struct FileIr {
  std::vector<Expr> exprs;
  std::vector<ExprId> items;
  std::vector<Arg> args;
  std::vector<Stmt> stmts;
  std::vector<ParamDefault> params;
  /// `__all__ = [...]` / `__all__ += [...]` string entries at module level, in order.
  std::vector<std::string> dunder_all;
  bool has_dunder_all = false;

  bool operator==(const FileIr&) const = default;
};

}  // namespace ca::ir
