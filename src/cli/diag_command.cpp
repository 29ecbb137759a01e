// `codeanatomy diag`: integrity checks of a built graph.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/commands.hpp"
#include "diag/graph_checks.hpp"
#include "store/read_query.hpp"

namespace ca::cli {

int run_diag(const DiagCommand& command, const GlobalOptions& global) {
  std::vector<CheckViolation> violations;
  int64_t not_rechecked = 0;
  try {
    violations = check_graph(locate_database(command.target), &not_rechecked);
  } catch (const std::exception& e) {
    spdlog::error("diag failed: {}", e.what());
    return kExitNoGraph;
  }
  for (const auto& v : violations) {
    std::cout << fmt::format("{}: {} violation(s)\n", v.check, v.count);
    for (const auto& example : v.examples) std::cout << "  " << example << "\n";
  }
  if (!global.quiet) {
    if (violations.empty()) std::cout << "graph is consistent\n";
    if (not_rechecked > 0)
      std::cout << fmt::format("({} changed or missing files: positions not rechecked)\n",
                               not_rechecked);
  }
  return violations.empty() ? kExitOk : kExitNoGraph;
}

}  // namespace ca::cli
