// Runs the tasks of a build's DAG that come after extraction: whole-program resolution,
// the bulk loads and the views. A task starts as soon as every task it reads from is done,
// up to -j at once, each worker on its own DuckDB connection to the one database.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>

#include "pipeline/table_placement.hpp"
#include "pipeline/task_graph.hpp"
#include "pipeline/task_recorder.hpp"
#include "store/duckdb_api.hpp"

namespace ca {

/// A native task's work: it runs on a scheduler worker, may write with that worker's
/// connection, and returns the rows it produced (run_tasks.rows_out). `started` is when the
/// worker began it; work begun earlier elsewhere (and only waited for here) sets it back to
/// when it really began, so the task's recorded time is the work's.
using NativeWork =
    std::function<int64_t(Connection& con, TaskRecorder::Clock::time_point& started)>;

/// Runs every view task of `graph` (CREATE TABLE AS its SELECT) and every task with work in
/// `natives`; any other task counts as done already. A task waits only for the tasks it
/// reads from, so tasks with independent inputs never wait on each other; at most `jobs`
/// (0 = cores) run at once. Among the ready tasks those named in `first` go first, then
/// the one with the longest chain of tasks after it (the critical path), then graph order;
/// a view's table is created in the catalog `placement` gives it;
/// what a task writes does not depend on that order. Each task is recorded in `recorder` (tid = its
/// worker); `on_done(task, rows)` is called from its worker as each finishes. Returns the rows of
/// every task run, by name. The first failure stops new tasks from starting; it is
/// rethrown once the running ones have finished (a view's as DbError naming the view).
std::map<std::string, int64_t> run_graph_tasks(
    Database& db, const TaskGraph& graph, int jobs, TaskRecorder& recorder,
    const std::map<std::string, NativeWork>& natives = {},
    const std::function<void(const Task& task, int64_t rows)>& on_done = {},
    const std::set<std::string>& first = {}, const TablePlacement& placement = {});

}  // namespace ca
