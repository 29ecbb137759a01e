// `codeanatomy build`: runs the pipeline and prints its summary.
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli/commands.hpp"
#include "cli/config_options.hpp"
#include "cli/progress.hpp"
#include "pipeline/build.hpp"

namespace ca::cli {
namespace {

struct BuildCommand {
  std::string repo;
  ConfigOptions config;
  bool json = false;
  std::string stop_after;  ///< "", "parse" or "extract"
  bool wait = false;
  bool no_root_package = false;
  std::string trace;       ///< --trace FILE: Chrome/Perfetto trace of the build's tasks
  std::string scip_index;  ///< --scip-index FILE: the scip layer reads it
  bool full = false;       ///< --full: rebuild even when nothing changed
};

int run_build(const BuildCommand& command, const GlobalOptions& global) {
  ResolvedConfig config;
  try {
    config = resolve_logged(command.repo, command.config);
  } catch (const ConfigError& e) {
    spdlog::error("{}", e.what());
    return kExitUsage;
  }
  BuildOptions options = build_options_for(command.repo, config);
  options.wait_for_lock = command.wait;
  options.root_may_be_package = !command.no_root_package;
  options.trace_path = command.trace;
  options.full = command.full;
  if (!command.scip_index.empty()) {
    options.scip_index = command.scip_index;
    if (std::find(options.layers.begin(), options.layers.end(), "scip") == options.layers.end())
      options.layers.push_back("scip");
  }
  if (command.stop_after == "parse") options.stop_after = StopAfter::Parse;
  if (command.stop_after == "extract") options.stop_after = StopAfter::Extract;
  if (command.stop_after == "resolve") options.stop_after = StopAfter::Resolve;
  if (command.stop_after == "views") options.stop_after = StopAfter::Views;
  BuildObserver observer;
  std::optional<ProgressDisplay> display;
  if (progress_wanted(global.quiet)) {
    display.emplace(STDERR_FILENO, stderr_color());
    display->attach(observer);
  }
  // A message logged at `level`, around the progress display when there is one.
  auto logger = [&display](spdlog::level::level_enum level) {
    return [&display, level](const std::string& message) {
      if (!spdlog::should_log(level)) return;
      auto log = [&] { spdlog::log(level, "{}", message); };
      if (display)
        display->around_log(log);
      else
        log();
    };
  };
  observer.info = logger(spdlog::level::info);
  observer.warn = logger(spdlog::level::warn);
  BuildSummary summary;
  try {
    summary = build_graph(options, observer);
  } catch (const std::exception& e) {
    if (display) display->stop();
    spdlog::error("build failed: {}", e.what());
    return kExitNoGraph;
  }
  if (display) display->stop();
  if (command.json) {
    nlohmann::ordered_json j;
    j["database"] = summary.database.string();
    j["files"] = summary.files;
    j["files_by_status"] = summary.files_by_status;
    j["files_from_cache"] = summary.files_from_cache;
    j["diagnostics"] = summary.diagnostics;
    j["table_rows"] = summary.table_rows;
    j["wall_ms"] = summary.wall_ms;
    j["stage_ms"] = summary.stage_ms;
    j["kept_unchanged"] = summary.kept_unchanged;
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
  if (summary.kept_unchanged)
    std::cout << fmt::format(
        "kept {} in {:.2f} s: nothing changed since it was built (--full "
        "rebuilds it)\n",
        summary.database.string(), summary.wall_ms / 1000);
  else
    std::cout << fmt::format("built {} in {:.2f} s\n", summary.database.string(),
                             summary.wall_ms / 1000);
  std::cout << fmt::format(
      "  files: {} ({}){}\n", summary.files, statuses.empty() ? "none" : statuses,
      summary.files_from_cache > 0
          ? fmt::format("; {} from the extraction cache", summary.files_from_cache)
          : "");
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
  cmd->footer(std::string(kConfigHelpFooter) +
              "\n\nOn a terminal, each stage's progress is shown on stderr (not with -q, "
              "nothing when stderr is not a terminal); NO_COLOR turns colours off.");
  cmd->add_option("REPO", build->repo, "Repository or directory to index")->required();
  add_config_options(*cmd, build->config);
  cmd->add_option("--stop-after", build->stop_after,
                  "Stop after a stage and print its timings, writing nothing: parse (the "
                  "parse floor), extract, resolve, or views (everything but publishing: "
                  "the graph is built in a scratch file that is then removed)")
      ->check(CLI::IsMember({"parse", "extract", "resolve", "views"}));
  cmd->add_flag("--no-root-package", build->no_root_package,
                "Name modules relative to REPO even when REPO holds __init__.py (REPO is "
                "a directory of scripts rather than a package)");
  cmd->add_flag("--wait", build->wait,
                "If another build is writing the same output, wait for it instead of "
                "failing at once");
  cmd->add_option("--scip-index", build->scip_index,
                  "Read this SCIP index (e.g. scip-python's index.scip) as the scip evidence "
                  "layer (implies --layers ...,scip). With layer scip and no index, the build "
                  "runs scip-python on REPO beside its other work (offline, empty environment; "
                  "CODEANATOMY_SCIP_PYTHON names another indexer run as `INDEXER REPO OUT "
                  "NAME`) and keeps OUTPUT/scip-python.scip and its log");
  cmd->add_flag("--full", build->full,
                "Rebuild everything. Without it a build whose inputs (the program, the options "
                "shaping the graph, every file's path, module and content) equal those of the "
                "published graph keeps that graph and records a run of cache hits");
  cmd->add_flag("--json", build->json, "Print the summary as JSON on stdout");
  cmd->add_option("--trace", build->trace,
                  "Write a Chrome/Perfetto trace (JSON) of the build's tasks to FILE");
  add_verbosity_flags(*cmd, global);
  return {cmd, [build, &global] { return run_build(*build, global); }};
}

}  // namespace ca::cli
