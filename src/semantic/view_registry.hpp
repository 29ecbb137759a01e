// The registry of SQL views: each views/*.sql file is one SELECT whose result becomes the
// table of the file's name. Dependencies are inferred from DuckDB's own parse of the SQL,
// never listed by hand.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "store/duckdb_api.hpp"

namespace ca {

/// A view as written: the table it creates and its SELECT.
struct ViewSource {
  std::string name;
  std::string sql;
};

/// Every view compiled into the binary (src/semantic/views/*.sql), sorted by name.
const std::vector<ViewSource>& embedded_views();

/// A view that cannot be planned: not a single SELECT, reads an unknown table, is part of
/// a cycle, or creates a table another task owns. The message names the views involved.
class ViewError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A view placed in the DAG.
struct PlannedView {
  std::string name;
  std::string sql;
  std::vector<std::string> inputs;  ///< tables it reads, sorted, as DuckDB's parser found them
  int generation = 0;               ///< 0 = reads only base tables
};

/// The tables `view` reads: every base-table reference in DuckDB's parse of its SQL
/// (json_serialize_sql), CTE names excluded. Throws ViewError when the SQL is not exactly
/// one SELECT statement or does not parse.
std::vector<std::string> infer_view_inputs(Connection& con, const ViewSource& view);

/// Orders `views` into generations: a view's generation is one more than the highest
/// generation among the views it reads (base tables count as -1). Throws ViewError for an
/// input that is neither a base table nor a view, a cycle, or a view named like a base
/// table. Result sorted by (generation, name).
std::vector<PlannedView> plan_views(Connection& con, const std::vector<ViewSource>& views,
                                    const std::vector<std::string>& base_tables);

}  // namespace ca
