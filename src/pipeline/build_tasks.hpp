// The tasks of `codeanatomy build` as one DAG: native passes with the inputs and outputs
// they declare here, and one task per SQL view with the inputs inferred from its SQL.
#pragma once

#include <vector>

#include "pipeline/table_placement.hpp"
#include "pipeline/task_graph.hpp"
#include "semantic/view_registry.hpp"
#include "store/duckdb_api.hpp"

namespace ca {

/// Creates, empty, every table the native tasks write, with the columns their row structs
/// declare (store/schema.hpp), each in the catalog `placement` gives it. Throws DbError.
void create_native_tables(Connection& con, const TablePlacement& placement = {});

/// The extract and native tasks of a build: scan, extract_ts, bind_local, resolve, one
/// load_<table> per table written from memory, and publish (run_tasks, run_info).
std::vector<Task> native_tasks();

/// The DAG of a whole build: native_tasks() plus one task per view, its inputs and columns
/// inferred from its SQL against the schema in `con` (create_native_tables must have run;
/// views' columns come from the views they read). Throws TaskGraphError for an unknown
/// table, a double owner or a cycle, ViewError for an unknown or ambiguous column.
TaskGraph plan_build(Connection& con, const std::vector<ViewSource>& views);

}  // namespace ca
