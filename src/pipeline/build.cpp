// `codeanatomy build`: scan, parallel extraction, bulk load, SQL views, publish.
#include "pipeline/build.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

#include "core/parallel.hpp"
#include "extract/facts_codec.hpp"
#include "extract/layers.hpp"
#include "pipeline/build_inputs.hpp"
#include "pipeline/build_tasks.hpp"
#include "pipeline/cpython_layer.hpp"
#include "pipeline/file_job.hpp"
#include "pipeline/output_lock.hpp"
#include "pipeline/scip_layer.hpp"
#include "pipeline/task_recorder.hpp"
#include "pipeline/task_scheduler.hpp"
#include "resolve/program/resolve_program.hpp"
#include "semantic/view_registry.hpp"
#include "store/read_query.hpp"
#include "store/row_writer.hpp"
#include "store/schema.hpp"
#include "store/udfs.hpp"

namespace ca {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// A task that bulk-loads one table from memory (load_<table>).
bool is_load(const Task& task) {
  return task.kind == TaskKind::Native && task.name.rfind("load_", 0) == 0;
}

std::string make_run_id() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &utc);
  return fmt::format("{}-{}", buf, ::getpid());
}

/// Writes `rows` into `table` of `catalog` ("" = the graph file) with one appender.
template <class Row>
int64_t write_table(Connection& con, std::string_view table, const std::vector<Row>& rows,
                    std::string_view catalog = {}) {
  RowWriter<Row> writer(con, table, catalog);
  for (const Row& row : rows) writer.add(row);
  writer.close();
  return static_cast<int64_t>(rows.size());
}

void info(const BuildObserver& observer, const std::string& message) {
  if (observer.info) observer.info(message);
}

void warn(const BuildObserver& observer, const std::string& message) {
  if (observer.warn) observer.warn(message);
}

/// Appends to `writer` the rows of table `name` that each element of `per_file` holds, in
/// order; `for_each_table(element, visit)` calls visit(table name, rows) for each of the
/// element's tables. Returns the number of rows appended.
template <class Row, class PerFile, class ForEachTable>
int64_t append_file_rows(RowWriter<Row>& writer, std::string_view name, PerFile& per_file,
                         ForEachTable for_each_table) {
  int64_t n = 0;
  for (auto& element : per_file)
    for_each_table(element, [&](std::string_view other, auto& rows) {
      if constexpr (std::is_same_v<typename std::decay_t<decltype(rows)>::value_type, Row>) {
        if (other == name)
          for (const auto& row : rows) writer.add(row), ++n;
      }
    });
  return n;
}

/// Reports one stage to the observer: started when constructed, finished by finish() or,
/// when the build fails first, abandoned when destroyed.
class StageRun {
 public:
  StageRun(const BuildObserver& observer, std::string name, std::string unit = {},
           int64_t total = 0)
      : observer_(observer), start_(Clock::now()) {
    progress_.name = std::move(name);
    progress_.unit = std::move(unit);
    progress_.total = total;
    if (observer_.stage_started) observer_.stage_started(progress_);
  }
  ~StageRun() { end(false); }
  StageRun(const StageRun&) = delete;
  StageRun& operator=(const StageRun&) = delete;

  /// Counts `n` more items done; safe from any thread, cheap enough for once per file.
  void advance(int64_t n = 1) { progress_.done.fetch_add(n, std::memory_order_relaxed); }
  /// Ends the stage; returns its wall time in milliseconds.
  double finish() { return end(true); }

 private:
  double end(bool completed) {
    if (!ended_) {
      ended_ = true;
      wall_ms_ = ms_since(start_);
      if (observer_.stage_finished) observer_.stage_finished(progress_, wall_ms_, completed);
    }
    return wall_ms_;
  }

  const BuildObserver& observer_;
  Clock::time_point start_;
  StageProgress progress_;
  bool ended_ = false;
  double wall_ms_ = 0;
};

