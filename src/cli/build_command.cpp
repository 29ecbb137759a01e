// `codeanatomy build`: runs the pipeline and prints its summary.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "pipeline/build.hpp"

namespace ca::cli {

int run_build(const BuildCommand& command, const GlobalOptions& global) {
  BuildOptions options;
  options.repo = command.repo;
  options.output_dir = command.output_dir;
  options.jobs = command.jobs;
  options.max_file_size = command.max_file_size;
  options.parse_timeout_ms = command.parse_timeout_ms;
  options.wait_for_lock = command.wait;
  options.root_may_be_package = !command.no_root_package;
  if (command.stop_after == "parse") options.stop_after = StopAfter::Parse;
  if (command.stop_after == "extract") options.stop_after = StopAfter::Extract;
  BuildObserver observer;
  observer.info = [](const std::string& message) { spdlog::info("{}", message); };
  BuildSummary summary;
  try {
    summary = build_graph(options, observer);
  } catch (const std::exception& e) {
    spdlog::error("build failed: {}", e.what());
    return kExitNoGraph;
  }
  if (command.json) {
    nlohmann::ordered_json j;
    j["database"] = summary.database.string();
    j["files"] = summary.files;
    j["files_by_status"] = summary.files_by_status;
    j["diagnostics"] = summary.diagnostics;
    j["table_rows"] = summary.table_rows;
    j["wall_ms"] = summary.wall_ms;
    j["stage_ms"] = summary.stage_ms;
    std::cout << j.dump(2) << "\n";
    return kExitOk;
  }
  if (global.quiet) return kExitOk;
  std::string stages;
  for (const auto& [stage, ms] : summary.stage_ms)
    stages += fmt::format("{}{} {:.0f} ms", stages.empty() ? "" : ", ", stage, ms);
  if (options.stop_after != StopAfter::All) {
    std::cout << fmt::format("stopped after {}: {} files in {:.2f} s ({})\n", command.stop_after,
                             summary.files, summary.wall_ms / 1000, stages);
    return kExitOk;
  }
  std::string statuses;
  for (const auto& [status, n] : summary.files_by_status)
    statuses += fmt::format("{}{} {}", statuses.empty() ? "" : ", ", n, status);
  std::cout << fmt::format("built {} in {:.2f} s\n", summary.database.string(),
                           summary.wall_ms / 1000);
  std::cout << fmt::format("  files: {} ({})\n", summary.files,
                           statuses.empty() ? "none" : statuses);
  std::cout << fmt::format("  nodes: {}  edges: {}  props: {}  diagnostics: {}\n",
                           summary.table_rows["cpg_nodes"], summary.table_rows["cpg_edges"],
                           summary.table_rows["cpg_props"], summary.diagnostics);
  std::cout << fmt::format("  stages: {}\n", stages);
  return kExitOk;
}

}  // namespace ca::cli
