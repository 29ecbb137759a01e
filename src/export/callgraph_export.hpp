// Call-graph export: the CALLS_FUNCTION edges of a built graph in other tools' formats.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace ca {

/// The name PyCG gives a node: modules by their dotted name; functions and lambdas by
/// their qualname without ".<locals>" and with lambdas numbered per scope ("<lambda1>",
/// "<lambda2>"); builtins "<builtin>.len"; methods of builtin types "<**PyStr**>.join";
/// other externals by their dotted name.
std::string pycg_name(std::string_view kind, std::string_view qualname);

/// The call graph of the graph at `db` in PyCG's JSON format: an object whose keys are
/// every module, function and lambda of the repository and every external that is called,
/// each mapped to the sorted list of what it calls. Keys sorted; output deterministic.
/// Throws (DbError, std::runtime_error) when the database cannot be read.
std::string export_callgraph_pycg(const std::filesystem::path& db);

}  // namespace ca