/// Removes a temporary database that will not be published (and its WAL).
void discard_database(const std::filesystem::path& temp_db) {
  std::error_code ec;
  std::filesystem::remove(temp_db, ec);
  std::filesystem::remove(std::filesystem::path(temp_db.string() + ".wal"), ec);
}

/// Renames a checkpointed temporary database into place: readers see the old file or the
/// new one. Throws std::runtime_error (the temporary removed) when the rename fails.
void publish_database(const std::filesystem::path& temp_db, const std::filesystem::path& final_db) {
  std::error_code ec;
  std::filesystem::rename(temp_db, final_db, ec);
  if (ec) {
    discard_database(temp_db);
    throw std::runtime_error(fmt::format("cannot publish {}: {}", final_db.string(), ec.message()));
  }
}

/// When the published graph at `final_db` records the same inputs, keeps it: copies it to
/// `temp_db`, rewrites its run log for run `run_id` (every task a cache hit, its rows as
/// before, 0 ms but the scan's `scan_ms`) and renames it back into place. Returns nullopt,
/// and writes nothing, when the inputs differ.
std::optional<BuildSummary> keep_unchanged_graph(const std::filesystem::path& final_db,
                                                 const std::filesystem::path& temp_db,
                                                 const BuildInputs& inputs,
                                                 const std::string& run_id, int jobs,
                                                 double scan_ms) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!inputs.reusable || !fs::exists(final_db, ec)) return std::nullopt;
  RecordedInputs recorded;
  try {
    recorded = read_recorded_inputs(final_db);
  } catch (const std::exception&) {
    return std::nullopt;  // unreadable or of another schema: rebuilt
  }
  if (why_inputs_differ(inputs, recorded.run_info, recorded.files)) return std::nullopt;
  BuildSummary summary;
  try {
    fs::copy_file(final_db, temp_db, fs::copy_options::overwrite_existing);
    DbOpenOptions db_options;
    db_options.threads = jobs;
    Database db(temp_db, db_options);
    Connection con(db);
    QueryResult old = con.query(
        "SELECT task, kind, generation, inputs, fingerprint, rows_out FROM run_tasks "
        "ORDER BY rowid");
    std::vector<RunTaskRow> rows;
    for (size_t i = 0; i < old.row_count(); ++i) {
      RunTaskRow row;
      row.run_id = run_id;
      row.task = old.value(i, 0).value_or("");
      row.kind = old.value(i, 1).value_or("");
      row.generation = std::stoi(old.value(i, 2).value_or("0"));
      row.inputs = old.value(i, 3).value_or("");
      row.fingerprint = old.value(i, 4).value_or("");
      row.rows_out = std::stoll(old.value(i, 5).value_or("0"));
      row.cache_hit = row.task != "scan";  // the scan ran, to find that nothing changed
      row.wall_ms = row.task == "scan" ? scan_ms : 0;
      rows.push_back(std::move(row));
    }
    con.execute("DELETE FROM run_tasks");
    write_table(con, "run_tasks", rows);
    con.execute(
        fmt::format("UPDATE run_info SET value = {} WHERE key = 'run_id'", sql_quote(run_id)));
    con.execute(fmt::format("UPDATE run_info SET value = {} WHERE key = 'jobs'",
                            sql_quote(std::to_string(jobs))));
    QueryResult statuses = con.query("SELECT status, count(*) FROM repo_files GROUP BY 1");
    for (size_t i = 0; i < statuses.row_count(); ++i) {
      const int64_t n = std::stoll(statuses.value(i, 1).value_or("0"));
      summary.files_by_status[statuses.value(i, 0).value_or("")] = n;
      summary.files += n;
    }
    for (const char* table : {"cpg_nodes", "cpg_edges", "cpg_props", "diagnostics"}) {
      QueryResult n = con.query(fmt::format("SELECT count(*) FROM {}", table));
      summary.table_rows[table] = std::stoll(n.value(0, 0).value_or("0"));
    }
    summary.diagnostics = summary.table_rows["diagnostics"];
    con.execute("CHECKPOINT");
  } catch (...) {
    discard_database(temp_db);
    throw;
  }
  publish_database(temp_db, final_db);
  summary.database = final_db;
  summary.kept_unchanged = true;
  summary.stage_ms["scan"] = scan_ms;
  return summary;
}

}  // namespace

