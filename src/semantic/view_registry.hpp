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

/// A view that cannot be planned: not a single SELECT, reads an unknown table or column,
/// or names a column ambiguously. The message names the view.
class ViewError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The tables `view` reads: every base-table reference in DuckDB's parse of its SQL
/// (json_serialize_sql), CTE names excluded, sorted. Throws ViewError when the SQL is not
/// exactly one SELECT statement or does not parse. The columns it reads: view_lineage.hpp;
/// the order the views run in: pipeline/task_graph.hpp.
std::vector<std::string> infer_view_inputs(Connection& con, const ViewSource& view);

}  // namespace ca
