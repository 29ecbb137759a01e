// Dependency-driven parallel execution of the views; see view_scheduler.hpp.
#include "pipeline/view_scheduler.hpp"

#include <fmt/format.h>

#include <condition_variable>
#include <exception>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "core/parallel.hpp"

namespace ca {

std::map<std::string, int64_t> run_view_tasks(
    Database& db, const TaskGraph& graph, int jobs, TaskRecorder& recorder,
    const std::function<void(const std::string& view, int64_t rows)>& on_done) {
  const auto& tasks = graph.tasks();
  // Views still waiting: how many of the views they read are not done yet.
  std::vector<size_t> waiting_on(tasks.size(), 0);
  std::vector<std::vector<size_t>> readers(tasks.size());
  std::set<size_t> ready;  // by graph order: lowest generation, then name, first
  size_t remaining = 0;
  for (size_t i = 0; i < tasks.size(); ++i) {
    if (tasks[i].kind != TaskKind::View) continue;
    ++remaining;
    for (size_t d : graph.dependencies(i))
      if (tasks[d].kind == TaskKind::View) {
        ++waiting_on[i];
        readers[d].push_back(i);
      }
    if (waiting_on[i] == 0) ready.insert(i);
  }
  std::map<std::string, int64_t> rows_by_view;
  if (remaining == 0) return rows_by_view;

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
      const auto start = TaskRecorder::Clock::now();
      int64_t rows = 0;
      std::exception_ptr failed;
      try {
        con->execute(fmt::format("CREATE TABLE {} AS {}", task.name, task.sql));
        rows = con->query_int(fmt::format("SELECT count(*) FROM {}", task.name));
      } catch (const std::exception& e) {
        failed = std::make_exception_ptr(
            DbError(fmt::format("view {} failed: {}", task.name, e.what())));
      }
      const auto end = TaskRecorder::Clock::now();
      if (!failed) {
        recorder.task(task.name, start, end, rows, w);
        if (on_done) on_done(task.name, rows);
      }
      lock.lock();
      --running;
      if (failed) {
        if (!error) error = failed;
      } else {
        rows_by_view[task.name] = rows;
        --remaining;
        for (size_t r : readers[i])
          if (--waiting_on[r] == 0) ready.insert(r);
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
    // Worker 0 returns on the first failure; the others finish the view they are running.
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return running == 0; });
  }
  for (auto& t : threads) t.join();
  if (error) std::rethrow_exception(error);
  return rows_by_view;
}

}  // namespace ca
