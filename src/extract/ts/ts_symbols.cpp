// Resolution of tree-sitter-python node type and field names; see ts_symbols.hpp.
#include "extract/ts/ts_symbols.hpp"

#include <cstring>

namespace ca::ts {

TSSymbol named_symbol(const TSLanguage* l, const char* name) {
  return ts_language_symbol_for_name(l, name, static_cast<uint32_t>(std::strlen(name)), true);
}

TSSymbol token_symbol(const TSLanguage* l, const char* name) {
  return ts_language_symbol_for_name(l, name, static_cast<uint32_t>(std::strlen(name)), false);
}

TSFieldId field_id(const TSLanguage* l, const char* name) {
  return ts_language_field_id_for_name(l, name, static_cast<uint32_t>(std::strlen(name)));
}

namespace {

TSSymbol named(const TSLanguage* l, const char* name) {
  return named_symbol(l, name);
}
TSSymbol token(const TSLanguage* l, const char* name) {
  return token_symbol(l, name);
}
TSFieldId field(const TSLanguage* l, const char* name) {
  return field_id(l, name);
}

}  // namespace

PySymbols::PySymbols(const TSLanguage* l)
    : module(named(l, "module")),
      block(named(l, "block")),
      comment(named(l, "comment")),
      identifier(named(l, "identifier")),
      function_definition(named(l, "function_definition")),
      class_definition(named(l, "class_definition")),
      decorated_definition(named(l, "decorated_definition")),
      decorator(named(l, "decorator")),
      lambda(named(l, "lambda")),
      parameters(named(l, "parameters")),
      lambda_parameters(named(l, "lambda_parameters")),
      default_parameter(named(l, "default_parameter")),
      typed_parameter(named(l, "typed_parameter")),
      typed_default_parameter(named(l, "typed_default_parameter")),
      list_splat_pattern(named(l, "list_splat_pattern")),
      dictionary_splat_pattern(named(l, "dictionary_splat_pattern")),
      positional_separator(named(l, "positional_separator")),
      keyword_separator(named(l, "keyword_separator")),
      list_comprehension(named(l, "list_comprehension")),
      set_comprehension(named(l, "set_comprehension")),
      dictionary_comprehension(named(l, "dictionary_comprehension")),
      generator_expression(named(l, "generator_expression")),
      for_in_clause(named(l, "for_in_clause")),
      if_clause(named(l, "if_clause")),
      expression_statement(named(l, "expression_statement")),
      assignment(named(l, "assignment")),
      augmented_assignment(named(l, "augmented_assignment")),
      named_expression(named(l, "named_expression")),
      for_statement(named(l, "for_statement")),
      with_item(named(l, "with_item")),
      except_clause(named(l, "except_clause")),
      as_pattern(named(l, "as_pattern")),
      as_pattern_target(named(l, "as_pattern_target")),
      delete_statement(named(l, "delete_statement")),
      global_statement(named(l, "global_statement")),
      nonlocal_statement(named(l, "nonlocal_statement")),
      type_alias_statement(named(l, "type_alias_statement")),
      print_statement(named(l, "print_statement")),
      exec_statement(named(l, "exec_statement")),
      import_statement(named(l, "import_statement")),
      import_from_statement(named(l, "import_from_statement")),
      future_import_statement(named(l, "future_import_statement")),
      aliased_import(named(l, "aliased_import")),
      dotted_name(named(l, "dotted_name")),
      relative_import(named(l, "relative_import")),
      import_prefix(named(l, "import_prefix")),
      wildcard_import(named(l, "wildcard_import")),
      return_statement(named(l, "return_statement")),
      yield(named(l, "yield")),
      call(named(l, "call")),
      argument_list(named(l, "argument_list")),
      keyword_argument(named(l, "keyword_argument")),
      list_splat(named(l, "list_splat")),
      dictionary_splat(named(l, "dictionary_splat")),
      attribute(named(l, "attribute")),
      subscript(named(l, "subscript")),
      parenthesized_expression(named(l, "parenthesized_expression")),
      parenthesized_list_splat(named(l, "parenthesized_list_splat")),
      pattern_list(named(l, "pattern_list")),
      tuple_pattern(named(l, "tuple_pattern")),
      list_pattern(named(l, "list_pattern")),
      tuple(named(l, "tuple")),
      list(named(l, "list")),
      expression_list(named(l, "expression_list")),
      string(named(l, "string")),
      concatenated_string(named(l, "concatenated_string")),
      string_start(named(l, "string_start")),
      match_statement(named(l, "match_statement")),
      case_clause(named(l, "case_clause")),
      case_pattern(named(l, "case_pattern")),
      class_pattern(named(l, "class_pattern")),
      keyword_pattern(named(l, "keyword_pattern")),
      splat_pattern(named(l, "splat_pattern")),
      dict_pattern(named(l, "dict_pattern")),
      union_pattern(named(l, "union_pattern")),
      type(named(l, "type")),
      generic_type(named(l, "generic_type")),
      if_statement(named(l, "if_statement")),
      elif_clause(named(l, "elif_clause")),
      else_clause(named(l, "else_clause")),
      while_statement(named(l, "while_statement")),
      try_statement(named(l, "try_statement")),
      finally_clause(named(l, "finally_clause")),
      with_statement(named(l, "with_statement")),
      kw_async(token(l, "async")),
      kw_from(token(l, "from")),
      f_name(field(l, "name")),
      f_body(field(l, "body")),
      f_parameters(field(l, "parameters")),
      f_return_type(field(l, "return_type")),
      f_type_parameters(field(l, "type_parameters")),
      f_superclasses(field(l, "superclasses")),
      f_left(field(l, "left")),
      f_right(field(l, "right")),
      f_type(field(l, "type")),
      f_value(field(l, "value")),
      f_alias(field(l, "alias")),
      f_function(field(l, "function")),
      f_arguments(field(l, "arguments")),
      f_object(field(l, "object")),
      f_attribute(field(l, "attribute")),
      f_module_name(field(l, "module_name")),
      f_definition(field(l, "definition")),
      f_key(field(l, "key")),
      f_guard(field(l, "guard")),
      f_subject(field(l, "subject")),
      f_condition(field(l, "condition")),
      f_consequence(field(l, "consequence")),
      f_alternative(field(l, "alternative")) {}

}  // namespace ca::ts
