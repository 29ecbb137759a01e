// The native tasks of a build and the planning of the whole DAG; see build_tasks.hpp.
#include "pipeline/build_tasks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "evidence/cpython/cpython_facts.hpp"
#include "evidence/scip/scip_facts.hpp"
#include "resolve/program/resolve_program.hpp"
#include "semantic/view_lineage.hpp"
#include "store/schema.hpp"

namespace ca {
namespace {

// In-memory results passed between native tasks.
constexpr const char* kScanned = "mem:scanned_files";
constexpr const char* kSyntaxFacts = "mem:ts_facts";
constexpr const char* kLocalBindings = "mem:local_bindings";
constexpr const char* kProgram = "mem:program";
constexpr const char* kCpythonFacts = "mem:cpython_facts";
constexpr const char* kScipFacts = "mem:scip_facts";
constexpr const char* kSyntaxCheckpoint = "mem:syntax_checkpoint";

Task native(std::string name, TaskKind kind, std::string description,
            std::vector<std::string> inputs, std::vector<std::string> outputs) {
  Task t;
  t.name = std::move(name);
  t.kind = kind;
  t.description = std::move(description);
  t.inputs = std::move(inputs);
  t.outputs = std::move(outputs);
  return t;
}

/// What a per-file fact table is loaded from: the binder's tables come from bind_local,
/// diagnostics from every stage, the rest from the syntax extraction.
std::vector<std::string> fact_table_sources(std::string_view table) {
  if (table == "res_bindings" || table == "res_name_refs") return {kLocalBindings};
  if (table == "diagnostics") return {kScanned, kSyntaxFacts, kCpythonFacts, kScipFacts, kProgram};
  return {kSyntaxFacts};
}

}  // namespace

void create_native_tables(Connection& con, const TablePlacement& placement) {
  con.execute(create_table_sql<RepoFileRow>(placement.create_name("repo_files")));
  con.execute(create_table_sql<RepoPackageRow>(placement.create_name("repo_packages")));
  con.execute(create_table_sql<KindRow>(placement.create_name("cpg_node_kinds")));
  con.execute(create_table_sql<KindRow>(placement.create_name("cpg_edge_kinds")));
  con.execute(create_table_sql<RunTaskRow>(placement.create_name("run_tasks")));
  con.execute(create_table_sql<RunInfoRow>(placement.create_name("run_info")));
  FileFacts no_facts;
  for_each_fact_table(no_facts, [&](std::string_view name, auto& rows) {
    using Row = typename std::decay_t<decltype(rows)>::value_type;
    con.execute(create_table_sql<Row>(placement.create_name(name)));
  });
  ProgramFacts no_program;
  for_each_program_table(no_program, [&](std::string_view name, auto& rows) {
    using Row = typename std::decay_t<decltype(rows)>::value_type;
    con.execute(create_table_sql<Row>(placement.create_name(name)));
  });
  // The cpython layer's tables exist in every graph, empty unless --layers has cpython.
  CpythonFacts no_cpython;
  for_each_cpython_table(no_cpython, [&](std::string_view name, auto& rows) {
    using Row = typename std::decay_t<decltype(rows)>::value_type;
    con.execute(create_table_sql<Row>(placement.create_name(name)));
  });
  // The scip layer's tables exist in every graph too.
  ScipFacts no_scip;
  for_each_scip_table(no_scip, [&](std::string_view name, auto& rows) {
    using Row = typename std::decay_t<decltype(rows)>::value_type;
    con.execute(create_table_sql<Row>(placement.create_name(name)));
  });
}

std::vector<Task> native_tasks() {
  std::vector<Task> tasks;
  tasks.push_back(native("scan", TaskKind::Native,
                         "walk the repository as git sees it: Python files, packages, modules", {},
                         {kScanned}));
  tasks.push_back(native("extract_ts", TaskKind::Extract,
                         "read, decode and parse each file with tree-sitter into syntax facts "
                         "(one job per file on the worker pool)",
                         {kScanned}, {kSyntaxFacts}));
  tasks.push_back(native("extract_cpython", TaskKind::Extract,
                         "run CPython 3.11's ast, symtable and dis over each decoded file in "
                         "worker processes (layer cpython; nothing without it)",
                         {kSyntaxFacts}, {kCpythonFacts}));
  tasks.push_back(native("extract_scip", TaskKind::Extract,
                         "read a SCIP index (--scip-index, or scip-python run on the repository "
                         "beside scan and extraction) against the decoded files (layer scip; "
                         "nothing without it)",
                         {kSyntaxFacts}, {kScipFacts}));
  tasks.push_back(native("bind_local", TaskKind::Native,
                         "bind names within each file by Python's scoping rules (in the "
                         "per-file job, after extraction)",
                         {kSyntaxFacts}, {kLocalBindings}));
  tasks.push_back(native("resolve", TaskKind::Native,
                         "whole-program resolution: imports, hierarchy and MRO, call graph",
                         {kScanned, kSyntaxFacts, kLocalBindings}, {kProgram}));
  auto load = [&](std::string table, std::vector<std::string> from) {
    tasks.push_back(native("load_" + table, TaskKind::Native,
                           fmt::format("bulk-load table {} from memory", table), std::move(from),
                           {table}));
  };
  load("repo_files", {kScanned, kSyntaxFacts});
  load("repo_packages", {kScanned});
  load("cpg_node_kinds", {});
  load("cpg_edge_kinds", {});
  FileFacts no_facts;
  for_each_fact_table(no_facts, [&](std::string_view name, auto&) {
    load(std::string(name), fact_table_sources(name));
  });
  ProgramFacts no_program;
  for_each_program_table(
      no_program, [&](std::string_view name, auto&) { load(std::string(name), {kProgram}); });
  CpythonFacts no_cpython;
  for_each_cpython_table(
      no_cpython, [&](std::string_view name, auto&) { load(std::string(name), {kCpythonFacts}); });
  ScipFacts no_scip;
  for_each_scip_table(no_scip,
                      [&](std::string_view name, auto&) { load(std::string(name), {kScipFacts}); });
  // The per-file tables loaded before the resolver is done (diagnostics wait for its own).
  std::vector<std::string> syntax_tables{"repo_files", "repo_packages"};
  for_each_fact_table(no_facts, [&](std::string_view name, auto&) {
    const auto from = fact_table_sources(name);
    if (std::find(from.begin(), from.end(), kProgram) == from.end())
      syntax_tables.emplace_back(name);
  });
  tasks.push_back(native("checkpoint_syntax", TaskKind::Native,
                         "write what is loaded into the database file (with --keep-evidence, the "
                         "syntax layer's tables) to disk while the resolver runs (what the final "
                         "checkpoint would otherwise write)",
                         std::move(syntax_tables), {kSyntaxCheckpoint}));
  return tasks;
}

TaskGraph plan_build(Connection& con, const std::vector<ViewSource>& views) {
  std::vector<Task> tasks = native_tasks();
  std::vector<std::string> tables;  // every DuckDB table a task writes: publish reads them
  for (const auto& t : tasks)
    for (const auto& o : t.outputs)
      if (!is_memory_artifact(o)) tables.push_back(o);
  for (const auto& v : views) {
    Task t;
    t.name = v.name;
    t.kind = TaskKind::View;
    t.sql = v.sql;
    t.inputs = infer_view_inputs(con, v);
    t.outputs = {v.name};
    tasks.push_back(std::move(t));
    tables.push_back(v.name);
  }
  // publish also waits for the early checkpoint (a checkpoint of its own must not overlap it).
  tables.push_back(kSyntaxCheckpoint);
  tasks.push_back(native("publish", TaskKind::Native,
                         "write the run log, checkpoint and rename the database into place", tables,
                         {"run_tasks", "run_info"}));
  // Table-level validation and order first; then the columns, each view against the
  // catalog and the columns of the views before it.
  TaskGraph graph(std::move(tasks));
  TableColumns catalog = catalog_columns(con);
  std::vector<Task> planned = graph.tasks();
  for (auto& t : planned) {
    if (t.kind != TaskKind::View) continue;
    ViewLineage lineage = infer_view_lineage(con, ViewSource{t.name, t.sql}, catalog);
    t.columns = std::move(lineage.inputs);
    t.output_columns = lineage.output_columns;
    catalog[t.name] = std::move(lineage.output_columns);
  }
  for (const auto& t : planned)
    for (const auto& o : t.outputs)
      if (!is_memory_artifact(o) && !catalog.count(o))
        throw TaskGraphError(
            fmt::format("task {} writes {}, which the schema does not declare", t.name, o));
  return TaskGraph(std::move(planned));
}

}  // namespace ca
