// The store: schemas from row structs, appending, the id functions agreeing with C++,
// result rendering, and the read-only query surface.
#include <gtest/gtest.h>

#include "core/ids.hpp"
#include "store/read_query.hpp"
#include "store/result_format.hpp"
#include "store/schema.hpp"
#include "store/udfs.hpp"
#include "support/test_support.hpp"

namespace ca {
namespace {

TEST(Schema, CreateTableFromRow) {
  EXPECT_EQ(create_table_sql<KindRow>("k"), "CREATE TABLE k (kind VARCHAR, description VARCHAR)");
  std::string sql = create_table_sql<ParamRow>("ts_params");
  EXPECT_NE(sql.find("node_id UBIGINT"), std::string::npos);
  EXPECT_NE(sql.find("position INTEGER"), std::string::npos);
  EXPECT_NE(sql.find("default_bstart BIGINT"), std::string::npos);
}

TEST(Schema, AppendRoundTripsValuesAndNulls) {
  Database db("", DbOpenOptions{});
  Connection con(db);
  con.execute(create_table_sql<ImportRow>("ts_imports"));
  ImportRow row;
  row.file_id = 18446744073709551615ull;  // UBIGINT max survives
  row.module = "a.b";
  row.level = 2;
  row.name = "x";
  row.alias = std::nullopt;
  Appender appender(con, "ts_imports");
  append_row(appender, row);
  appender.close();
  QueryResult r = con.query("SELECT file_id, module, level, name, alias FROM ts_imports");
  ASSERT_EQ(r.row_count(), 1u);
  EXPECT_EQ(r.value(0, 0), "18446744073709551615");
  EXPECT_EQ(r.value(0, 1), "a.b");
  EXPECT_EQ(r.value(0, 2), "2");
  EXPECT_EQ(r.value(0, 3), "x");
  EXPECT_FALSE(r.value(0, 4).has_value());
}

TEST(Udfs, AgreeWithTheCppIds) {
  Database db("", DbOpenOptions{});
  Connection con(db);
  register_id_functions(con);
  QueryResult r = con.query(
      "SELECT ca_node_id('p/m.py', 'FUNCTION', 3, 99, ''), ca_edge_id('CALLS', 5, 7, 11),"
      " ca_node_id(NULL, 'X', 0, 0, '')");
  EXPECT_EQ(r.value(0, 0), std::to_string(node_id_for("p/m.py", NodeKind::Function, 3, 99)));
  EXPECT_EQ(r.value(0, 1), std::to_string(edge_id_for("CALLS", 5, 7, 11)));
  EXPECT_FALSE(r.value(0, 2).has_value());
}

class ReadOnlyQuery : public ::testing::Test {
 protected:
  void SetUp() override {
    db_path_ = dir_.path() / "g.duckdb";
    Database db(db_path_, DbOpenOptions{});
    Connection con(db);
    con.execute(
        "CREATE TABLE t (a INTEGER, b VARCHAR); INSERT INTO t VALUES (1, 'x,y'), (2, NULL)");
  }
  test::TempDir dir_;
  std::filesystem::path db_path_;
};

TEST_F(ReadOnlyQuery, SelectWorks) {
  QueryResult r = run_read_only_query(db_path_, "SELECT a, b FROM t ORDER BY a");
  EXPECT_EQ(r.row_count(), 2u);
  EXPECT_EQ(format_result(r, ResultFormat::Csv), "a,b\r\n1,\"x,y\"\r\n2,\r\n");
  EXPECT_EQ(format_result(r, ResultFormat::Json),
            "[\n  {\n    \"a\": 1,\n    \"b\": \"x,y\"\n  },\n  {\n    \"a\": 2,\n    \"b\": "
            "null\n  }\n]\n");
  EXPECT_EQ(format_result(r, ResultFormat::Table),
            "a | b\n--+-----\n1 | x,y\n2 | NULL\n(2 rows)\n");
}

TEST_F(ReadOnlyQuery, RefusesWrites) {
  EXPECT_THROW(run_read_only_query(db_path_, "DELETE FROM t"), QueryRejected);
  EXPECT_THROW(run_read_only_query(db_path_, "CREATE TABLE u (x INT)"), QueryRejected);
  EXPECT_THROW(run_read_only_query(db_path_, "SELECT 1; SELECT 2"), QueryRejected);
  EXPECT_ANY_THROW(run_read_only_query(db_path_, "COPY t TO '/tmp/ca-leak.csv'"));
  EXPECT_ANY_THROW(run_read_only_query(db_path_, "SELECT * FROM read_csv('/etc/passwd')"));
  EXPECT_THROW(run_read_only_query(db_path_, "SELEC 1"), DbError);
  EXPECT_EQ(run_read_only_query(db_path_, "SELECT count(*) FROM t").value(0, 0), "2");
}

TEST(LocateDatabase, FindsFileDirAndRepo) {
  test::TempDir dir;
  EXPECT_THROW(locate_database(dir.path()), std::runtime_error);
  dir.write(".codeanatomy/cpg.duckdb", "");
  EXPECT_EQ(locate_database(dir.path()), dir.path() / ".codeanatomy" / "cpg.duckdb");
  dir.write("cpg.duckdb", "");
  EXPECT_EQ(locate_database(dir.path()), dir.path() / "cpg.duckdb");
  EXPECT_EQ(locate_database(dir.path() / "cpg.duckdb"), dir.path() / "cpg.duckdb");
}

}  // namespace
}  // namespace ca
