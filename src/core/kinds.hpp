// The one list of node and edge kinds of the code property graph. The schema, the SQL
// views (through the cpg_node_kinds / cpg_edge_kinds tables), the exports and the docs
// all take their kinds from here.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace ca {

enum class NodeKind {
  File,
  Module,
  Package,
  Class,
  Function,
  Lambda,
  Parameter,
  Variable,
  Import,
  Call,
  Reference,
  External,
  Diagnostic,
};

enum class EdgeKind {
  Contains,
  Defines,
  HasParameter,
  RefersTo,
  Calls,
  CallsFunction,
  Imports,
  ImportsSymbol,
  Inherits,
  Overrides,
  Decorates,
  HasDiagnostic,
};

struct KindInfo {
  std::string_view name;         ///< as stored in the `kind` column
  std::string_view description;  ///< one line for docs and `cpg_*_kinds`
};

inline constexpr std::array<KindInfo, 13> kNodeKinds{{
    {"FILE", "a source file of the repository"},
    {"MODULE", "the module a file defines (dotted name in qualname)"},
    {"PACKAGE", "a package directory (regular or namespace)"},
    {"CLASS", "a class definition, from `class` to the end of its body"},
    {"FUNCTION", "a function or method definition (props is_method, is_async, decorators)"},
    {"LAMBDA", "a lambda expression"},
    {"PARAMETER", "a parameter of a function or lambda"},
    {"VARIABLE", "a site binding a name in a scope (assignment, for, with, except, walrus, ...)"},
    {"IMPORT", "one imported name or alias clause of an import statement"},
    {"CALL", "a call expression"},
    {"REFERENCE", "a use of a name or attribute (the identifier token)"},
    {"EXTERNAL", "a module or symbol outside the repository, builtins included"},
    {"DIAGNOSTIC", "a problem found in a file"},
}};

inline constexpr std::array<KindInfo, 12> kEdgeKinds{{
    {"CONTAINS", "lexical parent -> child"},
    {"DEFINES", "scope -> VARIABLE/CLASS/FUNCTION/PARAMETER/IMPORT it binds"},
    {"HAS_PARAMETER", "FUNCTION/LAMBDA -> PARAMETER (prop position)"},
    {"REFERS_TO", "REFERENCE -> each definition it may read"},
    {"CALLS", "CALL -> callee"},
    {"CALLS_FUNCTION", "caller FUNCTION/MODULE -> callee, one edge per pair"},
    {"IMPORTS", "MODULE -> MODULE or EXTERNAL it imports"},
    {"IMPORTS_SYMBOL", "IMPORT -> the definition it binds"},
    {"INHERITS", "CLASS -> base CLASS/EXTERNAL (prop position)"},
    {"OVERRIDES", "method -> the method it overrides in the MRO"},
    {"DECORATES",
     "decorator target (FUNCTION/CLASS/EXTERNAL) -> decorated FUNCTION/CLASS (prop position)"},
    {"HAS_DIAGNOSTIC", "FILE -> DIAGNOSTIC"},
}};

/// The stored name of a node kind, e.g. "FUNCTION".
constexpr std::string_view to_string(NodeKind k) {
  return kNodeKinds[static_cast<size_t>(k)].name;
}
/// The stored name of an edge kind, e.g. "REFERS_TO".
constexpr std::string_view to_string(EdgeKind k) {
  return kEdgeKinds[static_cast<size_t>(k)].name;
}

/// The node kind stored as `name`, or nullopt when `name` is not a node kind.
std::optional<NodeKind> parse_node_kind(std::string_view name);
/// The edge kind stored as `name`, or nullopt when `name` is not an edge kind.
std::optional<EdgeKind> parse_edge_kind(std::string_view name);

}  // namespace ca
