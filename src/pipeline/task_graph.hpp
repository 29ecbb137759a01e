// The task DAG of a build: every extract, native and view task with what it reads and
// writes. Native tasks declare their inputs and outputs in code (build_tasks.hpp); a view's
// are inferred from its SQL (semantic/view_lineage.hpp). The graph is validated once and
// ordered into generations; the scheduler, run_tasks, the trace and `codeanatomy plan` all
// read this one structure.
#pragma once

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "semantic/view_lineage.hpp"

namespace ca {

enum class TaskKind { Extract, Native, View };

/// "extract", "native" or "view", as run_tasks.kind spells it.
std::string_view task_kind_name(TaskKind kind);

/// Results handed between native tasks in memory (never DuckDB tables) are named "mem:...".
bool is_memory_artifact(std::string_view name);

/// One task of a build.
struct Task {
  std::string name;
  TaskKind kind = TaskKind::Native;
  std::string description;           ///< natives: what the task does
  std::vector<std::string> inputs;   ///< tables and in-memory results it reads, sorted
  std::vector<std::string> outputs;  ///< what it writes; each has exactly one writer
  /// Views: the columns read from each input table (from the SQL); natives read whole inputs.
  std::vector<TableRead> columns;
  std::vector<std::string> output_columns;  ///< views: the columns of the result
  std::string sql;                          ///< views: the SELECT
  int generation = 0;  ///< 0 = reads nothing another task writes; else 1 + max over inputs
};

/// A graph that cannot run; the message names the tasks (and tables) involved.
class TaskGraphError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A validated DAG of tasks, sorted by (generation, name).
class TaskGraph {
 public:
  TaskGraph() = default;
  /// Throws TaskGraphError for an input that no task writes, two tasks writing one output,
  /// two tasks of one name, or a cycle (the message lists the tasks along it).
  explicit TaskGraph(std::vector<Task> tasks);

  const std::vector<Task>& tasks() const { return tasks_; }
  /// The task called `name`, or nullptr.
  const Task* find(std::string_view name) const;
  /// Index (in tasks()) of the task writing `output`, or -1 for none.
  int producer(std::string_view output) const;
  /// Indices of the tasks task i reads from, sorted.
  const std::vector<size_t>& dependencies(size_t i) const { return deps_[i]; }
  /// Number of generations (1 + the highest generation).
  int generation_count() const;

 private:
  std::vector<Task> tasks_;
  std::vector<std::vector<size_t>> deps_;
};

/// The fingerprint of every task, by name: a 128-bit hash (hex) of the task's kind, name
/// and definition (a view's SQL; a native task's description and outputs), of the
/// fingerprints of the tasks it reads from, and of `data[task]` for a task that reads data
/// from outside the graph (the repository's files for scan and extract_ts). The same
/// definitions over the same data give the same fingerprints on any machine, so a rebuild
/// can skip a task whose fingerprint is unchanged. Code changes in a native task are not
/// seen unless its description or data digest changes.
std::map<std::string, std::string> fingerprint_tasks(
    const TaskGraph& graph, const std::map<std::string, std::string>& data);

}  // namespace ca
