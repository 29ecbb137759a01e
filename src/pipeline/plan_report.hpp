// What `codeanatomy plan` shows: the build's task DAG, its generations, each task's inferred
// inputs (tables and columns), and which tasks the next build would rerun and why.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/task_graph.hpp"

namespace ca {

/// Whether the next build reruns a task, and why.
struct RerunDecision {
  bool rerun = true;
  std::string reason;
};

/// A task's figures from the previous build's run_tasks.
struct LastRun {
  int64_t rows_out = 0;
  double wall_ms = 0;
  std::string fingerprint;  ///< empty for an output built before fingerprints
};

/// The plan of the next build over an output that may already exist.
struct BuildPlanReport {
  TaskGraph graph;
  std::optional<std::filesystem::path> existing;  ///< the current cpg.duckdb, if any
  std::map<std::string, RerunDecision> reruns;    ///< by task
  std::map<std::string, LastRun> last_run;        ///< by task, from the existing output
};

/// The DAG of a build (planned on an in-memory schema, the same code as the build) and,
/// for an existing output, what the next build reruns. Rebuilds are all or nothing:
/// `next_build` says whether the next build's inputs differ from the published graph's
/// (pipeline/build_inputs.hpp) and why; when they do not, no task reruns (the graph is
/// kept). Without it (no repository to compare with) every task is said to rerun.
/// Throws TaskGraphError / ViewError / DbError.
/// `extraction_reuse`, when the next build reruns: how much of extraction it takes from the
/// extraction cache (added to extract_ts's reason).
BuildPlanReport plan_next_build(const std::optional<std::filesystem::path>& existing,
                                const std::optional<RerunDecision>& next_build = std::nullopt,
                                const std::string& extraction_reuse = "");

/// Text: the generations with each task's inputs, columns and outputs, then the reruns.
std::string plan_text(const BuildPlanReport& report);
/// JSON: {"database", "generations", "tasks": [{name, kind, generation, inputs, reads,
/// outputs, output_columns, depends_on, rerun, reason, ...}]}.
nlohmann::ordered_json plan_json(const BuildPlanReport& report);
/// Graphviz: one node per task (shape by kind), one edge per table handed on, tasks of a
/// generation on one rank.
std::string plan_dot(const BuildPlanReport& report);

}  // namespace ca
