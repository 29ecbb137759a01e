// `codeanatomy build`: scan, parallel extraction, bulk load, SQL views, publish.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace ca {

/// Where a build may stop early (for measuring its stages).
enum class StopAfter {
  Parse,    ///< scan, read, decode and parse every file; write nothing (the parse floor)
  Extract,  ///< also extract facts and bind names; write nothing
  Resolve,  ///< also resolve the whole program; write nothing
  Views,    ///< also load the tables and run the views into a scratch database, then
            ///< discard it: everything but publishing (the previous graph stays)
  All,      ///< the whole build
};

struct BuildOptions {
  std::filesystem::path repo;                ///< the repository (or plain directory) to index
  std::filesystem::path output_dir;          ///< where cpg.duckdb goes; empty = REPO/.codeanatomy
  int jobs = 0;                              ///< worker threads; 0 = hardware concurrency
  int64_t max_file_size = 10 * 1024 * 1024;  ///< larger files get status too_large
  int64_t parse_timeout_ms = 10000;          ///< per-file parse budget
  StopAfter stop_after = StopAfter::All;
  /// Another build writing the same output: wait for it (true) or fail at once (false).
  bool wait_for_lock = false;
  /// false: module names relative to REPO even when REPO holds __init__.py.
  bool root_may_be_package = true;
  /// Evidence layers to run (extract/layers.hpp); a build refuses unimplemented ones.
  std::vector<std::string> layers = {"ts"};
  /// Gitignore-style patterns selecting / excluding files (ScanOptions::include, exclude).
  std::vector<std::string> include{};
  std::vector<std::string> exclude{};
  /// Directories (relative to REPO) module names are computed from; empty = detected.
  std::vector<std::string> source_roots{};
  /// The scip layer's index (--scip-index); empty with layer scip: run scip_indexer.
  std::filesystem::path scip_index{};
  /// The program producing an index (ScipLayerOptions::indexer); empty = the default.
  std::filesystem::path scip_indexer{};
  /// Keep the evidence tables (pipeline/table_placement.hpp) in the graph file
  /// (--keep-evidence); otherwise they live in memory for the build only.
  bool keep_evidence = false;
  /// Rebuild everything even when the inputs equal the published graph's (--full).
  bool full = false;
  /// When set, a Chrome/Perfetto trace of the build's tasks is written there (--trace).
  std::filesystem::path trace_path{};
  /// The program started as a cpython-layer worker (`EXE __cpython-worker`); empty = this
  /// program, which must then handle that argument (the codeanatomy CLI does).
  std::filesystem::path cpython_worker_exe{};
};

/// What a build did, for the CLI summary and for tests.
struct BuildSummary {
  std::filesystem::path database;  ///< the published cpg.duckdb
  int64_t files = 0;
  std::map<std::string, int64_t> files_by_status;  ///< ok, syntax_error, ...
  std::map<std::string, int64_t> table_rows;       ///< every table written
  int64_t diagnostics = 0;
  double wall_ms = 0;
  std::map<std::string, double> stage_ms;  ///< scan, extract (or parse), load, views
  /// The inputs equalled the published graph's, which was kept: every task a cache hit.
  bool kept_unchanged = false;
  /// Files whose facts came from the extraction cache (pipeline/extract_cache.hpp).
  int64_t files_from_cache = 0;
};

/// One stage of a running build, shared with the observer from stage_started until
/// stage_finished returns. The pipeline counts `done` (workers increment it, relaxed); an
/// observer may read it from any thread while the stage runs.
struct StageProgress {
  std::string name;   ///< scan, extract (parse with StopAfter::Parse), resolve, load, views,
                      ///< publish
  std::string unit;   ///< what `done` and `total` count ("files", "views", "tables"), or ""
  int64_t total = 0;  ///< items the stage will process; 0 = not known in advance
  std::atomic<int64_t> done{0};
};

/// Progress and log messages of a build; empty functions print nothing. The callbacks
/// must not throw. They are called from the thread running the stage: resolve runs on a
/// thread of its own, beside load, so calls may come from two threads at once.
struct BuildObserver {
  std::function<void(const std::string&)> info;
  /// Something the user should know that does not stop the build (e.g. a damaged cache).
  std::function<void(const std::string&)> warn;
  /// A stage begins.
  std::function<void(const StageProgress& stage)> stage_started;
  /// The stage ended after `wall_ms`: completed, or abandoned because the build failed.
  std::function<void(const StageProgress& stage, double wall_ms, bool completed)> stage_finished;
};

/// Builds the graph of options.repo into OUTPUT/cpg.duckdb: the database is written to a
/// temporary file beside it and renamed into place only on success, so a failed build
/// leaves the previous graph untouched. When the inputs (pipeline/build_inputs.hpp) equal
/// those of the published graph and options.full is off, that graph is kept: only its run
/// log is rewritten (every task a cache hit) and kept_unchanged is set. With stop_after before All
/// nothing is written and `database` stays empty. Per-file problems become diagnostics rows; throws
/// std::runtime_error (with a message saying what to do) when no graph can be produced.
BuildSummary build_graph(const BuildOptions& options, const BuildObserver& observer = {});

}  // namespace ca
