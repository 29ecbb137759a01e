// check_graph finds nothing on a graph the pipeline builds, and names each kind of damage.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "diag/graph_checks.hpp"
#include "pipeline/build.hpp"
#include "store/duckdb_api.hpp"
#include "support/test_support.hpp"

namespace ca {
namespace {

class GraphChecks : public ::testing::Test {
 protected:
  void SetUp() override {
    repo_.write("pkg/__init__.py", "");
    repo_.write("pkg/a.py",
                "import os\n\ndef f(x, y=1):\n    return g(x)\n\ndef g(v):\n    return v\n");
    repo_.write("pkg/b.py", "# -*- coding: latin-1 -*-\nname = 'caf\xe9'\nprint(name)\n");
    repo_.write("bad.py", "def broken(:\n    pass\n");
    // With the evidence tables, whose rows the orphan check covers too.
    BuildOptions options{repo_.path(), out_.path(), 2};
    options.keep_evidence = true;
    db_ = build_graph(options).database;
  }

  /// Applies `sql` to the graph (read-write) and returns the names of the failing checks.
  std::vector<std::string> damage(const std::string& sql) {
    {
      Database db(db_, DbOpenOptions{});
      Connection con(db);
      con.execute(sql);
    }
    std::vector<std::string> names;
    for (const auto& v : check_graph(db_)) names.push_back(v.check);
    return names;
  }

  test::TempDir repo_;
  test::TempDir out_;
  std::filesystem::path db_;
};

using ::testing::Contains;

TEST_F(GraphChecks, CleanGraph) {
  int64_t skipped = 0;
  auto violations = check_graph(db_, &skipped);
  for (const auto& v : violations)
    ADD_FAILURE() << v.check << ": " << v.count << " " << (v.examples.empty() ? "" : v.examples[0]);
  EXPECT_EQ(skipped, 0);
}

TEST_F(GraphChecks, DuplicateNodeId) {
  EXPECT_THAT(damage("INSERT INTO cpg_nodes SELECT * FROM cpg_nodes LIMIT 1"),
              Contains("unique_node_ids"));
}

TEST_F(GraphChecks, DanglingEdge) {
  EXPECT_THAT(damage("UPDATE cpg_edges SET dst = 12345 WHERE kind = 'CONTAINS' AND rowid = "
                     "(SELECT min(rowid) FROM cpg_edges WHERE kind = 'CONTAINS')"),
              Contains("dangling_edges"));
}

TEST_F(GraphChecks, UnknownKind) {
  EXPECT_THAT(damage("UPDATE cpg_nodes SET kind = 'WIDGET' WHERE kind = 'CALL'"),
              Contains("unknown_node_kinds"));
}

TEST_F(GraphChecks, WrongLineClaim) {
  EXPECT_THAT(damage("UPDATE cpg_nodes SET start_line = start_line + 1 WHERE kind = 'FUNCTION' "
                     "AND name = 'g'"),
              Contains("positions"));
}

TEST_F(GraphChecks, SpanOutsideFile) {
  EXPECT_THAT(damage("UPDATE cpg_nodes SET bend = 1000000 WHERE kind = 'FUNCTION' AND name = 'f'"),
              Contains("spans_outside_file"));
}

TEST_F(GraphChecks, OrphanRows) {
  EXPECT_THAT(damage("DELETE FROM repo_files WHERE path = 'pkg/a.py'"),
              Contains("orphan_rows:ts_defs"));
}

TEST_F(GraphChecks, ContractViolation) {
  EXPECT_THAT(damage("ALTER TABLE cpg_props DROP COLUMN value"), Contains("contract"));
}

}  // namespace
}  // namespace ca
