// Tasks (views and native work) run as soon as what they read is done, several at once on
// their own connections, with the same tables as one at a time; the trace and run_tasks
// cover every task.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "pipeline/task_recorder.hpp"
#include "pipeline/task_scheduler.hpp"

namespace ca {
namespace {

Task view(std::string name, std::vector<std::string> in, std::string sql) {
  Task t;
  t.name = name;
  t.kind = TaskKind::View;
  t.inputs = std::move(in);
  t.outputs = {std::move(name)};
  t.sql = std::move(sql);
  return t;
}

TaskGraph graph() {
  Task base;
  base.name = "load_base";
  base.outputs = {"base"};
  return TaskGraph({base, view("a", {"base"}, "SELECT x, x * 2 AS y FROM base ORDER BY x"),
                    view("b", {"base"}, "SELECT sum(x) AS s FROM base"),
                    view("c", {"a", "b"}, "SELECT a.x + b.s AS z FROM a, b ORDER BY z"),
                    view("d", {"c"}, "SELECT count(*) AS n FROM c")});
}

std::string table_md5(Connection& con, const std::string& table) {
  return *con.query("SELECT md5(string_agg(t::VARCHAR, '|')) FROM " + table + " t").value(0, 0);
}

TEST(TaskScheduler, ParallelRunGivesTheSameTables) {
  std::map<std::string, std::string> first;
  for (int jobs : {1, 3}) {
    Database db("", DbOpenOptions{});
    Connection con(db);
    con.execute("CREATE TABLE base AS SELECT range AS x FROM range(1000)");
    TaskRecorder recorder;
    std::vector<std::string> done;
    std::mutex m;
    auto rows = run_graph_tasks(db, graph(), jobs, recorder, {}, [&](const Task& v, int64_t) {
      std::lock_guard lock(m);
      done.push_back(v.name);
    });
    EXPECT_EQ(rows, (std::map<std::string, int64_t>{{"a", 1000}, {"b", 1}, {"c", 1000}, {"d", 1}}));
    // c after a and b, d after c.
    auto at = [&](const std::string& v) {
      return std::find(done.begin(), done.end(), v) - done.begin();
    };
    EXPECT_GT(at("c"), at("a"));
    EXPECT_GT(at("c"), at("b"));
    EXPECT_GT(at("d"), at("c"));
    for (const char* t : {"a", "b", "c", "d"}) {
      std::string md5 = table_md5(con, t);
      if (jobs == 1)
        first[t] = md5;
      else
        EXPECT_EQ(first[t], md5) << t;
    }
  }
}

TEST(TaskScheduler, FailureNamesTheViewAndStopsItsReaders) {
  Database db("", DbOpenOptions{});
  Connection con(db);
  con.execute("CREATE TABLE base AS SELECT 1 AS x");
  TaskRecorder recorder;
  Task base;
  base.name = "load_base";
  base.outputs = {"base"};
  TaskGraph g({base, view("bad", {"base"}, "SELECT error('boom') AS e FROM base"),
               view("after", {"bad"}, "SELECT * FROM bad")});
  try {
    run_graph_tasks(db, g, 2, recorder);
    FAIL() << "no error";
  } catch (const DbError& e) {
    EXPECT_NE(std::string(e.what()).find("view bad failed"), std::string::npos) << e.what();
  }
  EXPECT_THROW(con.query("SELECT * FROM after"), DbError);
}

TEST(TaskScheduler, NativeTasksRunBesideViewsInDependencyOrder) {
  // load_base is native work on a worker's connection; the views wait for it; `first`
  // puts a ready task ahead of the rest; a task may date its start back.
  Task slow;
  slow.name = "slow";
  slow.outputs = {"mem:slow"};
  Task base;
  base.name = "load_base";
  base.inputs = {"mem:slow"};
  base.outputs = {"base"};
  Task other;
  other.name = "other";
  other.outputs = {"mem:other"};
  TaskGraph g({slow, base, other, view("a", {"base"}, "SELECT x FROM base ORDER BY x")});
  Database db("", DbOpenOptions{});
  Connection con(db);
  TaskRecorder recorder;
  std::vector<std::string> order;
  std::mutex m;
  auto note = [&](const std::string& name) {
    std::lock_guard lock(m);
    order.push_back(name);
  };
  const auto long_ago = TaskRecorder::Clock::now() - std::chrono::seconds(5);
  std::map<std::string, NativeWork> natives{
      {"slow",
       [&](Connection&, TaskRecorder::Clock::time_point& started) -> int64_t {
         note("slow");
         started = long_ago;
         return 0;
       }},
      {"load_base",
       [&](Connection& c, TaskRecorder::Clock::time_point&) -> int64_t {
         note("load_base");
         c.execute("CREATE TABLE base AS SELECT range AS x FROM range(10)");
         return 10;
       }},
      {"other", [&](Connection&, TaskRecorder::Clock::time_point&) -> int64_t {
         note("other");
         return 1;
       }}};
  auto rows = run_graph_tasks(db, g, 1, recorder, natives, {}, {"other"});
  EXPECT_EQ(order, (std::vector<std::string>{"other", "slow", "load_base"}));
  EXPECT_EQ(rows, (std::map<std::string, int64_t>{
                      {"a", 10}, {"load_base", 10}, {"other", 1}, {"slow", 0}}));
  EXPECT_GT(recorder.wall_ms("slow"), 4000.0);
  EXPECT_LT(recorder.wall_ms("other"), 4000.0);

  // A native task's failure is rethrown as it is, and what reads its output never runs.
  Database db2("", DbOpenOptions{});
  natives["slow"] = [](Connection&, TaskRecorder::Clock::time_point&) -> int64_t {
    throw std::runtime_error("slow broke");
  };
  order.clear();
  try {
    run_graph_tasks(db2, g, 2, recorder, natives);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "slow broke");
  }
  EXPECT_EQ(std::count(order.begin(), order.end(), "load_base"), 0);
}

TEST(TaskRecorder, RunTasksAndTraceCoverEveryTask) {
  TaskGraph g = graph();
  TaskRecorder recorder;
  auto t0 = TaskRecorder::Clock::now();
  recorder.task("load_base", t0, t0 + std::chrono::milliseconds(2), 10);
  recorder.task("a", t0, t0 + std::chrono::milliseconds(1), 5, 1);
  recorder.task("a", t0, t0 + std::chrono::milliseconds(1), 5, 1);
  recorder.span("extract worker 1", "extract", 1, t0, t0 + std::chrono::milliseconds(3));
  auto rows = recorder.run_tasks(g, "run1");
  ASSERT_EQ(rows.size(), g.tasks().size());
  EXPECT_EQ(rows[0].task, "load_base");
  EXPECT_EQ(rows[0].rows_out, 10);
  EXPECT_EQ(rows[1].task, "a");
  EXPECT_EQ(rows[1].rows_out, 10);
  EXPECT_EQ(rows[1].kind, "view");
  EXPECT_EQ(rows[1].inputs, "base");
  EXPECT_NEAR(rows[1].wall_ms, 2.0, 0.5);
  EXPECT_EQ(rows.back().task, "d");
  EXPECT_EQ(rows.back().generation, 3);

  auto trace = recorder.trace_json(&g);
  int complete = 0;
  for (const auto& e : trace["traceEvents"]) {
    if (e["ph"] != "X") continue;
    ++complete;
    EXPECT_TRUE(e.contains("ts") && e.contains("dur") && e.contains("tid"));
    if (e["name"] == "a") {
      EXPECT_EQ(e["cat"], "view");
    }
  }
  EXPECT_EQ(complete, 4);
  auto path = std::filesystem::temp_directory_path() / "ca_trace_test.json";
  recorder.write_trace(path, &g);
  std::ifstream in(path);
  EXPECT_EQ(nlohmann::json::parse(in), trace);
  std::filesystem::remove(path);
  EXPECT_THROW(recorder.write_trace("/nonexistent-dir/x.json", &g), std::runtime_error);
}

}  // namespace
}  // namespace ca
