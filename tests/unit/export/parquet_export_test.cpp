// export_parquet writes every table of a built graph, readable back with the same rows, in
// zstd-compressed files with only signed/portable column types; failures leave the output
// directory as it was.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "export/parquet_export.hpp"
#include "pipeline/build.hpp"
#include "store/duckdb_api.hpp"
#include "support/test_support.hpp"

namespace ca {
namespace {

namespace fs = std::filesystem;

TEST(PortableColumn, UnsignedIdsKeepTheirBits) {
  ParquetColumn c = portable_column("node_id", "UBIGINT");
  EXPECT_EQ(c.parquet_type, "BIGINT");
  // Evaluate the expression on the edge values, and its inverse gives the value back.
  Database db("", DbOpenOptions{});
  Connection con(db);
  QueryResult r = con.query(
      fmt::format("SELECT {} FROM (VALUES (0::UBIGINT), (9223372036854775807::UBIGINT), "
                  "(9223372036854775808::UBIGINT), (18446744073709551615::UBIGINT)) t(node_id)",
                  c.expression));
  ASSERT_EQ(r.row_count(), 4u);
  EXPECT_EQ(r.column_name(0), "node_id");
  EXPECT_EQ(r.column_type(0), "BIGINT");
  EXPECT_EQ(*r.value(0, 0), "0");
  EXPECT_EQ(*r.value(1, 0), "9223372036854775807");
  EXPECT_EQ(*r.value(2, 0), "-9223372036854775808");
  EXPECT_EQ(*r.value(3, 0), "-1");
}

TEST(PortableColumn, TypeMapping) {
  EXPECT_EQ(portable_column("a", "UINTEGER").parquet_type, "BIGINT");
  EXPECT_EQ(portable_column("a", "USMALLINT").parquet_type, "INTEGER");
  EXPECT_EQ(portable_column("a", "UTINYINT").parquet_type, "SMALLINT");
  EXPECT_EQ(portable_column("a", "TIMESTAMP_NS").parquet_type, "TIMESTAMP");
  for (const char* t : {"HUGEINT", "UHUGEINT", "UUID", "ENUM('a', 'b')", "INTERVAL", "TIME",
                        "TIME WITH TIME ZONE", "BIT", "UNION(a INTEGER, b VARCHAR)", "UBIGINT[]",
                        "STRUCT(a INTEGER, b HUGEINT)", "MAP(VARCHAR, UUID)", "\"NULL\""})
    EXPECT_EQ(portable_column("a", t).parquet_type, "VARCHAR") << t;
  for (const char* t : {"BIGINT", "INTEGER", "BOOLEAN", "DOUBLE", "VARCHAR", "BLOB", "DATE",
                        "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "DECIMAL(18,3)", "VARCHAR[]",
                        "INTEGER[]", "MAP(VARCHAR, VARCHAR)", "STRUCT(a BIGINT, b VARCHAR[])"}) {
    ParquetColumn c = portable_column("a", t);
    EXPECT_EQ(c.parquet_type, t);
    EXPECT_EQ(c.expression, "\"a\"") << t;
  }
  EXPECT_EQ(portable_column("we\"ird", "UINTEGER").expression,
            "CAST(\"we\"\"ird\" AS BIGINT) AS \"we\"\"ird\"");
}

class ParquetExport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    repo_ = new test::TempDir();
    out_ = new test::TempDir();
    repo_->write("app/__init__.py", "");
    repo_->write("app/models.py",
                 "class Base:\n    def save(self):\n        return helper()\n\n\n"
                 "class User(Base):\n    pass\n\n\ndef helper():\n    return len('x')\n");
    repo_->write("app/views.py",
                 "import os\nfrom app.models import User\n\n\n"
                 "def show():\n    User().save()\n    return os.getcwd()\n");
    repo_->write("broken.py", "def broken(:\n    pass\n");
    BuildOptions options;
    options.repo = repo_->path();
    options.output_dir = out_->path() / "graph";
    options.jobs = 2;
    options.keep_evidence = true;  // every table of the file is exported, evidence too
    db_ = new fs::path(build_graph(options).database);
    tables_ = new std::vector<ParquetTable>(export_parquet(*db_, out_->path() / "pq"));
  }
  static void TearDownTestSuite() {
    delete tables_;
    delete db_;
    delete out_;
    delete repo_;
  }

  static inline test::TempDir* repo_ = nullptr;
  static inline test::TempDir* out_ = nullptr;
  static inline fs::path* db_ = nullptr;
  static inline std::vector<ParquetTable>* tables_ = nullptr;
};

