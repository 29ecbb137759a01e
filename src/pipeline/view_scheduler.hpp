// Runs the view tasks of a build's DAG: each view becomes a table (CREATE TABLE AS) as soon
// as every task it reads from is done, up to -j views at once, each worker on its own
// DuckDB connection to the one database.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "pipeline/task_graph.hpp"
#include "pipeline/task_recorder.hpp"
#include "store/duckdb_api.hpp"

namespace ca {

/// Creates the table of every view task of `graph` in `db`; every non-view task must be
/// done. A view waits only for the views it reads, so views with independent inputs never
/// wait on each other; at most `jobs` (0 = cores) run at once. Each is recorded in
/// `recorder` (tid = its worker); `on_done(view, rows)` is called as each finishes, from
/// its worker. Returns the rows of each view. The first failure stops the scheduling of
/// new views; it is rethrown as DbError naming the view once running ones have finished.
std::map<std::string, int64_t> run_view_tasks(
    Database& db, const TaskGraph& graph, int jobs, TaskRecorder& recorder,
    const std::function<void(const std::string& view, int64_t rows)>& on_done = {});

}  // namespace ca
