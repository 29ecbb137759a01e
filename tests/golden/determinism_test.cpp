// Determinism: all golden cases built as one repository with 1 and with 4 workers must give
// identical tables (every table of the database, rows compared in sorted order).
#include <gtest/gtest.h>

#include <set>

#include "golden/case_repo.hpp"
#include "pipeline/build.hpp"
#include "store/duckdb_api.hpp"

namespace ca::golden {
namespace {

/// Tables of run metadata (timings, run ids) that legitimately differ between runs.
bool is_run_metadata(const std::string& table) {
  return table.starts_with("run_");
}

std::set<std::string> table_names(Connection& con) {
  auto r =
      con.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'");
  std::set<std::string> out;
  for (size_t i = 0; i < r.row_count(); ++i) out.insert(r.value(i, 0).value_or(""));
  return out;
}

std::string row_text(const QueryResult& r, size_t row) {
  std::string out;
  for (size_t c = 0; c < r.column_count(); ++c)
    out += (c ? " | " : "") + r.value(row, c).value_or("NULL");
  return out;
}

TEST(GoldenDeterminism, OneAndFourWorkersGiveIdenticalTables) {
  test::TempDir repo;
  for (const auto& file : list_cases()) {
    CaseFile c = load_case(file);
    ASSERT_TRUE(c.errors.empty()) << c.errors.front();
    write_case(c, repo, case_test_name(file));
  }
  test::TempDir out1;
  test::TempDir out4;
  // The evidence tables kept, so that they are compared too.
  BuildOptions options1{repo.path(), out1.path(), 1};
  BuildOptions options4{repo.path(), out4.path(), 4};
  options1.keep_evidence = options4.keep_evidence = true;
  auto db1_path = build_graph(options1).database;
  auto db4_path = build_graph(options4).database;

  Database db1(db1_path, DbOpenOptions{.read_only = true});
  Database db4(db4_path, DbOpenOptions{.read_only = true});
  Connection con1(db1);
  Connection con4(db4);
  auto tables = table_names(con1);
  ASSERT_EQ(tables, table_names(con4));
  ASSERT_TRUE(tables.count("cpg_nodes")) << "no cpg_nodes table";

  for (const auto& table : tables) {
    if (is_run_metadata(table)) continue;
    std::string sql = "SELECT * FROM \"" + table + "\" ORDER BY ALL";
    auto r1 = con1.query(sql);
    auto r4 = con4.query(sql);
    ASSERT_EQ(r1.row_count(), r4.row_count()) << "row count of " << table;
    for (size_t row = 0; row < r1.row_count(); ++row) {
      ASSERT_EQ(row_text(r1, row), row_text(r4, row)) << "table " << table << " row " << row;
    }
  }
}

}  // namespace
}  // namespace ca::golden