/// An in-memory database with the built graph attached as `src`.
struct Reader {
  explicit Reader(const fs::path& graph) : db("", DbOpenOptions{}), con(db) {
    con.execute(fmt::format("ATTACH {} AS src (READ_ONLY)", sql_quote(graph.string())));
  }
  Database db;
  Connection con;
};

TEST_F(ParquetExport, EveryTableIsWritten) {
  Reader reader(*db_);
  QueryResult names = reader.con.query(
      "SELECT table_name FROM duckdb_tables() WHERE database_name = 'src' ORDER BY 1");
  std::set<std::string> expected, written;
  for (size_t r = 0; r < names.row_count(); ++r) expected.insert(*names.value(r, 0));
  for (const ParquetTable& t : *tables_) {
    written.insert(t.table);
    EXPECT_EQ(t.file, out_->path() / "pq" / (t.table + ".parquet"));
    EXPECT_TRUE(fs::is_regular_file(t.file)) << t.file;
  }
  EXPECT_EQ(written, expected);
  for (const char* table : {"cpg_nodes", "cpg_edges", "cpg_props", "repo_files", "repo_packages",
                            "diagnostics", "ts_defs", "ts_calls", "res_calls", "res_imports",
                            "sem_scope_nodes", "run_tasks", "run_info"})
    EXPECT_TRUE(written.count(table)) << table;
  // Only the final files remain: the staging directory is gone.
  for (const auto& entry : fs::directory_iterator(out_->path() / "pq"))
    EXPECT_EQ(entry.path().extension(), ".parquet") << entry.path();
}

TEST_F(ParquetExport, SameRowsAsTheDatabase) {
  Reader reader(*db_);
  for (const ParquetTable& t : *tables_) {
    // Undo the UBIGINT -> BIGINT mapping independently of the export's expression.
    std::string back;
    for (const ParquetColumn& c : t.columns) {
      if (!back.empty()) back += ", ";
      if (c.source_type == "UBIGINT")
        back += fmt::format(
            "CAST(CAST(\"{0}\" AS HUGEINT) + CASE WHEN \"{0}\" < 0 THEN "
            "CAST('18446744073709551616' AS HUGEINT) ELSE 0 END AS UBIGINT) AS \"{0}\"",
            c.name);
      else
        back += fmt::format("\"{}\"", c.name);
    }
    std::string parquet =
        fmt::format("(SELECT {} FROM read_parquet({}))", back, sql_quote(t.file.string()));
    std::string source = fmt::format("(SELECT * FROM src.\"{}\")", t.table);
    int64_t rows = reader.con.query_int("SELECT count(*) FROM " + source);
    EXPECT_EQ(t.rows, rows) << t.table;
    EXPECT_EQ(reader.con.query_int("SELECT count(*) FROM " + parquet), rows) << t.table;
    EXPECT_EQ(reader.con.query_int(
                  fmt::format("SELECT count(*) FROM ({} EXCEPT ALL {})", source, parquet)),
              0)
        << t.table;
    EXPECT_EQ(reader.con.query_int(
                  fmt::format("SELECT count(*) FROM ({} EXCEPT ALL {})", parquet, source)),
              0)
        << t.table;
  }
  // The fixture has rows in the main tables (so the comparisons above compare something).
  for (const ParquetTable& t : *tables_) {
    if (t.table == "cpg_nodes" || t.table == "cpg_edges" || t.table == "diagnostics") {
      EXPECT_GT(t.rows, 0) << t.table;
    }
  }
}

TEST_F(ParquetExport, IdsBeyondSignedRangeStillJoin) {
  Reader reader(*db_);
  fs::path dir = out_->path() / "pq";
  // Hash ids fill the whole 64-bit range: some are >= 2^63 and become negative.
  EXPECT_GT(reader.con.query_int("SELECT count(*) FROM src.cpg_nodes "
                                 "WHERE node_id >= 9223372036854775808::UBIGINT"),
            0);
  EXPECT_GT(
      reader.con.query_int(fmt::format("SELECT count(*) FROM read_parquet({}) WHERE node_id < 0",
                                       sql_quote((dir / "cpg_nodes.parquet").string()))),
      0);
  auto joined = [&](const std::string& edges, const std::string& nodes) {
    return reader.con.query_int(fmt::format(
        "SELECT count(*) FROM {} e JOIN {} s ON s.node_id = e.src JOIN {} d ON d.node_id = e.dst",
        edges, nodes, nodes));
  };
  EXPECT_EQ(
      joined(fmt::format("read_parquet({})", sql_quote((dir / "cpg_edges.parquet").string())),
             fmt::format("read_parquet({})", sql_quote((dir / "cpg_nodes.parquet").string()))),
      joined("src.cpg_edges", "src.cpg_nodes"));
}

