// `codeanatomy build`: scan, parallel extraction, bulk load, SQL views, publish.
#include "pipeline/build.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <stdexcept>
#include <thread>

#include "core/parallel.hpp"
#include "pipeline/file_job.hpp"
#include "pipeline/output_lock.hpp"
#include "resolve/program/resolve_program.hpp"
#include "semantic/view_registry.hpp"
#include "store/row_writer.hpp"
#include "store/schema.hpp"
#include "store/udfs.hpp"

namespace ca {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string make_run_id() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &utc);
  return fmt::format("{}-{}", buf, ::getpid());
}

/// Writes every extracted file's rows, in file order, one appender per table.
template <class Row>
int64_t write_table(Connection& con, std::string_view table, const std::vector<Row>& rows) {
  RowWriter<Row> writer(con, table);
  for (const Row& row : rows) writer.add(row);
  writer.close();
  return static_cast<int64_t>(rows.size());
}

void info(const BuildObserver& observer, const std::string& message) {
  if (observer.info) observer.info(message);
}

}  // namespace

BuildSummary build_graph(const BuildOptions& options, const BuildObserver& observer) {
  const auto build_start = Clock::now();
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(options.repo, ec))
    throw std::runtime_error(
        fmt::format("{} is not a directory: give the repository to index", options.repo.string()));
  fs::path out_dir =
      options.output_dir.empty() ? options.repo / ".codeanatomy" : options.output_dir;
  fs::create_directories(out_dir, ec);
  if (ec)
    throw std::runtime_error(
        fmt::format("cannot create output directory {}: {}", out_dir.string(), ec.message()));
  const fs::path final_db = out_dir / "cpg.duckdb";
  const fs::path temp_db = out_dir / fmt::format("cpg.duckdb.tmp-{}", ::getpid());
  OutputLock lock(out_dir, options.wait_for_lock);
  remove_stale_temporaries(out_dir);

  const std::string run_id = make_run_id();
  std::vector<RunTaskRow> tasks;
  auto record = [&](std::string task, std::string kind, int generation, std::string inputs,
                    int64_t rows, double wall) {
    tasks.push_back(RunTaskRow{run_id, std::move(task), std::move(kind), generation,
                               std::move(inputs), "", false, rows, wall});
  };

  // 1. Scan.
  auto t = Clock::now();
  ScanOptions scan_options;
  scan_options.root_may_be_package = options.root_may_be_package;
  ScanResult scan = scan_repository(options.repo, scan_options);
  record("scan", "native", 0, "", static_cast<int64_t>(scan.files.size()), ms_since(t));
  info(observer, fmt::format("scanned {} Python files", scan.files.size()));

  // 2. Extract, one task per file on the worker pool; results kept in scan order.
  t = Clock::now();
  std::vector<ExtractedFile> extracted(scan.files.size());
  FileLimits limits{options.max_file_size, options.stop_after == StopAfter::Parse};
  ExtractOptions extract_options{options.parse_timeout_ms};
  parallel_for_each(
      scan.files.size(), options.jobs,
      [&](int) { return std::make_unique<PythonSyntaxExtractor>(extract_options); },
      [&](std::unique_ptr<PythonSyntaxExtractor>& extractor, size_t i) {
        extracted[i] = process_file(scan.files[i], limits, *extractor);
      });
  const char* extract_stage = limits.parse_only ? "parse" : "extract";
  record(fmt::format("{}_ts", extract_stage), "extract", 0, "repo_files",
         static_cast<int64_t>(extracted.size()), ms_since(t));
  info(observer, fmt::format("{}: {} files", extract_stage, extracted.size()));

  BuildSummary summary;
  summary.files = static_cast<int64_t>(extracted.size());
  summary.stage_ms["scan"] = tasks[0].wall_ms;
  summary.stage_ms[extract_stage] = tasks[1].wall_ms;
  if (options.stop_after != StopAfter::All) {
    for (auto& e : extracted) summary.files_by_status[e.file.status]++;
    summary.wall_ms = ms_since(build_start);
    return summary;
  }
  // 3. Whole-program resolution over every file's facts, on its own thread while the
  // evidence tables are loaded: both only read the facts.
  ProgramFacts program;
  double resolve_ms = 0;
  std::exception_ptr resolve_error;
  std::vector<ProgramFile> program_files;
  program_files.reserve(extracted.size());
  for (const auto& e : extracted) program_files.push_back(ProgramFile{&e.file, &e.facts});
  auto resolve = [&] {
    const auto start = Clock::now();
    try {
      program = resolve_program(program_files, scan.packages, ResolveOptions{options.jobs});
    } catch (...) {
      resolve_error = std::current_exception();
    }
    resolve_ms = ms_since(start);
  };
  // With one worker everything runs on this thread.
  std::thread resolver;
  if (effective_jobs(options.jobs) > 1)
    resolver = std::thread(resolve);
  else
    resolve();
  /// Joins the resolver once, whatever happens below.
  struct Joiner {
    std::thread& thread;
    void join() {
      if (thread.joinable()) thread.join();
    }
    ~Joiner() { join(); }
  } resolver_joiner{resolver};

  try {
    // 4. Load the evidence tables into a new database file.
    t = Clock::now();
    DbOpenOptions db_options;
    db_options.threads = effective_jobs(options.jobs);
    auto db = std::make_unique<Database>(temp_db, db_options);
    auto con = std::make_unique<Connection>(*db);
    con->execute("SET preserve_insertion_order = true");
    std::vector<std::string> base_tables;
    auto create = [&](std::string_view name, const std::string& sql) {
      con->execute(sql);
      base_tables.emplace_back(name);
    };
    create("repo_files", create_table_sql<RepoFileRow>("repo_files"));
    create("repo_packages", create_table_sql<RepoPackageRow>("repo_packages"));
    create("cpg_node_kinds", create_table_sql<KindRow>("cpg_node_kinds"));
    create("cpg_edge_kinds", create_table_sql<KindRow>("cpg_edge_kinds"));
    create("run_tasks", create_table_sql<RunTaskRow>("run_tasks"));
    FileFacts empty;
    for_each_fact_table(empty, [&](std::string_view name, auto& rows) {
      using Row = typename std::decay_t<decltype(rows)>::value_type;
      create(name, create_table_sql<Row>(name));
    });
    ProgramFacts no_program;
    for_each_program_table(no_program, [&](std::string_view name, auto& rows) {
      using Row = typename std::decay_t<decltype(rows)>::value_type;
      create(name, create_table_sql<Row>(name));
    });

    std::vector<RepoFileRow> files;
    files.reserve(extracted.size());
    for (auto& e : extracted) {
      summary.files_by_status[e.file.status]++;
      files.push_back(e.file);
    }
    summary.table_rows["repo_files"] = write_table(*con, "repo_files", files);
    summary.table_rows["repo_packages"] = write_table(*con, "repo_packages", scan.packages);
    std::vector<KindRow> kinds;
    for (const auto& k : kNodeKinds)
      kinds.push_back({std::string(k.name), std::string(k.description)});
    write_table(*con, "cpg_node_kinds", kinds);
    kinds.clear();
    for (const auto& k : kEdgeKinds)
      kinds.push_back({std::string(k.name), std::string(k.description)});
    write_table(*con, "cpg_edge_kinds", kinds);

    // Per-file tables: one appender per table, files in scan order. Scan diagnostics first.
    for_each_fact_table(empty, [&](std::string_view name, auto& proto) {
      using Row = typename std::decay_t<decltype(proto)>::value_type;
      RowWriter<Row> writer(*con, name);
      int64_t n = 0;
      if constexpr (std::is_same_v<Row, DiagnosticRow>) {
        for (const auto& d : scan.diagnostics) writer.add(d), ++n;
      }
      for (auto& e : extracted) {
        for_each_fact_table(e.facts, [&](std::string_view other, auto& rows) {
          if constexpr (std::is_same_v<typename std::decay_t<decltype(rows)>::value_type, Row>) {
            if (other == name)
              for (const auto& row : rows) writer.add(row), ++n;
          }
        });
      }
      writer.close();
      summary.table_rows[std::string(name)] = n;
    });
    record("load", "native", 0, "", summary.table_rows["repo_files"], ms_since(t));
    summary.stage_ms["load"] = tasks.back().wall_ms;

    // The resolver's tables once it is done, its diagnostics after the files' own.
    resolver_joiner.join();
    if (resolve_error) std::rethrow_exception(resolve_error);
    record("resolve", "native", 0, "ts_*,res_bindings,res_name_refs",
           static_cast<int64_t>(program.calls.size()), resolve_ms);
    summary.stage_ms["resolve"] = resolve_ms;
    info(observer, fmt::format("resolved: {} call edges", program.calls.size()));
    t = Clock::now();
    for_each_program_table(program, [&](std::string_view name, auto& rows) {
      summary.table_rows[std::string(name)] = write_table(*con, name, rows);
    });
    summary.table_rows["diagnostics"] += write_table(*con, "diagnostics", program.diagnostics);
    summary.diagnostics = summary.table_rows["diagnostics"];
    summary.stage_ms["load"] += ms_since(t);
    program = ProgramFacts{};
    program_files.clear();
    extracted.clear();
    extracted.shrink_to_fit();
    const auto views_start = Clock::now();

    // 5. Semantic views in generations inferred from their SQL.
    register_id_functions(*con);
    std::vector<PlannedView> plan = plan_views(*con, embedded_views(), base_tables);
    for (const PlannedView& view : plan) {
      t = Clock::now();
      con->execute(fmt::format("CREATE TABLE {} AS {}", view.name, view.sql));
      int64_t rows = con->query_int(fmt::format("SELECT count(*) FROM {}", view.name));
      summary.table_rows[view.name] = rows;
      record(view.name, "view", view.generation + 1, fmt::format("{}", fmt::join(view.inputs, ",")),
             rows, ms_since(t));
      info(observer, fmt::format("view {}: {} rows", view.name, rows));
    }

    summary.stage_ms["views"] = ms_since(views_start);

    // 6. The run log, then publish atomically.
    record("publish", "native", plan.empty() ? 1 : plan.back().generation + 2, "", 0, 0);
    summary.wall_ms = ms_since(build_start);
    tasks.back().wall_ms = 0;
    summary.table_rows["run_tasks"] = write_table(*con, "run_tasks", tasks);
    con->execute(create_table_sql<RunInfoRow>("run_info"));
    std::vector<RunInfoRow> run_info{
        {"repo_root", fs::weakly_canonical(fs::absolute(options.repo)).string()},
        {"run_id", run_id},
        {"jobs", std::to_string(effective_jobs(options.jobs))}};
    summary.table_rows["run_info"] = write_table(*con, "run_info", run_info);
    con->execute("CHECKPOINT");
    con.reset();
    db.reset();
  } catch (...) {
    fs::remove(temp_db, ec);
    fs::remove(fs::path(temp_db.string() + ".wal"), ec);
    throw;
  }
  fs::rename(temp_db, final_db, ec);
  if (ec) {
    fs::remove(temp_db, ec);
    throw std::runtime_error(fmt::format("cannot publish {}: {}", final_db.string(), ec.message()));
  }
  summary.database = final_db;
  summary.wall_ms = ms_since(build_start);
  return summary;
}

}  // namespace ca
