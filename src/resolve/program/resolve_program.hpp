// The whole-program resolver: modules and imports, names across files and builtins,
// classes (bases, C3 MRO, overriding, attributes), and the call graph by propagating what
// each name, attribute, parameter, return value and container element may hold until a
// fixpoint.
#pragma once

#include <memory>
#include <vector>

#include "extract/facts.hpp"

namespace ca {

/// One file as the resolver sees it.
struct ProgramFile {
  const RepoFileRow* file = nullptr;
  const FileFacts* facts = nullptr;  ///< ts_* rows, res_bindings/res_name_refs and the IR
};

struct ResolveOptions {
  int jobs = 0;  ///< worker threads for the parallel parts (0 = all cores)
  /// Upper bound on fixpoint passes over the queued work units (the first pass evaluates
  /// every unit); the resolver stops earlier when nothing is queued and reports a
  /// diagnostic when it hits the bound.
  int max_rounds = 64;
};

/// The resolver's working state: the program index and the points-to sets. Freeing it
/// takes a while on a large program, so a caller may take it and free it elsewhere.
struct ResolverState;
struct ResolverStateDeleter {
  void operator()(ResolverState* state) const;
};
using ResolverStateHolder = std::unique_ptr<ResolverState, ResolverStateDeleter>;

/// Resolves the whole program. Deterministic: the same input gives the same rows in the
/// same order at any `jobs`. Never throws for odd input (unresolvable things become
/// EXTERNAL nodes, "unresolved" rows or diagnostics). With `working_state`, the state is
/// moved there instead of freed before returning (it only points into `files`' facts, and
/// freeing it does not read them).
ProgramFacts resolve_program(const std::vector<ProgramFile>& files,
                             const std::vector<RepoPackageRow>& packages,
                             const ResolveOptions& options,
                             ResolverStateHolder* working_state = nullptr);

}  // namespace ca
