// `codeanatomy build`: runs the pipeline and prints its summary.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "pipeline/build.hpp"

namespace ca::cli {
namespace {

struct BuildCommand {
  std::string repo;
  std::string output_dir;
  int jobs = 0;
  int64_t max_file_size = 10 * 1024 * 1024;
  int64_t parse_timeout_ms = 10000;
  bool json = false;
  std::string stop_after;  ///< "", "parse" or "extract"
  bool wait = false;
  bool no_root_package = false;
};

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

}  // namespace

RegisteredCommand add_build_command(CLI::App& app, GlobalOptions& global) {
  auto build = std::make_shared<BuildCommand>();
  CLI::App* cmd = app.add_subcommand("build", "Index a repository into DIR/cpg.duckdb");
  cmd->add_option("REPO", build->repo, "Repository or directory to index")->required();
  cmd->add_option("-o,--output", build->output_dir,
                  "Output directory for cpg.duckdb (default: REPO/.codeanatomy)");
  cmd->add_option("-j,--jobs", build->jobs, "Worker threads (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-file-size", build->max_file_size,
                  "Files larger than this many bytes get status too_large (default 10 MiB)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--parse-timeout-ms", build->parse_timeout_ms,
                  "Per-file parse time budget in milliseconds, 0 = none (default 10000)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--stop-after", build->stop_after,
                  "Stop after a stage and print its timings, writing nothing: parse (the "
                  "parse floor) or extract")
      ->check(CLI::IsMember({"parse", "extract"}));
  cmd->add_flag("--no-root-package", build->no_root_package,
                "Name modules relative to REPO even when REPO holds __init__.py (REPO is "
                "a directory of scripts rather than a package)");
  cmd->add_flag("--wait", build->wait,
                "If another build is writing the same output, wait for it instead of "
                "failing at once");
  cmd->add_flag("--json", build->json, "Print the summary as JSON on stdout");
  add_verbosity_flags(*cmd, global);
  return {cmd, [build, &global] { return run_build(*build, global); }};
}

}  // namespace ca::cli
