// The whole-program resolver's entry point: index the program, run the points-to fixpoint,
// emit the res_* rows. Single-threaded by design (the fixpoint is sequential and the
// output must not depend on `jobs`); it is a small fraction of extraction time.
#include "resolve/program/resolve_program.hpp"

#include "resolve/program/emit.hpp"
#include "resolve/program/engine.hpp"
#include "resolve/program/import_resolver.hpp"
#include "resolve/program/program_index.hpp"

namespace ca {

ProgramFacts resolve_program(const std::vector<ProgramFile>& files,
                             const std::vector<RepoPackageRow>& packages,
                             const ResolveOptions& options) {
  program::ProgramIndex index(files, packages);
  program::Engine engine(index);
  bool converged = false;
  engine.run(options.max_rounds, converged);
  program::ImportResolver imports(index);
  ProgramFacts out;
  program::emit_program_facts(engine, imports, converged, options.max_rounds, out);
  return out;
}

}  // namespace ca
