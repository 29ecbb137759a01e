// Column lineage from DuckDB's parse: aliases, joins, CTEs, subqueries and stars resolve to
// base columns; unknown and ambiguous columns are refused naming the view.
#include <gtest/gtest.h>

#include "semantic/view_lineage.hpp"

namespace ca {
namespace {

class ViewLineageTest : public ::testing::Test {
 protected:
  ViewLineageTest() : db_("", DbOpenOptions{}), con_(db_) {}

  ViewLineage lineage(const std::string& sql) {
    return infer_view_lineage(con_, {"v", sql}, catalog_);
  }
  /// The columns read from `table`, "*" first when the table is read whole.
  std::vector<std::string> read(const ViewLineage& l, const std::string& table) {
    for (const auto& r : l.inputs) {
      if (r.table != table) continue;
      std::vector<std::string> out;
      if (r.all_columns) out.push_back("*");
      out.insert(out.end(), r.columns.begin(), r.columns.end());
      return out;
    }
    ADD_FAILURE() << "no input " << table;
    return {};
  }
  std::string error(const std::string& sql) {
    try {
      lineage(sql);
    } catch (const ViewError& e) {
      return e.what();
    }
    return "no error";
  }

  Database db_;
  Connection con_;
  TableColumns catalog_{{"files", {"file_id", "path", "size"}},
                        {"defs", {"node_id", "file_id", "name", "kind", "scope_id"}},
                        {"scopes", {"scope_id", "parent_id", "kind"}}};
};

using Cols = std::vector<std::string>;

TEST_F(ViewLineageTest, AliasesAndJoinsResolveToTheirTables) {
  auto l = lineage(
      "SELECT d.name, f.path FROM defs d JOIN files f ON f.file_id = d.file_id "
      "WHERE d.kind = 'FUNCTION'");
  ASSERT_EQ(l.inputs.size(), 2u);
  EXPECT_EQ(read(l, "defs"), (Cols{"file_id", "kind", "name"}));
  EXPECT_EQ(read(l, "files"), (Cols{"file_id", "path"}));
  EXPECT_EQ(l.output_columns, (Cols{"name", "path"}));
}

TEST_F(ViewLineageTest, UnqualifiedColumnsResolveAgainstTheCatalog) {
  // path and size are only in files, name only in defs; file_id is merged by USING.
  auto l = lineage("SELECT name, path, size AS bytes FROM defs JOIN files USING (file_id)");
  EXPECT_EQ(read(l, "defs"), (Cols{"file_id", "name"}));
  EXPECT_EQ(read(l, "files"), (Cols{"file_id", "path", "size"}));
  EXPECT_EQ(l.output_columns, (Cols{"name", "path", "bytes"}));
}

TEST_F(ViewLineageTest, CteColumnsMapThroughToBaseTables) {
  auto l = lineage(
      "WITH fn AS (SELECT d.node_id AS id, d.file_id FROM defs d WHERE d.kind = 'FUNCTION') "
      "SELECT fn.id, f.path FROM fn JOIN files f ON f.file_id = fn.file_id");
  EXPECT_EQ(read(l, "defs"), (Cols{"file_id", "kind", "node_id"}));
  EXPECT_EQ(read(l, "files"), (Cols{"file_id", "path"}));
  EXPECT_EQ(l.output_columns, (Cols{"id", "path"}));
}

TEST_F(ViewLineageTest, RecursiveCteWithColumnAliases) {
  auto l = lineage(
      "WITH RECURSIVE up(id, parent) AS (SELECT scope_id, parent_id FROM scopes "
      "UNION ALL SELECT up.id, s.parent_id FROM up JOIN scopes s ON s.scope_id = up.parent) "
      "SELECT id FROM up");
  EXPECT_EQ(read(l, "scopes"), (Cols{"parent_id", "scope_id"}));
  EXPECT_EQ(l.output_columns, (Cols{"id"}));
}

TEST_F(ViewLineageTest, SubqueriesInFromWhereAndSelect) {
  auto l = lineage(
      "SELECT x.n, (SELECT max(size) FROM files) AS biggest FROM "
      "(SELECT name AS n, scope_id FROM defs) x "
      "WHERE EXISTS (SELECT 1 FROM scopes s WHERE s.scope_id = x.scope_id AND s.kind = 'class')");
  EXPECT_EQ(read(l, "defs"), (Cols{"name", "scope_id"}));
  EXPECT_EQ(read(l, "files"), (Cols{"size"}));
  EXPECT_EQ(read(l, "scopes"), (Cols{"kind", "scope_id"}));
  EXPECT_EQ(l.output_columns, (Cols{"n", "biggest"}));
}

TEST_F(ViewLineageTest, StarReadsAllColumns) {
  auto l = lineage("SELECT * FROM files");
  EXPECT_EQ(read(l, "files"), (Cols{"*"}));
  EXPECT_EQ(l.output_columns, (Cols{"file_id", "path", "size"}));
  l = lineage("SELECT f.*, d.name FROM files f JOIN defs d ON d.file_id = f.file_id");
  EXPECT_EQ(read(l, "files"), (Cols{"*"}));
  EXPECT_EQ(read(l, "defs"), (Cols{"file_id", "name"}));
  // A star over a CTE reads all the CTE's columns, mapped to their sources.
  l = lineage("WITH c AS (SELECT path FROM files) SELECT * FROM c");
  EXPECT_EQ(read(l, "files"), (Cols{"path"}));
  l = lineage("SELECT * EXCLUDE (size) FROM files");
  EXPECT_EQ(l.output_columns, (Cols{"file_id", "path"}));
}

TEST_F(ViewLineageTest, WindowsOrderByAndSelectAliases) {
  auto l = lineage(
      "SELECT name, row_number() OVER (PARTITION BY file_id ORDER BY node_id) AS nth "
      "FROM defs QUALIFY nth = 1 ORDER BY name");
  EXPECT_EQ(read(l, "defs"), (Cols{"file_id", "name", "node_id"}));
  // ORDER BY on a union names its output columns.
  l = lineage("SELECT path AS p FROM files UNION ALL SELECT name FROM defs ORDER BY p");
  EXPECT_EQ(read(l, "files"), (Cols{"path"}));
  EXPECT_EQ(read(l, "defs"), (Cols{"name"}));
}

TEST_F(ViewLineageTest, LambdaParametersAreNotColumns) {
  auto l = lineage("SELECT list_transform([1, 2], x -> x + size) FROM files");
  EXPECT_EQ(read(l, "files"), (Cols{"size"}));
}

TEST_F(ViewLineageTest, TableOnlyCountedStillAnInput) {
  auto l = lineage("SELECT count(*) AS n FROM files");
  ASSERT_EQ(l.inputs.size(), 1u);
  EXPECT_EQ(l.inputs[0].table, "files");
  EXPECT_TRUE(l.inputs[0].columns.empty());
  EXPECT_FALSE(l.inputs[0].all_columns);
}

TEST_F(ViewLineageTest, UnknownColumnIsRefusedNamingTheView) {
  std::string e = error("SELECT nope FROM files");
  EXPECT_NE(e.find("view v"), std::string::npos) << e;
  EXPECT_NE(e.find("nope"), std::string::npos) << e;
  e = error("SELECT f.nope FROM files f");
  EXPECT_NE(e.find("files has no column nope"), std::string::npos) << e;
  e = error("WITH c AS (SELECT path FROM files) SELECT c.size FROM c");
  EXPECT_NE(e.find("size"), std::string::npos) << e;
  e = error("SELECT 1 FROM nowhere");
  EXPECT_NE(e.find("nowhere"), std::string::npos) << e;
}

TEST_F(ViewLineageTest, AmbiguousColumnIsRefusedNamingBothTables) {
  std::string e = error("SELECT file_id FROM defs d JOIN files f ON f.file_id = d.file_id");
  EXPECT_NE(e.find("view v"), std::string::npos) << e;
  EXPECT_NE(e.find("ambiguous"), std::string::npos) << e;
  EXPECT_NE(e.find("defs"), std::string::npos) << e;
  EXPECT_NE(e.find("files"), std::string::npos) << e;
  // Qualified, or merged by USING, it is not ambiguous.
  EXPECT_NO_THROW(lineage("SELECT file_id FROM defs JOIN files USING (file_id)"));
}

TEST_F(ViewLineageTest, CorrelatedSubqueryReadsOuterColumns) {
  auto l = lineage(
      "SELECT d.name FROM defs d WHERE d.scope_id IN "
      "(SELECT s.scope_id FROM scopes s WHERE s.kind = d.kind)");
  EXPECT_EQ(read(l, "defs"), (Cols{"kind", "name", "scope_id"}));
  EXPECT_EQ(read(l, "scopes"), (Cols{"kind", "scope_id"}));
}

TEST_F(ViewLineageTest, CatalogComesFromTheConnection) {
  con_.execute("CREATE TABLE t (a INTEGER, B VARCHAR)");
  TableColumns cat = catalog_columns(con_);
  EXPECT_EQ(cat["t"], (Cols{"a", "b"}));
}

TEST_F(ViewLineageTest, EmbeddedViewsParse) {
  // The embedded views read each other; planning them against the real schema is tested in
  // tests/unit/pipeline. Here: each parses as one SELECT.
  for (const auto& v : embedded_views()) EXPECT_NO_THROW(parse_view_sql(con_, v)) << v.name;
}

}  // namespace
}  // namespace ca