TEST_F(ParquetExport, ZstdAndPortableTypes) {
  Reader reader(*db_);
  std::string glob = sql_quote((out_->path() / "pq" / "*.parquet").string());
  QueryResult codecs =
      reader.con.query(fmt::format("SELECT DISTINCT compression FROM parquet_metadata({})", glob));
  ASSERT_EQ(codecs.row_count(), 1u);
  EXPECT_EQ(*codecs.value(0, 0), "ZSTD");
  // No unsigned or 128-bit integers in any file's schema, as Parquet records it...
  QueryResult bad = reader.con.query(fmt::format(
      "SELECT file_name, name, type, converted_type, logical_type FROM parquet_schema({}) "
      "WHERE converted_type LIKE 'UINT%' OR logical_type ILIKE '%isSigned=0%' "
      "OR logical_type ILIKE '%isSigned=false%' OR type = 'FIXED_LEN_BYTE_ARRAY' "
      "OR converted_type IN ('INTERVAL', 'ENUM') OR logical_type ILIKE '%UUID%'",
      glob));
  for (size_t r = 0; r < bad.row_count(); ++r)
    ADD_FAILURE() << *bad.value(r, 0) << ": " << bad.value(r, 1).value_or("") << " "
                  << bad.value(r, 2).value_or("") << " " << bad.value(r, 3).value_or("");
  // ... nor as DuckDB reads it back.
  for (const ParquetTable& t : *tables_) {
    QueryResult cols = reader.con.query(
        fmt::format("DESCRIBE SELECT * FROM read_parquet({})", sql_quote(t.file.string())));
    for (size_t r = 0; r < cols.row_count(); ++r) {
      const std::string& type = *cols.value(r, 1);
      EXPECT_THAT(type, ::testing::Not(::testing::AnyOf(
                            ::testing::HasSubstr("UBIGINT"), ::testing::HasSubstr("UINTEGER"),
                            ::testing::HasSubstr("HUGEINT"), ::testing::HasSubstr("UUID"))))
          << t.table << "." << *cols.value(r, 0);
    }
  }
  // The ids in particular are plain signed 64-bit integers.
  QueryResult id = reader.con.query(
      fmt::format("SELECT type, converted_type FROM parquet_schema({}) WHERE name = 'node_id'",
                  sql_quote((out_->path() / "pq" / "cpg_nodes.parquet").string())));
  ASSERT_EQ(id.row_count(), 1u);
  EXPECT_EQ(*id.value(0, 0), "INT64");
}

TEST_F(ParquetExport, UnusableOutputDirectoryNamesThePath) {
  test::TempDir dir;
  fs::path blocker = dir.write("blocker", "a file, not a directory");
  try {
    export_parquet(*db_, blocker / "sub");
    FAIL() << "expected ExportOutputError";
  } catch (const ExportOutputError& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr((blocker / "sub").string()));
  }
  EXPECT_THROW(export_parquet(*db_, blocker), ExportOutputError);
}

TEST_F(ParquetExport, FailureLeavesTheOutputAsItWas) {
  // A copy of the graph with one more table, whose final name is taken by a directory.
  test::TempDir dir;
  fs::path copy = dir.path() / "copy.duckdb";
  fs::copy_file(*db_, copy);
  {
    Database db(copy, DbOpenOptions{});
    Connection con(db);
    con.execute("CREATE TABLE zzz AS SELECT 42::UBIGINT AS x");
  }
  fs::path out = dir.path() / "out";
  fs::create_directories(out / "zzz.parquet");
  dir.write("out/cpg_nodes.parquet", "old");
  EXPECT_THROW(export_parquet(copy, out), ExportOutputError);
  EXPECT_EQ(test::read_file(out / "cpg_nodes.parquet"), "old");
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(out))
    left.push_back(entry.path().filename().string());
  EXPECT_THAT(left, ::testing::UnorderedElementsAre("cpg_nodes.parquet", "zzz.parquet"));

  // Without the obstacle the same export succeeds and replaces the old file.
  fs::remove(out / "zzz.parquet");
  std::vector<ParquetTable> tables = export_parquet(copy, out);
  EXPECT_EQ(tables.back().table, "zzz");
  EXPECT_NE(test::read_file(out / "cpg_nodes.parquet"), "old");
}

}  // namespace
}  // namespace ca
