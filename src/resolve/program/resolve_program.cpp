// Placeholder, replaced by the whole-program resolver.
#include "resolve/program/resolve_program.hpp"

namespace ca {

ProgramFacts resolve_program(const std::vector<ProgramFile>&, const std::vector<RepoPackageRow>&,
                             const ResolveOptions&) {
  return {};
}

}  // namespace ca
