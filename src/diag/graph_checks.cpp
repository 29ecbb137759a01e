// Integrity checks of a built graph; see graph_checks.hpp.
#include "diag/graph_checks.hpp"

#include <fmt/format.h>

#include <limits>
#include <map>

#include "core/file_read.hpp"
#include "core/source_text.hpp"
#include "store/duckdb_api.hpp"
#include "store/read_query.hpp"

namespace ca {
namespace {

struct ColumnContract {
  const char* name;
  const char* type;
};

struct TableContract {
  const char* table;
  std::vector<ColumnContract> columns;
};

/// The table contracts of DESIGN.md §3 (v1): the columns every consumer may rely on.
const std::vector<TableContract>& contracts() {
  static const std::vector<TableContract> tables{
      {"repo_files",
       {{"file_id", "UBIGINT"},
        {"path", "VARCHAR"},
        {"module", "VARCHAR"},
        {"size_bytes", "BIGINT"},
        {"line_count", "INTEGER"},
        {"content_hash", "VARCHAR"},
        {"status", "VARCHAR"}}},
      {"diagnostics",
       {{"file_id", "UBIGINT"},
        {"path", "VARCHAR"},
        {"layer", "VARCHAR"},
        {"severity", "VARCHAR"},
        {"code", "VARCHAR"},
        {"message", "VARCHAR"},
        {"bstart", "BIGINT"},
        {"bend", "BIGINT"}}},
      {"cpg_nodes",
       {{"node_id", "UBIGINT"},
        {"kind", "VARCHAR"},
        {"name", "VARCHAR"},
        {"qualname", "VARCHAR"},
        {"file_id", "UBIGINT"},
        {"path", "VARCHAR"},
        {"bstart", "BIGINT"},
        {"bend", "BIGINT"},
        {"start_line", "INTEGER"},
        {"start_col", "INTEGER"},
        {"end_line", "INTEGER"},
        {"end_col", "INTEGER"},
        {"evidence", "VARCHAR"}}},
      {"cpg_edges",
       {{"edge_id", "UBIGINT"},
        {"kind", "VARCHAR"},
        {"src", "UBIGINT"},
        {"dst", "UBIGINT"},
        {"file_id", "UBIGINT"},
        {"path", "VARCHAR"},
        {"bstart", "BIGINT"},
        {"bend", "BIGINT"},
        {"resolution", "VARCHAR"},
        {"confidence", "DOUBLE"},
        {"evidence", "VARCHAR"}}},
      {"cpg_props", {{"node_id", "UBIGINT"}, {"key", "VARCHAR"}, {"value", "VARCHAR"}}},
      {"run_tasks",
       {{"run_id", "VARCHAR"},
        {"task", "VARCHAR"},
        {"kind", "VARCHAR"},
        {"generation", "INTEGER"},
        {"inputs", "VARCHAR"},
        {"fingerprint", "VARCHAR"},
        {"cache_hit", "BOOLEAN"},
        {"rows_out", "BIGINT"},
        {"wall_ms", "DOUBLE"}}},
  };
  return tables;
}

/// Adds a violation from a query whose rows are examples and whose count is `count_sql`.
void sql_check(Connection& con, std::vector<CheckViolation>& out, const std::string& check,
               const std::string& count_sql, const std::string& examples_sql) {
  int64_t n = con.query_int(count_sql);
  if (n == 0) return;
  CheckViolation v{check, n, {}};
  QueryResult r = con.query(examples_sql + " LIMIT 5");
  for (size_t row = 0; row < r.row_count(); ++row) {
    std::string line;
    for (size_t c = 0; c < r.column_count(); ++c)
      line +=
          fmt::format("{}{}={}", c ? " " : "", r.column_name(c), r.value(row, c).value_or("NULL"));
    v.examples.push_back(line);
  }
  out.push_back(std::move(v));
}

void check_contracts(Connection& con, std::vector<CheckViolation>& out) {
  CheckViolation v{"contract", 0, {}};
  for (const auto& t : contracts()) {
    QueryResult cols = con.query(fmt::format(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{}'",
        t.table));
    std::map<std::string, std::string> have;
    for (size_t r = 0; r < cols.row_count(); ++r) have[*cols.value(r, 0)] = *cols.value(r, 1);
    if (have.empty()) {
      ++v.count;
      v.examples.push_back(fmt::format("table {} is missing", t.table));
      continue;
    }
    for (const auto& c : t.columns) {
      auto it = have.find(c.name);
      if (it == have.end() || it->second != c.type) {
        ++v.count;
        if (v.examples.size() < 5)
          v.examples.push_back(fmt::format("{}.{}: expected {}, found {}", t.table, c.name, c.type,
                                           it == have.end() ? "no column" : it->second));
      }
    }
  }
  if (v.count) out.push_back(std::move(v));
}

/// Tables with a file_id column, for the orphan check.
std::vector<std::string> tables_with_file_id(Connection& con) {
  QueryResult r = con.query(
      "SELECT table_name FROM information_schema.columns WHERE column_name = 'file_id' "
      "AND table_name <> 'repo_files' ORDER BY table_name");
  std::vector<std::string> out;
  for (size_t i = 0; i < r.row_count(); ++i) out.push_back(*r.value(i, 0));
  return out;
}

/// Checks start/end line and column of every node of every unchanged UTF-8 file against
/// the file's bytes.
void check_positions(Connection& con, std::vector<CheckViolation>& out, int64_t* skipped) {
  QueryResult root = con.query("SELECT value FROM run_info WHERE key = 'repo_root'");
  if (root.row_count() == 0 || !root.value(0, 0)) return;
  std::filesystem::path repo(*root.value(0, 0));
  QueryResult files = con.query(
      "SELECT file_id, path, content_hash FROM repo_files "
      "WHERE encoding IN ('utf-8', '') AND content_hash <> '' ORDER BY path");
  CheckViolation v{"positions", 0, {}};
  for (size_t f = 0; f < files.row_count(); ++f) {
    FileRead read = read_whole_file(repo / *files.value(f, 1), std::numeric_limits<int64_t>::max());
    const std::string& bytes = read.bytes;
    if (read.result != FileRead::Result::ok || content_hash(bytes) != *files.value(f, 2)) {
      if (skipped) ++*skipped;
      continue;
    }
    // Lines and columns are counted on the text after a UTF-8 BOM.
    size_t bom = bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    std::string_view text = std::string_view(bytes).substr(bom);
    LineIndex lines(text);
    QueryResult nodes = con.query(
        fmt::format("SELECT node_id, kind, bstart, bend, start_line, start_col, end_line, end_col "
                    "FROM cpg_nodes WHERE file_id = {} AND start_line IS NOT NULL",
                    *files.value(f, 0)));
    for (size_t n = 0; n < nodes.row_count(); ++n) {
      int64_t bstart = std::stoll(*nodes.value(n, 2)), bend = std::stoll(*nodes.value(n, 3));
      bool inside = bstart >= 0 && bstart <= bend && bend <= static_cast<int64_t>(bytes.size());
      bool where_claimed = false;
      if (inside) {
        auto text_offset = [&](int64_t b) {
          return static_cast<size_t>(std::max<int64_t>(b - static_cast<int64_t>(bom), 0));
        };
        LineCol s = lines.locate(text_offset(bstart));
        LineCol e = lines.locate(text_offset(bend));
        where_claimed = std::to_string(s.line) == *nodes.value(n, 4) &&
                        std::to_string(s.col) == *nodes.value(n, 5) &&
                        std::to_string(e.line) == *nodes.value(n, 6) &&
                        std::to_string(e.col) == *nodes.value(n, 7);
      }
      if (!inside || !where_claimed) {
        ++v.count;
        if (v.examples.size() < 5)
          v.examples.push_back(
              fmt::format("{} {} node {} [{}, {}) claims {}:{}-{}:{}", *files.value(f, 1),
                          *nodes.value(n, 1), *nodes.value(n, 0), bstart, bend, *nodes.value(n, 4),
                          *nodes.value(n, 5), *nodes.value(n, 6), *nodes.value(n, 7)));
      }
    }
  }
  if (v.count) out.push_back(std::move(v));
}

}  // namespace

std::vector<CheckViolation> check_graph(const std::filesystem::path& db_path,
                                        int64_t* files_not_rechecked) {
  Database db(db_path, graph_reader_options());
  Connection con(db);
  std::vector<CheckViolation> out;
  check_contracts(con, out);
  if (!out.empty()) return out;  // the other checks rely on the contract
  sql_check(con, out, "unique_node_ids",
            "SELECT count(*) FROM (SELECT node_id FROM cpg_nodes GROUP BY 1 HAVING count(*) > 1)",
            "SELECT node_id, count(*) AS copies FROM cpg_nodes GROUP BY 1 HAVING count(*) > 1");
  sql_check(con, out, "unique_edge_ids",
            "SELECT count(*) FROM (SELECT edge_id FROM cpg_edges GROUP BY 1 HAVING count(*) > 1)",
            "SELECT edge_id, count(*) AS copies FROM cpg_edges GROUP BY 1 HAVING count(*) > 1");
  const std::string dangling =
      "FROM cpg_edges e WHERE NOT EXISTS (SELECT 1 FROM cpg_nodes n WHERE n.node_id = e.src) "
      "OR NOT EXISTS (SELECT 1 FROM cpg_nodes n WHERE n.node_id = e.dst)";
  sql_check(con, out, "dangling_edges", "SELECT count(*) " + dangling,
            "SELECT e.kind, e.src, e.dst, e.path, e.bstart " + dangling);
  sql_check(
      con, out, "unknown_node_kinds",
      "SELECT count(*) FROM cpg_nodes WHERE kind NOT IN (SELECT kind FROM cpg_node_kinds)",
      "SELECT DISTINCT kind FROM cpg_nodes WHERE kind NOT IN (SELECT kind FROM cpg_node_kinds)");
  sql_check(
      con, out, "unknown_edge_kinds",
      "SELECT count(*) FROM cpg_edges WHERE kind NOT IN (SELECT kind FROM cpg_edge_kinds)",
      "SELECT DISTINCT kind FROM cpg_edges WHERE kind NOT IN (SELECT kind FROM cpg_edge_kinds)");
  const std::string spans =
      "FROM cpg_nodes n JOIN repo_files f ON f.file_id = n.file_id "
      "WHERE n.kind NOT IN ('PACKAGE') AND (n.bstart < 0 OR n.bend < n.bstart OR "
      "n.bend > f.size_bytes OR n.start_line < 1 OR n.end_line < n.start_line)";
  sql_check(con, out, "spans_outside_file", "SELECT count(*) " + spans,
            "SELECT n.kind, n.path, n.bstart, n.bend, f.size_bytes " + spans);
  const std::string edge_spans =
      "FROM cpg_edges e JOIN repo_files f ON f.file_id = e.file_id "
      "WHERE e.bstart < 0 OR e.bend < e.bstart OR e.bend > f.size_bytes";
  sql_check(con, out, "edge_sites_outside_file", "SELECT count(*) " + edge_spans,
            "SELECT e.kind, e.path, e.bstart, e.bend, f.size_bytes " + edge_spans);
  for (const std::string& table : tables_with_file_id(con)) {
    // Diagnostics about directories, ignore files and the whole program (file_id 0)
    // concern no source file.
    std::string exempt = table == "diagnostics" || table == "cpg_nodes"
                             ? " AND t.file_id <> 0 AND t.path NOT IN (SELECT path FROM "
                               "diagnostics WHERE code IN ('unreadable_directory', "
                               "'unreadable_gitignore'))"
                             : "";
    std::string orphans = fmt::format(
        "FROM {} t WHERE t.file_id IS NOT NULL{} AND NOT EXISTS "
        "(SELECT 1 FROM repo_files f WHERE f.file_id = t.file_id)",
        table, exempt);
    sql_check(con, out, "orphan_rows:" + table, "SELECT count(*) " + orphans,
              "SELECT t.file_id " + orphans);
  }
  check_positions(con, out, files_not_rechecked);
  return out;
}

}  // namespace ca
