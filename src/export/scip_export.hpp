// SCIP export: the definitions, references and imports of a built graph as a SCIP index
// (https://github.com/sourcegraph/scip), the format code-navigation tools (Sourcegraph,
// scip CLI, Glean, ...) read. The message subset is proto/scip.proto.
//
// What goes in, per source file (one Document, sorted by path):
// - a Definition occurrence at the name of every CLASS, FUNCTION, VARIABLE and PARAMETER,
//   at each `self.x = ...` store of a method (the attribute `C#x.`), and at [0,0,0] for the
//   module itself; CLASS/FUNCTION occurrences carry the whole definition as
//   enclosing_range;
// - a reference occurrence (ReadAccess, or WriteAccess for a store/del) at every REFERENCE
//   with a REFERS_TO edge, one per distinct target symbol;
// - an Import occurrence at every IMPORT (the imported name or its `name as alias` clause)
//   whose IMPORTS_SYMBOL target is known.
// A function-local name gets a `local N` symbol, except that a parameter bound again in its
// function keeps the parameter's symbol.
// Symbols use scip-python's layout (see scip_symbols.hpp). Positions are 0-based lines and
// UTF-8 byte columns (PositionEncoding UTF8CodeUnitOffsetFromLineStart): exactly the
// columns the graph stores, with no need for the source files.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace ca {

struct ScipExportOptions {
  std::string project_name;     ///< SCIP package name; empty = the repository directory name
  std::string project_version;  ///< SCIP package version; empty = "." (no version)
  std::string tool_version;     ///< ToolInfo.version
  std::vector<std::string> tool_arguments;  ///< ToolInfo.arguments
};

/// Counts of what the export wrote and what it had to leave out.
struct ScipExportStats {
  size_t documents = 0;
  size_t definitions = 0;  ///< Definition occurrences
  size_t references = 0;   ///< ReadAccess / WriteAccess occurrences
  size_t imports = 0;      ///< Import occurrences
  size_t symbols = 0;      ///< SymbolInformation entries in documents
  size_t external_symbols = 0;
  /// REFERS_TO / IMPORTS_SYMBOL targets with no SCIP symbol (e.g. an attribute stored on
  /// something that is not `self`, or a local of another file), left out.
  size_t dropped_targets = 0;
};

/// The SCIP index of the graph at `db`, serialized (protobuf bytes). Deterministic: the same
/// graph and options give the same bytes. Throws (DbError, std::runtime_error) when the
/// database cannot be read.
std::string export_scip(const std::filesystem::path& db, const ScipExportOptions& options,
                        ScipExportStats* stats = nullptr);

}  // namespace ca
