// `codeanatomy plan`: the task DAG of a build, each task's inferred inputs, and what the next
// build over an existing output would rerun.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "cli/config_options.hpp"
#include "pipeline/build_inputs.hpp"
#include "pipeline/extract_cache.hpp"
#include "pipeline/plan_report.hpp"
#include "store/read_query.hpp"

namespace ca::cli {
namespace {

struct PlanCommand {
  std::string target;
  std::string format = "text";
  ConfigOptions config;
};

/// Whether the next build over the published graph at `db` would redo it, and why: the
/// repository it records is scanned and read with the options the configuration (and the
/// command line) give, as `build` would. When it would, `extraction_reuse` says how many
/// files' facts the extraction cache beside `db` holds.
RerunDecision next_build_decision(const std::filesystem::path& db, const PlanCommand& command,
                                  std::string& extraction_reuse) {
  const RecordedInputs recorded = read_recorded_inputs(db);
  auto root = recorded.run_info.find("repo_root");
  if (root == recorded.run_info.end() || !std::filesystem::is_directory(root->second))
    return {true, "the repository the graph was built from is not there to compare with"};
  BuildOptions options =
      build_options_for(root->second, resolve_logged(root->second, command.config));
  const ScanResult scan = scan_repository(options.repo, scan_options_for(options));
  const BuildInputs now = digest_build_inputs(options, scan, options.jobs);
  auto why = why_inputs_differ(now, recorded.run_info, recorded.files);
  if (!why) return {false, "inputs unchanged: the published graph is kept (a cache hit)"};
  const ExtractCache cache = ExtractCache::read(
      db.parent_path() / kExtractCacheFile,
      extract_cache_identity(now.program, options.max_file_size, options.parse_timeout_ms));
  size_t cached = 0;
  for (const ScannedFile& f : scan.files)
    if (auto hash = now.content.find(f.path); hash != now.content.end())
      cached += cache.find(ExtractCache::key(f, hash->second)).encoded ? 1 : 0;
  extraction_reuse =
      fmt::format("{} of {} files' facts from the extraction cache", cached, scan.files.size());
  return {true, *why};
}

/// The graph the next build would replace: the target itself when it is a graph or an
/// output directory; for a repository, the output directory its configuration names
/// (codeanatomy.toml, CODEANATOMY_OUTPUT, -o; by default REPO/.codeanatomy). None before a
/// first build.
std::optional<std::filesystem::path> existing_graph(const PlanCommand& command) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path target(command.target);
  if (fs::is_regular_file(target, ec) || fs::is_regular_file(target / "cpg.duckdb", ec))
    return locate_database(target);
  const fs::path configured =
      resolve_logged(command.target, command.config).output.value / "cpg.duckdb";
  if (fs::is_regular_file(configured, ec)) return configured;
  return std::nullopt;
}

int run_plan(const PlanCommand& command) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(command.target, ec)) {
    spdlog::error("{} does not exist: give a repository or the output directory of a build",
                  command.target);
    return kExitUsage;
  }
  BuildPlanReport report;
  try {
    const std::optional<fs::path> existing = existing_graph(command);
    std::optional<RerunDecision> next;
    std::string extraction_reuse;
    if (existing) next = next_build_decision(*existing, command, extraction_reuse);
    report = plan_next_build(existing, next, extraction_reuse);
  } catch (const std::exception& e) {
    spdlog::error("cannot plan the build: {}", e.what());
    return kExitNoGraph;
  }
  if (command.format == "json")
    std::cout << plan_json(report).dump(2) << "\n";
  else if (command.format == "dot")
    std::cout << plan_dot(report);
  else
    std::cout << plan_text(report);
  return kExitOk;
}

}  // namespace

RegisteredCommand add_plan_command(CLI::App& app, GlobalOptions& global) {
  auto plan = std::make_shared<PlanCommand>();
  CLI::App* cmd = app.add_subcommand(
      "plan", "Show the build's task DAG, each task's inferred inputs, and what would rerun");
  cmd->add_option("DIR_OR_REPO", plan->target,
                  "A repository, or the output directory of a build (or its cpg.duckdb)")
      ->required();
  cmd->add_option("--format", plan->format, "Output format: text, json or dot (Graphviz)")
      ->check(CLI::IsMember({"text", "json", "dot"}));
  add_config_options(*cmd, plan->config);
  cmd->footer(
      "For an existing output, the repository it was built from is compared with the graph: "
      "give the configuration options the build was given (codeanatomy.toml and "
      "CODEANATOMY_* are read as build reads them).");
  add_verbosity_flags(*cmd, global);
  return {cmd, [plan] { return run_plan(*plan); }};
}

}  // namespace ca::cli
