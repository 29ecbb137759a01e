// The task DAG: generations, and refusal of unknown inputs, double owners and cycles with
// the tasks involved named; the build's own DAG with the views' inferred columns.
#include <gtest/gtest.h>

#include <algorithm>

#include "pipeline/build_tasks.hpp"
#include "pipeline/task_graph.hpp"

namespace ca {
namespace {

Task make(std::string name, std::vector<std::string> in, std::vector<std::string> out,
          TaskKind kind = TaskKind::Native) {
  Task t;
  t.name = std::move(name);
  t.kind = kind;
  t.inputs = std::move(in);
  t.outputs = std::move(out);
  return t;
}

std::string error_of(std::vector<Task> tasks) {
  try {
    TaskGraph g(std::move(tasks));
  } catch (const TaskGraphError& e) {
    return e.what();
  }
  return "no error";
}

TEST(TaskGraph, GenerationsFollowLongestPath) {
  TaskGraph g({make("c", {"b", "a"}, {"c"}), make("b", {"a"}, {"b"}), make("a", {}, {"a"}),
               make("d", {"a"}, {"d"}), make("src", {}, {"s"})});
  std::vector<std::pair<std::string, int>> order;
  for (const auto& t : g.tasks()) order.emplace_back(t.name, t.generation);
  EXPECT_EQ(order, (std::vector<std::pair<std::string, int>>{
                       {"a", 0}, {"src", 0}, {"b", 1}, {"d", 1}, {"c", 2}}));
  EXPECT_EQ(g.generation_count(), 3);
  const size_t c = 4;
  ASSERT_EQ(g.tasks()[c].name, "c");
  EXPECT_EQ(g.dependencies(c), (std::vector<size_t>{0, 2}));
  EXPECT_EQ(g.producer("d"), 3);
  EXPECT_EQ(g.producer("nothing"), -1);
}

TEST(TaskGraph, UnknownInputNamesTaskAndTable) {
  std::string e = error_of({make("a", {}, {"a"}), make("v", {"a", "nowhere"}, {"v"})});
  EXPECT_NE(e.find("task v reads nowhere"), std::string::npos) << e;
}

TEST(TaskGraph, DoubleOwnerNamesBothTasks) {
  std::string e = error_of({make("load_t", {}, {"t"}), make("view_t", {}, {"t"})});
  EXPECT_NE(e.find("load_t and view_t both write t"), std::string::npos) << e;
  e = error_of({make("x", {}, {"a"}), make("x", {}, {"b"})});
  EXPECT_NE(e.find("two tasks are called x"), std::string::npos) << e;
}

TEST(TaskGraph, CycleListsTheTasksOnIt) {
  std::string e =
      error_of({make("base", {}, {"base"}), make("v", {"w", "base"}, {"v"}),
                make("w", {"u"}, {"w"}), make("u", {"v"}, {"u"}), make("after", {"v"}, {"after"})});
  EXPECT_NE(e.find("cycle"), std::string::npos) << e;
  for (const char* name : {"u", "v", "w"})
    EXPECT_NE(e.find(std::string(name) + " -> "), std::string::npos) << e;
  EXPECT_EQ(e.find("base"), std::string::npos) << e;
  EXPECT_EQ(e.find("after"), std::string::npos) << e;
  e = error_of({make("self", {"self"}, {"self"})});
  EXPECT_NE(e.find("self -> self"), std::string::npos) << e;
}

TEST(TaskGraph, FingerprintsFollowDefinitionsInputsAndData) {
  auto graph = [](std::string sql) {
    Task v = make("v", {"t"}, {"v"}, TaskKind::View);
    v.sql = std::move(sql);
    return TaskGraph({make("load_t", {}, {"t"}), v, make("other", {}, {"o"})});
  };
  auto base = fingerprint_tasks(graph("SELECT 1"), {{"load_t", "data1"}});
  EXPECT_EQ(base.size(), 3u);
  EXPECT_EQ(base.at("v").size(), 32u);
  EXPECT_EQ(base, fingerprint_tasks(graph("SELECT 1"), {{"load_t", "data1"}}));
  // New data upstream changes the reader, not the unrelated task.
  auto data = fingerprint_tasks(graph("SELECT 1"), {{"load_t", "data2"}});
  EXPECT_NE(data.at("load_t"), base.at("load_t"));
  EXPECT_NE(data.at("v"), base.at("v"));
  EXPECT_EQ(data.at("other"), base.at("other"));
  // A changed definition changes only that task.
  auto sql = fingerprint_tasks(graph("SELECT 2"), {{"load_t", "data1"}});
  EXPECT_NE(sql.at("v"), base.at("v"));
  EXPECT_EQ(sql.at("load_t"), base.at("load_t"));
}

class BuildPlan : public ::testing::Test {
 protected:
  BuildPlan() : db_("", DbOpenOptions{}), con_(db_) { create_native_tables(con_); }
  Database db_;
  Connection con_;
};

TEST_F(BuildPlan, EmbeddedViewsPlanWithColumns) {
  TaskGraph g = plan_build(con_, embedded_views());
  const Task* scan = g.find("scan");
  const Task* nodes = g.find("cpg_nodes");
  const Task* props = g.find("cpg_props");
  const Task* decorators = g.find("sem_decorator_targets");
  const Task* publish = g.find("publish");
  ASSERT_TRUE(scan && nodes && props && decorators && publish);
  EXPECT_EQ(scan->generation, 0);
  EXPECT_EQ(publish->generation, g.generation_count() - 1);
  EXPECT_LT(decorators->generation, props->generation);
  // cpg_props reads ts_params.position and param_kind, the decorations' ids and positions,
  // and neither cpg_nodes nor cpg_edges (it makes their ids itself).
  auto read = [](const Task* t, const std::string& table) {
    for (const auto& r : t->columns)
      if (r.table == table) return r.columns;
    return std::vector<std::string>{"<not an input>"};
  };
  auto params = read(props, "ts_params");
  for (const char* c : {"node_id", "param_kind", "position"})
    EXPECT_NE(std::find(params.begin(), params.end(), c), params.end()) << c;
  EXPECT_EQ(read(props, "sem_decorator_targets"),
            (std::vector<std::string>{"bstart", "decorated_id", "decorator_id", "position"}));
  EXPECT_EQ(read(props, "cpg_edges"), (std::vector<std::string>{"<not an input>"}));
  EXPECT_EQ(read(props, "cpg_nodes"), (std::vector<std::string>{"<not an input>"}));
  EXPECT_EQ(nodes->output_columns.front(), "node_id");
  // Every load task owns the one table it writes.
  for (const auto& t : g.tasks()) {
    if (t.name.rfind("load_", 0) == 0) {
      EXPECT_EQ(t.outputs, (std::vector<std::string>{t.name.substr(5)}));
    }
  }
}

TEST_F(BuildPlan, ViewWritingANativeTableIsADoubleOwner) {
  try {
    plan_build(con_, {{"ts_defs", "SELECT 1 AS x"}});
    FAIL() << "no error";
  } catch (const TaskGraphError& e) {
    EXPECT_NE(std::string(e.what()).find("load_ts_defs and ts_defs both write ts_defs"),
              std::string::npos)
        << e.what();
  }
}

TEST_F(BuildPlan, ViewsInACycleAreRefused) {
  EXPECT_THROW(plan_build(con_, {{"v1", "SELECT * FROM v2"}, {"v2", "SELECT * FROM v1"}}),
               TaskGraphError);
}

TEST_F(BuildPlan, UnknownColumnOfAnotherViewIsRefused) {
  EXPECT_THROW(plan_build(con_, {{"v1", "SELECT path FROM repo_files"},
                                 {"v2", "SELECT size_bytes FROM v1"}}),
               ViewError);
  EXPECT_NO_THROW(
      plan_build(con_, {{"v1", "SELECT path FROM repo_files"}, {"v2", "SELECT path FROM v1"}}));
}

}  // namespace
}  // namespace ca
