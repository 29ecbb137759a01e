// Symbol -> handler table; see node_class.hpp.
#include "extract/ts/node_class.hpp"

#include <initializer_list>
#include <utility>

namespace ca::ts {

NodeClassTable::NodeClassTable(const TSLanguage* language, const PySymbols& s)
    : table_(ts_language_symbol_count(language), NodeClass::Other) {
  const std::initializer_list<std::pair<TSSymbol, NodeClass>> entries = {
      {s.comment, NodeClass::Skip},
      {s.aliased_import, NodeClass::Skip},
      {s.relative_import, NodeClass::Skip},
      {s.import_prefix, NodeClass::Skip},
      {s.wildcard_import, NodeClass::Skip},
      {s.positional_separator, NodeClass::Skip},
      {s.keyword_separator, NodeClass::Skip},
      {s.module, NodeClass::Module},
      {s.identifier, NodeClass::Identifier},
      {s.function_definition, NodeClass::FunctionDef},
      {s.class_definition, NodeClass::ClassDef},
      {s.decorated_definition, NodeClass::DecoratedDef},
      {s.lambda, NodeClass::Lambda},
      {s.list_comprehension, NodeClass::Comprehension},
      {s.set_comprehension, NodeClass::Comprehension},
      {s.dictionary_comprehension, NodeClass::Comprehension},
      {s.generator_expression, NodeClass::Comprehension},
      {s.for_in_clause, NodeClass::ForInClause},
      {s.assignment, NodeClass::Assignment},
      {s.augmented_assignment, NodeClass::AugAssignment},
      {s.named_expression, NodeClass::NamedExpr},
      {s.for_statement, NodeClass::ForStmt},
      {s.with_item, NodeClass::WithItem},
      {s.except_clause, NodeClass::ExceptClause},
      {s.as_pattern, NodeClass::AsPattern},
      {s.as_pattern_target, NodeClass::AsPatternTarget},
      {s.delete_statement, NodeClass::Delete},
      {s.print_statement, NodeClass::Python2Statement},
      {s.exec_statement, NodeClass::Python2Statement},
      {s.global_statement, NodeClass::Global},
      {s.nonlocal_statement, NodeClass::Nonlocal},
      {s.type_alias_statement, NodeClass::TypeAlias},
      {s.import_statement, NodeClass::Import},
      {s.import_from_statement, NodeClass::ImportFrom},
      {s.future_import_statement, NodeClass::FutureImport},
      {s.return_statement, NodeClass::Return},
      {s.yield, NodeClass::Yield},
      {s.call, NodeClass::Call},
      {s.keyword_argument, NodeClass::KeywordArg},
      {s.attribute, NodeClass::Attribute},
      {s.subscript, NodeClass::Subscript},
      {s.pattern_list, NodeClass::Sequence},
      {s.tuple_pattern, NodeClass::Sequence},
      {s.list_pattern, NodeClass::Sequence},
      {s.tuple, NodeClass::Sequence},
      {s.list, NodeClass::Sequence},
      {s.expression_list, NodeClass::Sequence},
      {s.parenthesized_expression, NodeClass::Sequence},
      {s.parenthesized_list_splat, NodeClass::Sequence},
      {s.list_splat, NodeClass::Sequence},
      {s.list_splat_pattern, NodeClass::Sequence},
      {s.case_clause, NodeClass::CaseClause},
      {s.case_pattern, NodeClass::CasePattern},
      {s.union_pattern, NodeClass::CasePattern},
      {s.dotted_name, NodeClass::DottedName},
      {s.class_pattern, NodeClass::ClassPattern},
      {s.keyword_pattern, NodeClass::KeywordPattern},
      {s.splat_pattern, NodeClass::SplatPattern},
      {s.dict_pattern, NodeClass::DictPattern},
      {s.if_statement, NodeClass::IfStmt},
      {s.while_statement, NodeClass::WhileStmt},
      {s.try_statement, NodeClass::TryStmt},
      {s.with_statement, NodeClass::WithStmt},
      {s.match_statement, NodeClass::MatchStmt},
  };
  for (const auto& [symbol, cls] : entries) {
    if (symbol != 0 && symbol < table_.size()) table_[symbol] = cls;
  }
}

}  // namespace ca::ts
