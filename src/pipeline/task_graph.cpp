// Validation and generation ordering of the task DAG; see task_graph.hpp.
#include "pipeline/task_graph.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/file_read.hpp"

namespace ca {

std::string_view task_kind_name(TaskKind kind) {
  switch (kind) {
    case TaskKind::Extract:
      return "extract";
    case TaskKind::Native:
      return "native";
    case TaskKind::View:
      return "view";
  }
  return "native";
}

bool is_memory_artifact(std::string_view name) {
  return name.substr(0, 4) == "mem:";
}

TaskGraph::TaskGraph(std::vector<Task> tasks) {
  std::sort(tasks.begin(), tasks.end(),
            [](const Task& a, const Task& b) { return a.name < b.name; });
  std::map<std::string, size_t> writer;
  for (size_t i = 0; i < tasks.size(); ++i) {
    if (i > 0 && tasks[i].name == tasks[i - 1].name)
      throw TaskGraphError(fmt::format("two tasks are called {}", tasks[i].name));
    std::sort(tasks[i].inputs.begin(), tasks[i].inputs.end());
    for (const auto& out : tasks[i].outputs) {
      auto [it, fresh] = writer.emplace(out, i);
      if (!fresh)
        throw TaskGraphError(fmt::format("tasks {} and {} both write {}: a table has one owner",
                                         tasks[it->second].name, tasks[i].name, out));
    }
  }
  std::vector<std::vector<size_t>> deps(tasks.size());
  for (size_t i = 0; i < tasks.size(); ++i) {
    for (const auto& in : tasks[i].inputs) {
      auto it = writer.find(in);
      if (it == writer.end())
        throw TaskGraphError(
            fmt::format("task {} reads {}, which no task writes (neither a "
                        "table nor a view)",
                        tasks[i].name, in));
      deps[i].push_back(it->second);
    }
    std::sort(deps[i].begin(), deps[i].end());
    deps[i].erase(std::unique(deps[i].begin(), deps[i].end()), deps[i].end());
  }
  // Generations by Kahn's algorithm: a task is placed once everything it reads is.
  std::vector<int> generation(tasks.size(), -1);
  std::vector<size_t> pending(tasks.size());
  std::vector<std::vector<size_t>> readers(tasks.size());
  for (size_t i = 0; i < tasks.size(); ++i) {
    pending[i] = deps[i].size();
    for (size_t d : deps[i]) readers[d].push_back(i);
  }
  std::vector<size_t> ready;
  for (size_t i = 0; i < tasks.size(); ++i)
    if (pending[i] == 0) ready.push_back(i), generation[i] = 0;
  while (!ready.empty()) {
    size_t i = ready.back();
    ready.pop_back();
    for (size_t r : readers[i]) {
      generation[r] = std::max(generation[r], generation[i] + 1);
      if (--pending[r] == 0) ready.push_back(r);
    }
  }
  for (size_t start = 0; start < tasks.size(); ++start) {
    if (pending[start] == 0) continue;
    // Every unplaced task waits on another unplaced one: follow them until one repeats.
    std::vector<size_t> path;
    std::vector<int> seen_at(tasks.size(), -1);
    size_t at = start;
    while (seen_at[at] < 0) {
      seen_at[at] = static_cast<int>(path.size());
      path.push_back(at);
      for (size_t d : deps[at])
        if (pending[d] > 0) {
          at = d;
          break;
        }
    }
    std::vector<std::string> cycle;
    for (size_t k = static_cast<size_t>(seen_at[at]); k < path.size(); ++k)
      cycle.push_back(tasks[path[k]].name);
    std::reverse(cycle.begin(), cycle.end());
    cycle.push_back(cycle.front());
    throw TaskGraphError(
        fmt::format("tasks form a cycle: {} (each reads what the one before "
                    "it writes)",
                    fmt::join(cycle, " -> ")));
  }
  for (size_t i = 0; i < tasks.size(); ++i) tasks[i].generation = generation[i];
  // Final order: by generation, then name; dependencies renumbered to match.
  std::vector<size_t> order(tasks.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return generation[a] != generation[b] ? generation[a] < generation[b]
                                          : tasks[a].name < tasks[b].name;
  });
  std::vector<size_t> position(tasks.size());
  for (size_t k = 0; k < order.size(); ++k) position[order[k]] = k;
  for (size_t k = 0; k < order.size(); ++k) {
    tasks_.push_back(std::move(tasks[order[k]]));
    std::vector<size_t> d;
    for (size_t old : deps[order[k]]) d.push_back(position[old]);
    std::sort(d.begin(), d.end());
    deps_.push_back(std::move(d));
  }
}

const Task* TaskGraph::find(std::string_view name) const {
  for (const auto& t : tasks_)
    if (t.name == name) return &t;
  return nullptr;
}

int TaskGraph::producer(std::string_view output) const {
  for (size_t i = 0; i < tasks_.size(); ++i)
    for (const auto& o : tasks_[i].outputs)
      if (o == output) return static_cast<int>(i);
  return -1;
}

std::map<std::string, std::string> fingerprint_tasks(
    const TaskGraph& graph, const std::map<std::string, std::string>& data) {
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < graph.tasks().size(); ++i) {
    const Task& t = graph.tasks()[i];
    // Length-prefixed fields, so that no two different field lists hash the same bytes.
    std::string bytes;
    auto add = [&](std::string_view field) {
      bytes += std::to_string(field.size());
      bytes += ':';
      bytes += field;
    };
    add(task_kind_name(t.kind));
    add(t.name);
    add(t.kind == TaskKind::View ? t.sql : t.description);
    for (const auto& o : t.outputs) add(o);
    for (const auto& in : t.inputs) {  // sorted; dependencies come earlier in graph order
      add(in);
      int p = graph.producer(in);
      add(p < 0 ? std::string() : out[graph.tasks()[static_cast<size_t>(p)].name]);
    }
    auto d = data.find(t.name);
    add(d == data.end() ? std::string() : d->second);
    out[t.name] = content_hash(bytes);
  }
  return out;
}

int TaskGraph::generation_count() const {
  int g = -1;
  for (const auto& t : tasks_) g = std::max(g, t.generation);
  return g + 1;
}

}  // namespace ca
