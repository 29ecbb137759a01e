// Static import resolution: what each IMPORT binds, following `from m import x` through
// re-exports (imports in the target module, star imports) to the original definitions.
// Independent of the points-to engine: it answers res_imports and the "import" /
// "star_import" rows of res_refs from the ts_* rows and res_bindings alone.
#pragma once

#include <string>
#include <vector>

#include "resolve/program/program_index.hpp"

namespace ca::program {

/// What an import or an imported name resolves to.
struct ImportTarget {
  std::optional<NodeId> module_target;         ///< MODULE/PACKAGE node of the module imported
  std::optional<std::string> module_external;  ///< or its external dotted name
  std::vector<NodeId> defs;                    ///< definitions the bound name holds
  std::vector<std::string> externals;          ///< external qualnames it holds
  const char* resolution = "unresolved";       ///< module, submodule, symbol, reexport, star,
                                               ///< external, unresolved
};

class ImportResolver {
 public:
  explicit ImportResolver(const ProgramIndex& index) : ix_(index) {}

  /// Resolves one ts_imports row of file `file`.
  ImportTarget resolve(const ImportRow& row, uint32_t file) const;
  /// What module-level name `name` of `module` holds, following imports and star imports
  /// (cycles cut). Empty defs/externals when the module does not define it.
  ImportTarget lookup(const ModuleInfo& module, const std::string& name) const;

 private:
  void lookup_rec(const ModuleInfo& module, const std::string& name, ImportTarget& out,
                  std::vector<std::pair<NodeId, std::string>>& visiting) const;
  void resolve_rec(const ImportRow& row, uint32_t file, ImportTarget& out,
                   std::vector<std::pair<NodeId, std::string>>& visiting) const;
  const ProgramIndex& ix_;
};

}  // namespace ca::program
