// Dependency-driven parallel execution of a build's tasks; see task_scheduler.hpp.
#include "pipeline/task_scheduler.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "core/parallel.hpp"

namespace ca {

std::map<std::string, int64_t> run_graph_tasks(
    Database& db, const TaskGraph& graph, int jobs, TaskRecorder& recorder,
    const std::map<std::string, NativeWork>& natives,
    const std::function<void(const Task& task, int64_t rows)>& on_done,
    const std::set<std::string>& first, const TablePlacement& placement) {
  const auto& tasks = graph.tasks();
  auto runs = [&](size_t i) {
    return tasks[i].kind == TaskKind::View || natives.count(tasks[i].name) != 0;
  };
  // Tasks still waiting: how many of the tasks they read from are not done yet.
  std::vector<size_t> waiting_on(tasks.size(), 0);
  std::vector<std::vector<size_t>> readers(tasks.size());
  for (size_t i = 0; i < tasks.size(); ++i)
    for (size_t d : graph.dependencies(i)) readers[d].push_back(i);
  // Height: the longest chain of tasks from i to the end of the graph. Readers come later in
  // graph order (higher generation), so one backward sweep computes it.
  std::vector<size_t> height(tasks.size(), 1);
  for (size_t i = tasks.size(); i-- > 0;)
    for (size_t r : readers[i]) height[i] = std::max(height[i], height[r] + 1);
  auto before = [&](size_t a, size_t b) {
    const bool fa = first.count(tasks[a].name) != 0, fb = first.count(tasks[b].name) != 0;
    if (fa != fb) return fa;
    return height[a] != height[b] ? height[a] > height[b] : a < b;
  };
  std::set<size_t, decltype(before)> ready(before);
  size_t remaining = 0;
  for (size_t i = 0; i < tasks.size(); ++i) {
    if (!runs(i)) continue;
    ++remaining;
    for (size_t d : graph.dependencies(i)) waiting_on[i] += runs(d) ? 1 : 0;
    if (waiting_on[i] == 0) ready.insert(i);
  }
  std::map<std::string, int64_t> rows_by_task;
  if (remaining == 0) return rows_by_task;

  std::mutex mutex;
  std::condition_variable changed;
  size_t running = 0;
  std::exception_ptr error;
  auto worker = [&](int w) {
    std::unique_ptr<Connection> con;
    try {
      con = std::make_unique<Connection>(db);
    } catch (...) {
      std::lock_guard lock(mutex);
      if (!error) error = std::current_exception();
      changed.notify_all();
      return;
    }
    std::unique_lock lock(mutex);
    for (;;) {
      changed.wait(lock, [&] { return error || remaining == 0 || !ready.empty(); });
      if (error || remaining == 0) return;
      size_t i = *ready.begin();
      ready.erase(ready.begin());
      ++running;
      lock.unlock();
      const Task& task = tasks[i];
      auto start = TaskRecorder::Clock::now();
      int64_t rows = 0;
      std::exception_ptr failed;
      if (task.kind == TaskKind::View) {
        try {
          con->execute(
              fmt::format("CREATE TABLE {} AS {}", placement.create_name(task.name), task.sql));
          rows = con->query_int(fmt::format("SELECT count(*) FROM {}", task.name));
        } catch (const std::exception& e) {
          failed = std::make_exception_ptr(
              DbError(fmt::format("view {} failed: {}", task.name, e.what())));
        }
      } else {
        try {
          rows = natives.at(task.name)(*con, start);
        } catch (...) {
          failed = std::current_exception();
        }
      }
      const auto end = TaskRecorder::Clock::now();
      if (!failed) {
        recorder.task(task.name, start, end, rows, w);
        if (on_done) on_done(task, rows);
      }
      lock.lock();
      --running;
      if (failed) {
        if (!error) error = failed;
      } else {
        rows_by_task[task.name] = rows;
        --remaining;
        for (size_t r : readers[i])
          if (runs(r) && --waiting_on[r] == 0) ready.insert(r);
      }
      changed.notify_all();
    }
  };
  const int workers =
      static_cast<int>(std::min<size_t>(static_cast<size_t>(effective_jobs(jobs)), remaining));
  std::vector<std::thread> threads;
  for (int w = 1; w < workers; ++w) threads.emplace_back(worker, w);
  worker(0);
  {
    // Worker 0 returns on the first failure; the others finish the task they are running.
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return running == 0; });
  }
  for (auto& t : threads) t.join();
  if (error) std::rethrow_exception(error);
  return rows_by_task;
}

}  // namespace ca
