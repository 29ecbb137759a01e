// Planning and rendering of `codeanatomy plan`; see plan_report.hpp.
#include "pipeline/plan_report.hpp"

#include <fmt/format.h>

#include "core/dot_text.hpp"
#include "pipeline/build_tasks.hpp"
#include "store/read_query.hpp"

namespace ca {
namespace {

std::string columns_text(const TableRead& r) {
  if (r.all_columns) return "*";
  if (r.columns.empty()) return "(no column: rows only)";
  return fmt::format("{}", fmt::join(r.columns, ", "));
}

std::map<std::string, LastRun> read_last_run(const std::filesystem::path& db) {
  std::map<std::string, LastRun> out;
  QueryResult r =
      run_read_only_query(db, "SELECT task, rows_out, wall_ms, fingerprint FROM run_tasks");
  for (size_t i = 0; i < r.row_count(); ++i) {
    if (!r.value(i, 0)) continue;
    LastRun& last = out[*r.value(i, 0)];
    last.rows_out += r.value(i, 1) ? std::stoll(*r.value(i, 1)) : 0;
    last.wall_ms += r.value(i, 2) ? std::stod(*r.value(i, 2)) : 0;
    last.fingerprint = r.value(i, 3).value_or("");
  }
  return out;
}

}  // namespace

BuildPlanReport plan_next_build(const std::optional<std::filesystem::path>& existing,
                                const std::optional<RerunDecision>& next_build,
                                const std::string& extraction_reuse) {
  BuildPlanReport report;
  Database db("", DbOpenOptions{});
  Connection con(db);
  create_native_tables(con);
  report.graph = plan_build(con, embedded_views());
  report.existing = existing;
  if (existing) report.last_run = read_last_run(*existing);
  for (const Task& t : report.graph.tasks()) {
    auto last = report.last_run.find(t.name);
    if (!existing)
      report.reruns[t.name] = {true, "no previous build"};
    else if (last == report.last_run.end())
      report.reruns[t.name] = {true, "not in the previous build"};
    else if (next_build && !next_build->rerun && t.name == "scan")
      report.reruns[t.name] = {true, "finds and reads the files to compare them"};
    else if (next_build && next_build->rerun && t.name == "extract_ts" && !extraction_reuse.empty())
      report.reruns[t.name] = {true, next_build->reason + "; " + extraction_reuse};
    else if (next_build)
      report.reruns[t.name] = *next_build;
    else
      report.reruns[t.name] = {true, "the repository was not compared"};
  }
  return report;
}

std::string plan_text(const BuildPlanReport& report) {
  const TaskGraph& g = report.graph;
  std::string out =
      fmt::format("{} tasks in {} generations\n", g.tasks().size(), g.generation_count());
  int generation = -1;
  for (const Task& t : g.tasks()) {
    if (t.generation != generation) {
      generation = t.generation;
      out += fmt::format("\ngeneration {}\n", generation);
    }
    out += fmt::format("  {} ({})\n", t.name, task_kind_name(t.kind));
    if (!t.description.empty()) out += fmt::format("    does:   {}\n", t.description);
    if (t.kind == TaskKind::View) {
      for (const auto& r : t.columns)
        out += fmt::format("    reads:  {}: {}\n", r.table, columns_text(r));
    } else if (!t.inputs.empty()) {
      out += fmt::format("    reads:  {}\n", fmt::join(t.inputs, ", "));
    }
    out += fmt::format("    writes: {}\n", fmt::join(t.outputs, ", "));
  }
  out += report.existing ? fmt::format("\nnext build over {}:\n", report.existing->string())
                         : std::string("\nnext build (no existing output):\n");
  std::map<std::string, std::vector<std::string>> by_reason;
  for (const Task& t : g.tasks()) {
    const RerunDecision& d = report.reruns.at(t.name);
    by_reason[d.rerun ? "rerun: " + d.reason : "skip: " + d.reason].push_back(t.name);
  }
  for (const auto& [reason, tasks] : by_reason)
    out += fmt::format("  {} ({} tasks): {}\n", reason, tasks.size(), fmt::join(tasks, ", "));
  return out;
}

nlohmann::ordered_json plan_json(const BuildPlanReport& report) {
  const TaskGraph& g = report.graph;
  nlohmann::ordered_json j;
  j["database"] = report.existing ? nlohmann::ordered_json(report.existing->string())
                                  : nlohmann::ordered_json(nullptr);
  j["generations"] = g.generation_count();
  j["tasks"] = nlohmann::ordered_json::array();
  for (size_t i = 0; i < g.tasks().size(); ++i) {
    const Task& t = g.tasks()[i];
    nlohmann::ordered_json task;
    task["name"] = t.name;
    task["kind"] = task_kind_name(t.kind);
    task["generation"] = t.generation;
    if (!t.description.empty()) task["description"] = t.description;
    task["inputs"] = t.inputs;
    if (t.kind == TaskKind::View) {
      nlohmann::ordered_json reads = nlohmann::ordered_json::array();
      for (const auto& r : t.columns)
        reads.push_back({{"table", r.table},
                         {"columns", r.all_columns ? std::vector<std::string>{"*"} : r.columns}});
      task["reads"] = std::move(reads);
      task["output_columns"] = t.output_columns;
    }
    task["outputs"] = t.outputs;
    std::vector<std::string> deps;
    for (size_t d : g.dependencies(i)) deps.push_back(g.tasks()[d].name);
    task["depends_on"] = deps;
    const RerunDecision& d = report.reruns.at(t.name);
    task["rerun"] = d.rerun;
    task["reason"] = d.reason;
    if (auto it = report.last_run.find(t.name); it != report.last_run.end())
      task["last_run"] = {{"rows_out", it->second.rows_out},
                          {"wall_ms", it->second.wall_ms},
                          {"fingerprint", it->second.fingerprint}};
    j["tasks"].push_back(std::move(task));
  }
  return j;
}

std::string plan_dot(const BuildPlanReport& report) {
  const TaskGraph& g = report.graph;
  std::string out =
      "digraph codeanatomy_plan {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", "
      "fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=8];\n";
  int generation = -1;
  for (const Task& t : g.tasks()) {
    if (t.generation != generation) {
      if (generation >= 0) out += "  }\n";
      generation = t.generation;
      out += fmt::format("  subgraph gen{} {{\n    rank=same;\n", generation);
    }
    const char* shape = t.kind == TaskKind::View      ? "box, style=rounded"
                        : t.kind == TaskKind::Extract ? "box3d"
                                                      : "box";
    out += fmt::format(
        "    {} [shape={}, label={}];\n", dot_quote(t.name), shape,
        dot_quote(fmt::format("{}\n{} · gen {}", t.name, task_kind_name(t.kind), t.generation)));
  }
  if (generation >= 0) out += "  }\n";
  for (size_t i = 0; i < g.tasks().size(); ++i) {
    const Task& t = g.tasks()[i];
    for (const auto& input : t.inputs) {
      int p = g.producer(input);
      if (p < 0) continue;
      const Task& from = g.tasks()[static_cast<size_t>(p)];
      // A table with the name of its writer needs no label (views, load_<table>).
      bool obvious = input == from.name || from.name == "load_" + input;
      out += fmt::format("  {} -> {}{};\n", dot_quote(from.name), dot_quote(t.name),
                         obvious ? "" : fmt::format(" [label={}]", dot_quote(input)));
    }
  }
  return out + "}\n";
}

}  // namespace ca
