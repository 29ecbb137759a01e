// What the walker does with each tree-sitter-python node type: a dense table from TSSymbol
// to a handler class, built once per extractor so the walk dispatches on one array lookup.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <vector>

#include "extract/ts/ts_symbols.hpp"

namespace ca::ts {

/// The handler a node type gets. Types without a special meaning are `Other`: their named
/// children are walked in the same way.
enum class NodeClass : uint8_t {
  Other,
  Skip,  ///< no expression inside (comments, import pieces, separators)
  Module,
  Identifier,
  FunctionDef,
  ClassDef,
  DecoratedDef,
  Lambda,
  Comprehension,
  ForInClause,
  Assignment,
  AugAssignment,
  NamedExpr,
  ForStmt,
  WithItem,
  ExceptClause,
  AsPattern,
  AsPatternTarget,
  Delete,
  Global,
  Nonlocal,
  TypeAlias,
  Import,
  ImportFrom,
  FutureImport,
  Return,
  Yield,
  Call,
  KeywordArg,
  Attribute,
  Subscript,
  Sequence,  ///< tuples, lists and patterns of them, parentheses, splats: targets nest in them
  CaseClause,
  CasePattern,  ///< case_pattern, list/tuple/union patterns: sub-patterns nest in them
  DottedName,
  ClassPattern,
  KeywordPattern,
  SplatPattern,
  DictPattern,
  Python2Statement,  ///< print/exec statements: syntax errors in Python 3
  // Compound statements that open control-flow blocks (fact_flow.cpp).
  IfStmt,
  WhileStmt,
  TryStmt,
  WithStmt,
  MatchStmt,
};

/// Symbol -> NodeClass for one language.
class NodeClassTable {
 public:
  NodeClassTable(const TSLanguage* language, const PySymbols& sym);

  /// The class of `symbol`; `Other` for symbols outside the table (ERROR is handled apart).
  NodeClass of(TSSymbol symbol) const {
    return symbol < table_.size() ? table_[symbol] : NodeClass::Other;
  }

 private:
  std::vector<NodeClass> table_;
};

}  // namespace ca::ts
