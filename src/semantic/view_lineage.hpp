// Column lineage of the SQL views: which tables a view reads and which columns of each,
// taken from DuckDB's own parse of its SQL (json_serialize_sql). Aliases, joins, CTEs
// (recursive ones too), subqueries, lambdas and stars are resolved against the columns of
// the input tables as the catalog declares them; nothing is listed by hand.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "semantic/view_registry.hpp"
#include "store/duckdb_api.hpp"

namespace ca {

/// Table name -> its columns in order (lower case). A column list holding "*" stands for
/// a table whose columns cannot be determined: any column name is accepted for it.
using TableColumns = std::map<std::string, std::vector<std::string>>;

/// The columns one view reads from one input table.
struct TableRead {
  std::string table;
  /// A star over the table, or a column that could not be traced to single columns.
  bool all_columns = false;
  std::vector<std::string> columns;  ///< sorted; empty when all_columns

  bool operator==(const TableRead&) const = default;
};

/// What a view reads and what it produces.
struct ViewLineage {
  std::string view;
  std::vector<TableRead> inputs;            ///< sorted by table; CTE names excluded
  std::vector<std::string> output_columns;  ///< the columns of the view's result, in order
};

/// DuckDB's parse of `view.sql` (the one statement of json_serialize_sql's result). Throws
/// ViewError naming the view when the SQL is not exactly one SELECT or does not parse.
nlohmann::json parse_view_sql(Connection& con, const ViewSource& view);

/// The base tables a parsed statement reads (CTE names excluded), sorted.
std::vector<std::string> statement_tables(const nlohmann::json& statement);

/// The tables and columns `view` reads. Qualified columns resolve through the FROM
/// clause's aliases; unqualified ones against the columns of every relation in scope
/// (`catalog` for tables, the computed output of CTEs and subqueries); a column of a CTE or
/// subquery maps through to the base columns it is computed from, and a star reads every
/// column of what it expands. Reads are counted wherever they occur (select list, join
/// conditions, WHERE, GROUP BY, windows, ORDER BY): a conservative over-approximation.
/// Throws ViewError naming the view for an unknown table or column, an ambiguous
/// unqualified column, or SQL that is not one SELECT.
ViewLineage infer_view_lineage(Connection& con, const ViewSource& view,
                               const TableColumns& catalog);

/// The columns of every table in the main schema of each database attached to `con` (the
/// file and any in-memory one beside it), names lower case.
TableColumns catalog_columns(Connection& con);

}  // namespace ca
