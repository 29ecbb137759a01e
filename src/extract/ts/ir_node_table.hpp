// What the program-IR builder does with each tree-sitter-python node type: a dense table
// from TSSymbol to an IrNode, plus the few symbols and fields the builder compares with.
// Kept apart from node_class.hpp (the fact walker's table) because the two walks care
// about different distinctions: the IR needs every expression shape, the facts only the
// nodes that carry names.
#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <vector>

namespace ca::ts {

/// How the IR builder treats a node type. Types not listed are `Other`: an Unknown
/// expression in an expression position, a transparent container in a statement position.
enum class IrNode : uint8_t {
  Other,
  Skip,  ///< nothing inside (comments, import pieces, separators, pass/break/...)
  // Statements.
  ExpressionStatement,
  Assignment,
  AugAssignment,
  For,
  WithItem,
  Except,
  Return,
  Raise,
  Assert,
  Delete,
  Import,
  FunctionDef,
  ClassDef,
  Decorated,
  Match,
  CaseClause,
  TypeAlias,
  ForInClause,  ///< outside a comprehension only after error recovery
  // Expressions.
  Identifier,
  Attribute,
  Call,
  Subscript,
  Slice,
  String,
  ConcatString,
  Integer,
  Float,
  True,
  False,
  None,
  Ellipsis,
  Tuple,  ///< tuple, expression_list, pattern_list, tuple_pattern
  List,   ///< list, list_pattern
  Set,
  Dict,
  Comprehension,
  Lambda,
  Conditional,
  BoolOp,
  NotOp,
  BinaryOp,
  UnaryOp,
  Compare,
  NamedExpr,
  Await,
  Yield,
  ListSplat,  ///< list_splat, list_splat_pattern
  DictSplat,  ///< dictionary_splat
  Paren,      ///< parenthesized_expression, parenthesized_list_splat, type, as_pattern_target
  KeywordArg,
  AsPattern,
  GenericType,    ///< `List[int]` in an annotation: a subscript
  TypeParameter,  ///< the `[int, str]` of a generic_type: a tuple of its types
  OtherExpr,      ///< expression-only shapes without IR meaning (generic_type, union_type, ...)
  // Patterns.
  DottedName,
  CasePattern,  ///< case_pattern, union_pattern: the value of the pattern is the subject's
  ClassPattern,
  KeywordPattern,
  SplatPattern,
  DictPattern,
};

/// True for the expression classes (Identifier .. OtherExpr).
inline bool is_expression(IrNode n) {
  return n >= IrNode::Identifier && n <= IrNode::OtherExpr;
}

/// Symbol -> IrNode for tree-sitter-python, with the symbols and fields the IR builder
/// reads. Built once per extractor; immutable afterwards.
class IrNodeTable {
 public:
  explicit IrNodeTable(const TSLanguage* language);

  IrNode of(TSSymbol symbol) const {
    return symbol < table_.size() ? table_[symbol] : IrNode::Other;
  }

  // Symbols compared directly.
  TSSymbol identifier, comment, decorator, string, string_start, string_content, interpolation;
  TSSymbol format_specifier, format_expression, generic_type, pair, dictionary_splat;
  TSSymbol keyword_argument, list_splat, list_splat_pattern, dictionary_splat_pattern;
  TSSymbol default_parameter, typed_parameter, typed_default_parameter, keyword_separator;
  TSSymbol positional_separator, for_in_clause, if_clause, case_clause, case_pattern;
  TSSymbol dotted_name, aliased_import, wildcard_import, generator_expression;
  TSSymbol function_definition, class_definition, as_pattern;
  TSSymbol list_comprehension, set_comprehension, dictionary_comprehension;
  TSSymbol list, tuple, expression_list, kw_from;

  // Fields.
  TSFieldId f_name, f_body, f_parameters, f_return_type, f_type_parameters, f_superclasses;
  TSFieldId f_left, f_right, f_type, f_value, f_alias, f_function, f_arguments, f_object;
  TSFieldId f_attribute, f_definition, f_key, f_subject, f_condition, f_cause, f_subscript;
  TSFieldId f_expression, f_format_specifier, f_guard;

 private:
  std::vector<IrNode> table_;
};

}  // namespace ca::ts
