// The tree-sitter-python node types and field names the walker looks at, resolved once to
// integer ids so that the walk compares integers instead of strings.
#pragma once

#include <tree_sitter/api.h>

namespace ca::ts {

/// The id of the named node type `name` (0 when the grammar has none).
TSSymbol named_symbol(const TSLanguage* language, const char* name);
/// The id of the anonymous token `name` (0 when the grammar has none).
TSSymbol token_symbol(const TSLanguage* language, const char* name);
/// The id of the field `name` (0 when the grammar has none).
TSFieldId field_id(const TSLanguage* language, const char* name);

/// Symbol and field ids of tree-sitter-python. A name the grammar lacks resolves to 0,
/// which no named node carries, so its checks never match.
struct PySymbols {
  explicit PySymbols(const TSLanguage* language);

  // Named node types.
  TSSymbol module, block, comment, identifier;
  TSSymbol function_definition, class_definition, decorated_definition, decorator;
  TSSymbol lambda, parameters, lambda_parameters;
  TSSymbol default_parameter, typed_parameter, typed_default_parameter;
  TSSymbol list_splat_pattern, dictionary_splat_pattern, positional_separator, keyword_separator;
  TSSymbol list_comprehension, set_comprehension, dictionary_comprehension, generator_expression;
  TSSymbol for_in_clause, if_clause;
  TSSymbol expression_statement, assignment, augmented_assignment, named_expression;
  TSSymbol for_statement, with_item, except_clause, as_pattern, as_pattern_target;
  TSSymbol delete_statement, global_statement, nonlocal_statement, type_alias_statement;
  TSSymbol print_statement, exec_statement;  ///< Python 2 statements the grammar still accepts
  TSSymbol import_statement, import_from_statement, future_import_statement;
  TSSymbol aliased_import, dotted_name, relative_import, import_prefix, wildcard_import;
  TSSymbol return_statement, yield;
  TSSymbol call, argument_list, keyword_argument, list_splat, dictionary_splat;
  TSSymbol attribute, subscript, parenthesized_expression, parenthesized_list_splat;
  TSSymbol pattern_list, tuple_pattern, list_pattern, tuple, list, expression_list;
  TSSymbol string, concatenated_string, string_start;
  TSSymbol match_statement, case_clause, case_pattern, class_pattern, keyword_pattern;
  TSSymbol splat_pattern, dict_pattern, union_pattern, type, generic_type;
  TSSymbol if_statement, elif_clause, else_clause, while_statement, try_statement;
  TSSymbol finally_clause, with_statement;

  // Anonymous tokens.
  TSSymbol kw_async, kw_from;

  // Fields.
  TSFieldId f_name, f_body, f_parameters, f_return_type, f_type_parameters, f_superclasses;
  TSFieldId f_left, f_right, f_type, f_value, f_alias, f_function, f_arguments, f_object;
  TSFieldId f_attribute, f_module_name, f_definition, f_key, f_guard, f_subject;
  TSFieldId f_condition, f_consequence, f_alternative;
};

}  // namespace ca::ts
