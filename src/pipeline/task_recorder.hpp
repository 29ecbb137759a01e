// What a build measures of its tasks: wall time, rows written and the thread each ran on.
// Gives the run_tasks rows (DESIGN.md §3) and the Chrome/Perfetto trace of `--trace`.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline/task_graph.hpp"
#include "store/schema.hpp"

namespace ca {

/// Thread-safe log of a build's tasks and trace spans; times relative to its origin.
class TaskRecorder {
 public:
  using Clock = std::chrono::steady_clock;
  explicit TaskRecorder(Clock::time_point origin = Clock::now()) : origin_(origin) {}

  /// Task `name` ran from start to end on thread `tid` and wrote `rows`. A task done in
  /// parts (loading diagnostics before and after resolution) adds up its calls.
  void task(const std::string& name, Clock::time_point start, Clock::time_point end, int64_t rows,
            int tid = 0);
  /// A task whose work is spread over many jobs (per-file binding): adds `busy_ms`, the
  /// time summed over its jobs, and rows; it has no span of its own.
  void task_busy(const std::string& name, double busy_ms, int64_t rows);
  /// A span in the trace only (one extraction worker's share of extract_ts).
  void span(const std::string& name, const std::string& category, int tid, Clock::time_point start,
            Clock::time_point end, nlohmann::json args = {});
  /// Names thread `tid` in the trace.
  void name_thread(int tid, const std::string& name);

  /// Wall time recorded for `name` (0 when not recorded).
  double wall_ms(const std::string& name) const;

  /// One run_tasks row per task of `graph`, in the graph's order; a task not recorded
  /// (a view of a build stopped early) has 0 rows and 0 ms.
  /// `fingerprints` (fingerprint_tasks) fill the fingerprint column when given.
  std::vector<RunTaskRow> run_tasks(
      const TaskGraph& graph, const std::string& run_id,
      const std::map<std::string, std::string>& fingerprints = {}) const;

  /// The trace as Chrome's trace-event JSON: {"traceEvents": [...]}, one complete event
  /// (ph "X", microseconds) per span; with `graph`, task spans carry their kind as category
  /// and their generation and inputs as args.
  nlohmann::json trace_json(const TaskGraph* graph) const;
  /// Writes trace_json to `path`; throws std::runtime_error when the file cannot be written.
  void write_trace(const std::filesystem::path& path, const TaskGraph* graph) const;

 private:
  struct Span {
    std::string name;
    std::string category;  ///< empty for a task span: its kind comes from the graph
    int tid = 0;
    double start_us = 0, dur_us = 0;
    nlohmann::json args;
  };
  struct Totals {
    double wall_ms = 0;
    int64_t rows = 0;
  };
  Clock::time_point origin_;
  mutable std::mutex mutex_;
  std::vector<Span> spans_;
  std::map<std::string, Totals> totals_;
  std::map<int, std::string> thread_names_;
};

}  // namespace ca
