// The evidence layers of DESIGN.md §1: the one list of their names, and which of them a
// build can run today.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ca {

struct EvidenceLayer {
  std::string_view name;
  bool implemented;  ///< false: planned, accepted by no build yet
  std::string_view description;
};

inline constexpr std::array<EvidenceLayer, 3> kEvidenceLayers = {{
    {"ts", true, "tree-sitter syntax facts (always on)"},
    {"cpython", true, "CPython 3.11's ast, symtable and bytecode, in worker processes"},
    {"scip", true, "a SCIP index (--scip-index, or scip-python run on the repository)"},
}};

/// The names of the implemented (or of the planned) layers, comma-separated: "ts".
inline std::string layer_names(bool implemented) {
  std::string out;
  for (const EvidenceLayer& layer : kEvidenceLayers)
    if (layer.implemented == implemented)
      out += (out.empty() ? "" : ", ") + std::string(layer.name);
  return out;
}

/// Why `layers` cannot be built (unknown or unimplemented names, no "ts"), or nullopt when
/// it can. The message names what is available.
inline std::optional<std::string> layers_error(const std::vector<std::string>& layers) {
  for (const std::string& name : layers) {
    const EvidenceLayer* found = nullptr;
    for (const EvidenceLayer& layer : kEvidenceLayers)
      if (layer.name == name) found = &layer;
    if (!found) {
      const std::string planned = layer_names(false);
      return "unknown layer '" + name + "'; available: " + layer_names(true) +
             (planned.empty() ? "" : " (planned: " + planned + ")");
    }
    if (!found->implemented)
      return "layer '" + name + "' is not implemented yet; available: " + layer_names(true);
  }
  bool has_ts = false;
  for (const std::string& name : layers) has_ts = has_ts || name == "ts";
  if (!has_ts) return "the layer list must contain 'ts', which every build runs";
  return std::nullopt;
}

}  // namespace ca
