// `codeanatomy diag`: integrity checks of a built graph.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "diag/evidence_report.hpp"
#include "diag/graph_checks.hpp"
#include "store/read_query.hpp"

namespace ca::cli {
namespace {

struct DiagCommand {
  std::string target;
  bool evidence = false;
};

int run_evidence_report(const DiagCommand& command) {
  try {
    std::cout << format_evidence_report(evidence_report(locate_database(command.target)));
  } catch (const std::exception& e) {
    spdlog::error("diag --evidence failed: {}", e.what());
    return kExitNoGraph;
  }
  return kExitOk;
}

int run_diag(const DiagCommand& command, const GlobalOptions& global) {
  if (command.evidence) return run_evidence_report(command);
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

}  // namespace

RegisteredCommand add_diag_command(CLI::App& app, GlobalOptions& global) {
  auto diag = std::make_shared<DiagCommand>();
  CLI::App* cmd = app.add_subcommand(
      "diag", "Check a built graph: table contracts, ids, edges, spans, kinds, orphan rows");
  cmd->add_option("DIR_OR_DB", diag->target, kGraphLocationHelp)->required();
  cmd->add_flag("--evidence", diag->evidence,
                "Instead of the checks, report how far the evidence layers agree: nodes and "
                "edges confirmed or contradicted per kind and layer, scope classification "
                "against CPython's symtable, REFERS_TO targets against SCIP's, and each class "
                "of conflict (table evidence_conflicts) with examples");
  add_verbosity_flags(*cmd, global);
  return {cmd, [diag, &global] { return run_diag(*diag, global); }};
}

}  // namespace ca::cli
