// Output emission: turns the index, the static import resolution and the engine's fixpoint
// into the sorted res_* rows of ProgramFacts.
#pragma once

#include "resolve/program/engine.hpp"
#include "resolve/program/import_resolver.hpp"

namespace ca::program {

/// Fills `out` (externals, imports, refs, inherits, mro, overrides, calls, diagnostics),
/// on up to `jobs` threads (0 = all cores). Rows are sorted: same input, same rows in the
/// same order, at any `jobs`.
void emit_program_facts(Engine& engine, const ImportResolver& imports, bool converged,
                        int max_rounds, int jobs, ProgramFacts& out);

}  // namespace ca::program
