// The whole-program resolver's entry point: index the program, run the points-to fixpoint,
// emit the res_* rows. The fixpoint runs on one thread (its result depends on the order
// units are evaluated in, so that order is fixed); the emission uses up to two.
#include "resolve/program/resolve_program.hpp"

#include "resolve/program/emit.hpp"
#include "resolve/program/engine.hpp"
#include "resolve/program/import_resolver.hpp"
#include "resolve/program/program_index.hpp"

namespace ca {

struct ResolverState {
  ResolverState(const std::vector<ProgramFile>& files, const std::vector<RepoPackageRow>& packages)
      : index(files, packages), engine(index), imports(index) {}
  program::ProgramIndex index;
  program::Engine engine;
  program::ImportResolver imports;
};

void ResolverStateDeleter::operator()(ResolverState* state) const {
  delete state;
}

ProgramFacts resolve_program(const std::vector<ProgramFile>& files,
                             const std::vector<RepoPackageRow>& packages,
                             const ResolveOptions& options, ResolverStateHolder* working_state) {
  ResolverStateHolder state(new ResolverState(files, packages));
  bool converged = false;
  state->engine.run(options.max_rounds, converged);
  // The points-to sets are the largest part of the state and emission does not read them:
  // freed before emission allocates the rows, the build's memory peaks lower.
  state->engine.release_fixpoint();
  ProgramFacts out;
  program::emit_program_facts(state->engine, state->imports, converged, options.max_rounds,
                              options.jobs, out);
  if (working_state != nullptr) *working_state = std::move(state);
  return out;
}

}  // namespace ca