BuildSummary build_graph(const BuildOptions& options, const BuildObserver& observer) {
  const auto build_start = Clock::now();
  namespace fs = std::filesystem;
  std::error_code ec;
  if (auto error = layers_error(options.layers)) throw std::runtime_error(*error);
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
  // An unwritable trace file is found now, not after the graph has been published.
  if (!options.trace_path.empty() &&
      !std::ofstream(options.trace_path, std::ios::binary | std::ios::app))
    throw std::runtime_error(
        fmt::format("cannot write the trace to {}: check the directory exists and is writable",
                    options.trace_path.string()));
  OutputLock lock(out_dir, options.wait_for_lock);
  remove_stale_temporaries(out_dir);
  auto has_layer = [&](std::string_view name) {
    return std::find(options.layers.begin(), options.layers.end(), name) != options.layers.end();
  };
  // The scip layer's indexer runs beside scan and extraction; a given index is checked now.
  std::optional<ScipLayerRun> scip_run;
  if (has_layer("scip") &&
      (options.stop_after == StopAfter::All || options.stop_after == StopAfter::Views))
    scip_run.emplace(options.repo,
                     ScipLayerOptions{options.scip_index, options.scip_indexer, out_dir});

  const std::string run_id = make_run_id();
  // Every task's time and rows (run_tasks, --trace); tid 0 is this thread.
  TaskRecorder recorder(build_start);
  recorder.name_thread(0, "main / worker 0");
  std::optional<TaskGraph> graph;  // planned once the schema exists
  auto write_trace = [&] {
    if (!options.trace_path.empty())
      recorder.write_trace(options.trace_path, graph ? &*graph : nullptr);
  };

  // 1. Scan.
  auto t = Clock::now();
  StageRun scan_stage(observer, "scan", "files");
  ScanResult scan = scan_repository(options.repo, scan_options_for(options));
  scan_stage.advance(static_cast<int64_t>(scan.files.size()));
  scan_stage.finish();
  // The inputs' digests (every file read and hashed): equal to the published graph's, that
  // graph is what this build would write, and it is kept.
  std::optional<BuildInputs> inputs;
  if (options.stop_after == StopAfter::All) {
    inputs = digest_build_inputs(options, scan, options.jobs);
    if (!options.full) {
      if (auto kept = keep_unchanged_graph(final_db, temp_db, *inputs, run_id,
                                           effective_jobs(options.jobs), ms_since(t))) {
        recorder.task("scan", t, Clock::now(), static_cast<int64_t>(scan.files.size()));
        write_trace();
        info(observer, "inputs unchanged since the published graph: kept it (--full rebuilds)");
        kept->wall_ms = ms_since(build_start);
        return *kept;
      }
    }
  }
  recorder.task("scan", t, Clock::now(), static_cast<int64_t>(scan.files.size()));
  info(observer, fmt::format("scanned {} Python files", scan.files.size()));

  // 2. Extract, one task per file on the worker pool; results kept in scan order.
  t = Clock::now();
  std::vector<ExtractedFile> extracted(scan.files.size());
  FileLimits limits{options.max_file_size, options.stop_after == StopAfter::Parse};
  const bool cpython_layer = has_layer("cpython");
  limits.keep_text = (cpython_layer || scip_run) && !limits.parse_only;
  ExtractOptions extract_options{options.parse_timeout_ms};
  // The extraction cache, for a build that runs to the end: files whose bytes it has are not
  // parsed again (--full reads none), and it is rewritten with this build's files.
  const bool cache_files = options.stop_after == StopAfter::All;
  const fs::path cache_path = out_dir / kExtractCacheFile;
  std::string cache_identity;
  ExtractCache cache;
  if (cache_files) {
    cache_identity =
        extract_cache_identity(inputs->program, options.max_file_size, options.parse_timeout_ms);
    if (!options.full) cache = ExtractCache::read(cache_path, cache_identity);
    if (!cache.problem().empty()) warn(observer, cache.problem());
  }
  // The next cache, written by the workers as they go: each file's entry (a hit's as read).
  std::optional<ExtractCacheWriter> cache_writer;
  // Each file's content hash as the input digest read it: a cache hit then needs no read.
  std::vector<std::string_view> digest_hashes(scan.files.size());
  if (cache_files) {
    cache_writer.emplace(cache_path, cache_identity);
    for (size_t i = 0; i < scan.files.size(); ++i)
      if (auto it = inputs->content.find(scan.files[i].path); it != inputs->content.end())
        digest_hashes[i] = it->second;
  }
  const char* extract_stage = limits.parse_only ? "parse" : "extract";
  StageRun extract_run(observer, extract_stage, "files", static_cast<int64_t>(scan.files.size()));
  // Per worker: the span from its first file to its last (one trace span per worker).
  struct WorkerSpan {
    Clock::time_point first, last;
    int64_t files = 0;
  };
  std::vector<WorkerSpan> worker_spans(static_cast<size_t>(effective_jobs(options.jobs)));
  struct ExtractWorker {
    std::unique_ptr<PythonSyntaxExtractor> extractor;
    WorkerSpan* span;
    std::string encoded;  ///< a file's facts encoded for the cache (reused from file to file)
  };
  parallel_for_each(
      scan.files.size(), options.jobs,
      [&](int w) {
        return ExtractWorker{std::make_unique<PythonSyntaxExtractor>(extract_options),
                             &worker_spans[static_cast<size_t>(w)],
                             {}};
      },
      [&](ExtractWorker& worker, size_t i) {
        const auto file_start = Clock::now();
        ExtractedFile& e = extracted[i] =
            process_file(scan.files[i], limits, *worker.extractor, cache_files ? &cache : nullptr,
                         digest_hashes[i]);
        if (cache_writer && (e.cache_use == CacheUse::hit || e.cacheable)) {
          std::string_view encoded = e.cache_entry;
          if (e.cache_use != CacheUse::hit) {
            worker.encoded.clear();
            encode_file_facts(e.file, e.facts, worker.encoded);
            encoded = worker.encoded;
          }
          cache_writer->add(ExtractCache::key(scan.files[i], e.file.content_hash), encoded);
        }
        if (worker.span->files++ == 0) worker.span->first = file_start;
        worker.span->last = Clock::now();
        extract_run.advance();
      });
  int64_t files_from_cache = 0;
  if (cache_writer) {
    int64_t damaged = 0;
    for (ExtractedFile& e : extracted) {
      files_from_cache += e.cache_use == CacheUse::hit ? 1 : 0;
      damaged += e.cache_use == CacheUse::damaged ? 1 : 0;
      e.cache_entry = {};
    }
    cache = ExtractCache{};
    if (damaged > 0)
      warn(observer, fmt::format("{}: {} damaged entr{}; extracted those files anew",
                                 cache_path.string(), damaged, damaged == 1 ? "y" : "ies"));
    if (std::string failed = cache_writer->commit(); !failed.empty())
      warn(observer, fmt::format("extraction cache not saved ({}); the next build extracts "
                                 "every file",
                                 failed));
    cache_writer.reset();
  }
  extract_run.finish();
  const std::string extract_task = fmt::format("{}_ts", extract_stage);
  recorder.task(extract_task, t, Clock::now(), static_cast<int64_t>(extracted.size()));
  if (cache_files)
    info(observer, fmt::format("{} of {} files from the extraction cache", files_from_cache,
                               extracted.size()));
  for (size_t w = 0; w < worker_spans.size(); ++w) {
    if (worker_spans[w].files == 0) continue;
    if (w > 0) recorder.name_thread(static_cast<int>(w), fmt::format("worker {}", w));
    recorder.span(fmt::format("{} worker {}", extract_task, w), "extract", static_cast<int>(w),
                  worker_spans[w].first, worker_spans[w].last, {{"files", worker_spans[w].files}});
  }
  double bind_ms = 0;
  int64_t bindings = 0;
  for (const auto& e : extracted) {
    bind_ms += e.bind_ms;
    bindings += static_cast<int64_t>(e.facts.bindings.size());
  }
  if (!limits.parse_only) {
    // Binding runs inside the per-file jobs: its span is extraction's, its time the sum.
    recorder.task_busy("bind_local", bind_ms, bindings);
    recorder.span("bind_local", "native", 0, t, Clock::now(),
                  {{"busy_ms_summed_over_files", bind_ms}, {"within", extract_task}});
  }
  // What scan and extract_ts read from outside the task graph, for their fingerprints: the
  // files and module names found, then each file's content and the options shaping facts.
  std::map<std::string, std::string> data_digests;
  for (const auto& e : extracted) {
    data_digests["scan"] +=
        fmt::format("{}\t{}\t{}\n", e.file.path, e.file.module, e.file.is_package_init);
    data_digests["extract_ts"] +=
        fmt::format("{}\t{}\t{}\n", e.file.path, e.file.content_hash, e.file.status);
  }
  for (const auto& p : scan.packages) data_digests["scan"] += p.dir_path + "\n";
  data_digests["extract_ts"] += fmt::format(
      "{} {} {}", options.max_file_size, options.parse_timeout_ms, fmt::join(options.layers, ","));
  info(observer, fmt::format("{}: {} files", extract_stage, extracted.size()));

  // 2b. The cpython layer (--layers ...,cpython): worker processes over the decoded texts;
  // its diagnostics join each file's own.
  std::vector<CpythonFacts> cpython_facts;
  if (cpython_layer && !limits.parse_only) {
    t = Clock::now();
    StageRun cpython_run(observer, "cpython", "files", static_cast<int64_t>(extracted.size()));
    cpython_facts = run_cpython_layer(extracted, options.jobs, options.cpython_worker_exe,
                                      [&] { cpython_run.advance(); });
    int64_t rows = 0;
    for (size_t i = 0; i < extracted.size(); ++i) {
      auto& diags = cpython_facts[i].diagnostics;
      rows += static_cast<int64_t>(cpython_facts[i].ast_nodes.size());
      extracted[i].facts.diagnostics.insert(extracted[i].facts.diagnostics.end(),
                                            std::make_move_iterator(diags.begin()),
                                            std::make_move_iterator(diags.end()));
    }
    cpython_run.finish();
    recorder.task("extract_cpython", t, Clock::now(), rows);
    data_digests["extract_cpython"] = data_digests["extract_ts"] + "\ncpython 3.11";
  } else if (!limits.parse_only) {
    recorder.task("extract_cpython", Clock::now(), Clock::now(), 0);  // the layer is off
  }
  // 2c. The scip layer (--layers ...,scip or --scip-index): the index against the texts.
  ScipFacts scip_facts;
  if (scip_run) {
    t = Clock::now();
    StageRun scip_stage(observer, "scip");
    scip_facts = scip_run->finish(extracted);
    scip_stage.finish();
    recorder.task("extract_scip", t, Clock::now(),
                  static_cast<int64_t>(scip_facts.occurrences.size()));
    data_digests["extract_scip"] = data_digests["extract_ts"] + "\nscip " + scip_run->digest();
  } else if (!limits.parse_only) {
    recorder.task("extract_scip", Clock::now(), Clock::now(), 0);  // the layer is off
  }
  for (auto& e : extracted) e.text.reset();

  BuildSummary summary;
  summary.files = static_cast<int64_t>(extracted.size());
  summary.files_from_cache = files_from_cache;
  summary.stage_ms["scan"] = recorder.wall_ms("scan");
  summary.stage_ms[extract_stage] = recorder.wall_ms(extract_task);
  for (auto& e : extracted) summary.files_by_status[e.file.status]++;
  if (options.stop_after == StopAfter::Parse || options.stop_after == StopAfter::Extract) {
    summary.wall_ms = ms_since(build_start);
    write_trace();
    return summary;
  }
  // 3-5. Whole-program resolution, the bulk loads and the views: one scheduler over the
  // rest of the DAG, each task as soon as what it reads is done, up to -j at once (so the
  // evidence tables load, and the views that read only them run, beside the resolver).
  ProgramFacts program;
  std::vector<ProgramFile> program_files;
  program_files.reserve(extracted.size());
  for (const auto& e : extracted) program_files.push_back(ProgramFile{&e.file, &e.facts});
  // Freed on threads of their own, off the build's critical path, when nothing reads them
  // any more; joined before returning.
  std::vector<std::jthread> disposers;
  std::mutex disposers_mutex;
  auto dispose = [&](auto&& doomed) {
    auto owned = std::make_shared<std::decay_t<decltype(doomed)>>(std::move(doomed));
    std::lock_guard disposers_lock(disposers_mutex);
    if (effective_jobs(options.jobs) > 1)
      disposers.emplace_back([owned]() mutable { owned.reset(); });
  };

  // The resolver starts now, on a thread of its own (with -j > 1), while the database is
  // created and the DAG planned; task resolve waits for it.
  ResolverStateHolder resolver_state;
  Clock::time_point resolve_start;
  double resolve_ms = 0;
  auto resolve = [&] {
    resolve_start = Clock::now();
    StageRun stage(observer, "resolve");
    program = resolve_program(program_files, scan.packages, ResolveOptions{options.jobs},
                              &resolver_state);
    resolve_ms = stage.finish();
  };
  if (options.stop_after == StopAfter::Resolve) {
    resolve();
    recorder.task("resolve", resolve_start, Clock::now(),
                  static_cast<int64_t>(program.calls.size()));
    summary.stage_ms["resolve"] = resolve_ms;
    summary.wall_ms = ms_since(build_start);
    write_trace();
    return summary;
  }
  std::future<void> resolved;
  if (effective_jobs(options.jobs) > 1) resolved = std::async(std::launch::async, resolve);

  std::optional<StageRun> publish_stage;  // ends after the rename, outside the try
  Clock::time_point publish_start;
  try {
    const TablePlacement placement{options.keep_evidence};
    DbOpenOptions db_options;
    db_options.threads = effective_jobs(options.jobs);
    db_options.memory_catalog = placement.memory_catalog();
    auto db = std::make_unique<Database>(temp_db, db_options);
    auto con = std::make_unique<Connection>(*db);
    con->execute("SET preserve_insertion_order = true");
    create_native_tables(*con, placement);
    // The whole DAG, views' inputs inferred from their SQL, checked before any loading.
    graph = plan_build(*con, embedded_views());
    register_id_functions(*con);

    std::map<std::string, NativeWork> work;
    work["resolve"] = [&](Connection&, Clock::time_point& started) {
      if (resolved.valid())
        resolved.get();
      else
        resolve();
      started = resolve_start;
      dispose(std::move(resolver_state));
      info(observer, fmt::format("resolved: {} call edges", program.calls.size()));
      return static_cast<int64_t>(program.calls.size());
    };
    /// Task load_<table> writes `rows`.
    auto load = [&](std::string_view table, const auto& rows) {
      work[fmt::format("load_{}", table)] = [table, &rows, &placement](Connection& c,
                                                                       Clock::time_point&) {
        return write_table(c, table, rows, placement.catalog(table));
      };
    };
    std::vector<RepoFileRow> files;
    files.reserve(extracted.size());
    for (auto& e : extracted) files.push_back(e.file);
    load("repo_files", files);
    load("repo_packages", scan.packages);
    std::vector<KindRow> node_kinds, edge_kinds;
    for (const auto& k : kNodeKinds)
      node_kinds.push_back({std::string(k.name), std::string(k.description)});
    for (const auto& k : kEdgeKinds)
      edge_kinds.push_back({std::string(k.name), std::string(k.description)});
    load("cpg_node_kinds", node_kinds);
    load("cpg_edge_kinds", edge_kinds);
    // Per-file tables: one appender per table, files in scan order.
    FileFacts no_facts;
    for_each_fact_table(no_facts, [&](std::string_view name, auto& proto) {
      using Row = typename std::decay_t<decltype(proto)>::value_type;
      if constexpr (std::is_same_v<Row, DiagnosticRow>) {
        // Every layer's diagnostics, in one order: the scan's, each file's (syntax, then
        // cpython), the resolver's, the SCIP index's.
        work["load_diagnostics"] = [&](Connection& c, Clock::time_point&) {
          RowWriter<DiagnosticRow> writer(c, "diagnostics");
          int64_t n = 0;
          auto add = [&](const std::vector<DiagnosticRow>& rows) {
            for (const auto& d : rows) writer.add(d), ++n;
          };
          add(scan.diagnostics);
          for (const auto& e : extracted) add(e.facts.diagnostics);
          add(program.diagnostics);
          add(scip_facts.diagnostics);
          writer.close();
          return n;
        };
      } else {
        work[fmt::format("load_{}", name)] = [&, name](Connection& c, Clock::time_point&) {
          RowWriter<Row> writer(c, name, placement.catalog(name));
          int64_t n = append_file_rows(writer, name, extracted, [](ExtractedFile& e, auto&& visit) {
            for_each_fact_table(e.facts, visit);
          });
          writer.close();
          return n;
        };
      }
    });
    CpythonFacts no_cpython;
    for_each_cpython_table(no_cpython, [&](std::string_view name, auto& proto) {
      using Row = typename std::decay_t<decltype(proto)>::value_type;
      work[fmt::format("load_{}", name)] = [&, name](Connection& c, Clock::time_point&) {
        RowWriter<Row> writer(c, name, placement.catalog(name));
        int64_t n = append_file_rows(
            writer, name, cpython_facts,
            [](CpythonFacts& f, auto&& visit) { for_each_cpython_table(f, visit); });
        writer.close();
        return n;
      };
    });
    for_each_scip_table(scip_facts, [&](std::string_view name, auto& rows) { load(name, rows); });
    // What is loaded into the file (with --keep-evidence, the syntax layer's tables) is written
    // to disk while the resolver runs (the final checkpoint would write it on the critical
    // path). A checkpoint DuckDB refuses now is left to the final one.
    work["checkpoint_syntax"] = [&](Connection& c, Clock::time_point&) -> int64_t {
      try {
        c.execute("CHECKPOINT");
      } catch (const DbError& e) {
        info(observer, fmt::format("checkpoint_syntax left to publish: {}", e.what()));
      }
      return 0;
    };
    for_each_program_table(program, [&](std::string_view name, auto& rows) { load(name, rows); });

    // What is kept in memory for the tasks is freed once the last task reading it is done.
    // The files' facts hold the local bindings too (and the resolver reads them through
    // program_files): one release for both.
    const std::map<std::string, std::function<void()>> release = {
        {"mem:ts_facts", [&] { dispose(std::move(extracted)); }},
        {"mem:program", [&] { dispose(std::move(program)); }},
        {"mem:cpython_facts", [&] { dispose(std::move(cpython_facts)); }},
        {"mem:scip_facts", [&] { dispose(std::move(scip_facts)); }},
    };
    auto held_by = [&](const Task& task) {
      std::set<std::string> held;
      for (const auto& in : task.inputs) {
        const std::string h = in == "mem:local_bindings" ? "mem:ts_facts" : in;
        if (release.count(h)) held.insert(h);
      }
      return held;
    };
    std::map<std::string, int> readers_left;
    for (const Task& task : graph->tasks())
      if (work.count(task.name) != 0)
        for (const auto& h : held_by(task)) ++readers_left[h];
    int64_t loads_left = 0, views_left = 0;
    for (const Task& task : graph->tasks()) {
      if (task.kind == TaskKind::View) ++views_left;
      if (is_load(task)) ++loads_left;
    }
    StageRun load_stage(observer, "load", "tables", loads_left);
    StageRun views_stage(observer, "views", "views", views_left);
    std::mutex done_mutex;
    auto rows_by_task = run_graph_tasks(
        *db, *graph, options.jobs, recorder, work,
        [&](const Task& task, int64_t rows) {
          std::lock_guard done_lock(done_mutex);
          if (task.kind == TaskKind::View) {
            info(observer, fmt::format("view {}: {} rows", task.name, rows));
            views_stage.advance();
            if (--views_left == 0) summary.stage_ms["views"] = views_stage.finish();
          } else if (task.name == "resolve") {
            summary.stage_ms["resolve"] = resolve_ms;
          } else if (is_load(task)) {
            load_stage.advance();
            if (--loads_left == 0) summary.stage_ms["load"] = load_stage.finish();
          }
          for (const auto& h : held_by(task))
            if (--readers_left[h] == 0) release.at(h)();
        },
        // A worker waits for the resolver at once, leaving the others to the loads.
        {"resolve"}, placement);
    for (const Task& task : graph->tasks()) {
      auto rows = rows_by_task.find(task.name);
      if (rows == rows_by_task.end()) continue;
      if (is_load(task)) summary.table_rows[task.name.substr(5)] = rows->second;
      if (task.kind == TaskKind::View) summary.table_rows[task.name] = rows->second;
    }
    summary.diagnostics = summary.table_rows["diagnostics"];
    if (options.stop_after == StopAfter::Views) {
      con.reset();
      db.reset();
      discard_database(temp_db);
      summary.wall_ms = ms_since(build_start);
      write_trace();
      return summary;
    }

    // 6. The run log, then publish atomically.
    publish_stage.emplace(observer, "publish");
    publish_start = Clock::now();
    summary.wall_ms = ms_since(build_start);
    // publish's row has 0 ms: the run log cannot hold the time spent writing it (the trace
    // does).
    summary.table_rows["run_tasks"] =
        write_table(*con, "run_tasks",
                    recorder.run_tasks(*graph, run_id, fingerprint_tasks(*graph, data_digests)));
    std::vector<RunInfoRow> run_info{
        {"repo_root", fs::weakly_canonical(fs::absolute(options.repo)).string()},
        {"run_id", run_id},
        {"jobs", std::to_string(effective_jobs(options.jobs))},
        {"layers", fmt::format("{}", fmt::join(options.layers, ","))}};
    for (auto& [key, value] : inputs_run_info(*inputs)) run_info.push_back({key, value});
    summary.table_rows["run_info"] = write_table(*con, "run_info", run_info);
    con->execute("CHECKPOINT");
    con.reset();
    db.reset();
  } catch (...) {
    discard_database(temp_db);
    throw;
  }
  publish_database(temp_db, final_db);
  publish_stage->finish();
  recorder.task("publish", publish_start, Clock::now(), 0);
  write_trace();
  summary.database = final_db;
  summary.wall_ms = ms_since(build_start);
  return summary;
}

}  // namespace ca
