// SCIP symbol strings and docstring text: the pure pieces of the SCIP export (see
// scip_export.hpp), kept apart so that they can be tested without a graph.
//
// Symbols follow SCIP's grammar
//   <scheme> ' ' <manager> ' ' <package-name> ' ' <version> ' ' <descriptor>+ | 'local ' <id>
// in the layout scip-python uses for Python, so that both indexers name the same
// definition the same way:
//   module         `pkg.mod`/__init__:        (namespace = dotted module name, meta __init__)
//   function       `pkg.mod`/f().
//   class          `pkg.mod`/C#
//   method         `pkg.mod`/C#m().
//   attribute      `pkg.mod`/C#x.             (class variable or self.x)
//   variable       `pkg.mod`/X.
//   parameter      `pkg.mod`/f().(x)
// Names inside functions (other than the parameters of module/class-level functions) are
// document-local: `local N`.
#pragma once

#include <string>
#include <string_view>

namespace ca::scip_symbol {

/// True when `c` may appear in a SCIP simple identifier without escaping:
/// ASCII letters and digits, '_', '+', '-', '$'.
bool is_simple_identifier_char(char c);

/// `name` as a SCIP identifier: unchanged when it is a non-empty simple identifier, else
/// wrapped in backticks with every backtick doubled ("a.b" -> "`a.b`").
std::string escape_identifier(std::string_view name);

/// A package field (scheme, manager, package name, version): spaces doubled; an empty
/// value becomes the placeholder ".".
std::string escape_package_field(std::string_view value);

/// Descriptor builders; each returns the identifier (escaped) followed by its suffix.
std::string namespace_descriptor(std::string_view name);  ///< name/
std::string type_descriptor(std::string_view name);       ///< name#
std::string term_descriptor(std::string_view name);       ///< name.
std::string method_descriptor(std::string_view name);     ///< name().
std::string parameter_descriptor(std::string_view name);  ///< (name)
std::string meta_descriptor(std::string_view name);       ///< name:

/// "<scheme> <manager> <name> <version> " (with the trailing space before descriptors).
std::string package_prefix(std::string_view scheme, std::string_view manager, std::string_view name,
                           std::string_view version);

/// The descriptor of a module: `pkg.mod`/ (namespace; callers append __init__: for the
/// module itself or a member's descriptor).
std::string module_namespace(std::string_view dotted_module);

/// The text of a docstring given as written in the source (prefix and quotes included),
/// cleaned like Python's inspect.cleandoc: quotes and string prefix removed, common
/// indentation of the lines after the first removed, leading and trailing blank lines
/// dropped. Escape sequences are left as written. Returns "" for something that is not a
/// string literal.
std::string docstring_text(std::string_view literal);

}  // namespace ca::scip_symbol
