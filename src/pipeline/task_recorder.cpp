// Task measurements, run_tasks rows and the Chrome trace; see task_recorder.hpp.
#include "pipeline/task_recorder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace ca {

void TaskRecorder::task(const std::string& name, Clock::time_point start, Clock::time_point end,
                        int64_t rows, int tid) {
  const double start_us = std::chrono::duration<double, std::micro>(start - origin_).count();
  const double dur_us = std::chrono::duration<double, std::micro>(end - start).count();
  std::lock_guard lock(mutex_);
  spans_.push_back({name, "", tid, start_us, dur_us, nlohmann::json::object()});
  Totals& t = totals_[name];
  t.wall_ms += dur_us / 1000;
  t.rows += rows;
}

void TaskRecorder::task_busy(const std::string& name, double busy_ms, int64_t rows) {
  std::lock_guard lock(mutex_);
  Totals& t = totals_[name];
  t.wall_ms += busy_ms;
  t.rows += rows;
}

void TaskRecorder::span(const std::string& name, const std::string& category, int tid,
                        Clock::time_point start, Clock::time_point end, nlohmann::json args) {
  const double start_us = std::chrono::duration<double, std::micro>(start - origin_).count();
  const double dur_us = std::chrono::duration<double, std::micro>(end - start).count();
  std::lock_guard lock(mutex_);
  spans_.push_back({name, category, tid, start_us, dur_us, std::move(args)});
}

void TaskRecorder::name_thread(int tid, const std::string& name) {
  std::lock_guard lock(mutex_);
  thread_names_[tid] = name;
}

double TaskRecorder::wall_ms(const std::string& name) const {
  std::lock_guard lock(mutex_);
  auto it = totals_.find(name);
  return it == totals_.end() ? 0 : it->second.wall_ms;
}

std::vector<RunTaskRow> TaskRecorder::run_tasks(
    const TaskGraph& graph, const std::string& run_id,
    const std::map<std::string, std::string>& fingerprints) const {
  std::lock_guard lock(mutex_);
  std::vector<RunTaskRow> rows;
  for (const Task& t : graph.tasks()) {
    RunTaskRow row;
    row.run_id = run_id;
    row.task = t.name;
    row.kind = std::string(task_kind_name(t.kind));
    row.generation = t.generation;
    row.inputs = fmt::format("{}", fmt::join(t.inputs, ","));
    if (auto fp = fingerprints.find(t.name); fp != fingerprints.end()) row.fingerprint = fp->second;
    auto it = totals_.find(t.name);
    if (it != totals_.end()) {
      row.rows_out = it->second.rows;
      row.wall_ms = it->second.wall_ms;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

nlohmann::json TaskRecorder::trace_json(const TaskGraph* graph) const {
  std::lock_guard lock(mutex_);
  nlohmann::json events = nlohmann::json::array();
  for (const auto& [tid, name] : thread_names_)
    events.push_back({{"name", "thread_name"},
                      {"ph", "M"},
                      {"pid", 1},
                      {"tid", tid},
                      {"args", {{"name", name}}}});
  std::vector<const Span*> order;
  for (const auto& s : spans_) order.push_back(&s);
  std::stable_sort(order.begin(), order.end(),
                   [](const Span* a, const Span* b) { return a->start_us < b->start_us; });
  for (const Span* s : order) {
    nlohmann::json args = s->args.is_object() ? s->args : nlohmann::json::object();
    std::string category = s->category;
    if (category.empty()) {
      category = "task";
      if (const Task* t = graph ? graph->find(s->name) : nullptr) {
        category = std::string(task_kind_name(t->kind));
        args["generation"] = t->generation;
        args["inputs"] = t->inputs;
      }
    }
    events.push_back({{"name", s->name},
                      {"cat", category},
                      {"ph", "X"},
                      {"pid", 1},
                      {"tid", s->tid},
                      {"ts", s->start_us},
                      {"dur", s->dur_us},
                      {"args", std::move(args)}});
  }
  return {{"traceEvents", std::move(events)}, {"displayTimeUnit", "ms"}};
}

void TaskRecorder::write_trace(const std::filesystem::path& path, const TaskGraph* graph) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out << trace_json(graph).dump() << "\n";
  if (!out)
    throw std::runtime_error(fmt::format(
        "cannot write the trace to {}: check the directory exists and is writable", path.string()));
}

}  // namespace ca
