// Dependency inference and generation planning for the SQL views; see view_registry.hpp.
#include "semantic/view_registry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace ca {
namespace {

/// Collects BASE_TABLE names and CTE names anywhere in a serialized statement.
void collect_tables(const nlohmann::json& node, std::set<std::string>& tables,
                    std::set<std::string>& ctes) {
  std::vector<const nlohmann::json*> stack{&node};
  while (!stack.empty()) {
    const nlohmann::json* j = stack.back();
    stack.pop_back();
    if (j->is_object()) {
      auto type = j->find("type");
      if (type != j->end() && type->is_string() && *type == "BASE_TABLE") {
        std::string name = j->value("table_name", "");
        std::string schema = j->value("schema_name", "");
        if (!schema.empty() && schema != "main") name = schema + "." + name;
        tables.insert(name);
      }
      auto cte_map = j->find("cte_map");
      if (cte_map != j->end() && cte_map->is_object()) {
        for (const auto& entry : cte_map->value("map", nlohmann::json::array()))
          if (entry.contains("key") && entry["key"].is_string()) ctes.insert(entry["key"]);
      }
      for (const auto& [key, value] : j->items()) stack.push_back(&value);
    } else if (j->is_array()) {
      for (const auto& value : *j) stack.push_back(&value);
    }
  }
}

}  // namespace

std::vector<std::string> infer_view_inputs(Connection& con, const ViewSource& view) {
  QueryResult r = con.query("SELECT json_serialize_sql(" + sql_quote(view.sql) + ")");
  if (r.row_count() != 1 || !r.value(0, 0))
    throw ViewError(fmt::format("view {}: DuckDB could not serialize its SQL", view.name));
  nlohmann::json parsed = nlohmann::json::parse(*r.value(0, 0), nullptr, false);
  if (parsed.is_discarded())
    throw ViewError(fmt::format("view {}: unreadable parse of its SQL", view.name));
  if (parsed.value("error", false)) {
    std::string msg = parsed.value("error_message", "unknown error");
    throw ViewError(fmt::format("view {} must be a single SELECT statement: {}", view.name, msg));
  }
  const auto& statements = parsed["statements"];
  if (!statements.is_array() || statements.size() != 1)
    throw ViewError(fmt::format("view {} must be a single SELECT statement, found {}", view.name,
                                statements.is_array() ? statements.size() : 0));
  std::set<std::string> tables, ctes;
  collect_tables(statements[0], tables, ctes);
  std::vector<std::string> inputs;
  for (const auto& t : tables)
    if (!ctes.count(t)) inputs.push_back(t);
  return inputs;
}

std::vector<PlannedView> plan_views(Connection& con, const std::vector<ViewSource>& views,
                                    const std::vector<std::string>& base_tables) {
  std::set<std::string> base(base_tables.begin(), base_tables.end());
  std::map<std::string, PlannedView> by_name;
  for (const auto& v : views) {
    if (base.count(v.name))
      throw ViewError(
          fmt::format("view {} would write table {}, which another task owns", v.name, v.name));
    if (by_name.count(v.name)) throw ViewError(fmt::format("view {} is defined twice", v.name));
    by_name[v.name] = PlannedView{v.name, v.sql, infer_view_inputs(con, v), -1};
  }
  for (const auto& [name, pv] : by_name)
    for (const auto& input : pv.inputs)
      if (!base.count(input) && !by_name.count(input))
        throw ViewError(
            fmt::format("view {} reads {}, which is neither a table nor a view", name, input));
  // Generations by repeated relaxation; a view still unplaced after |views| rounds is in a
  // cycle.
  size_t placed = 0;
  for (size_t round = 0; round <= by_name.size() && placed < by_name.size(); ++round) {
    for (auto& [name, pv] : by_name) {
      if (pv.generation >= 0) continue;
      int gen = 0;
      bool ready = true;
      for (const auto& input : pv.inputs) {
        if (base.count(input)) continue;
        const PlannedView& dep = by_name[input];
        if (dep.generation < 0) {
          ready = false;
          break;
        }
        gen = std::max(gen, dep.generation + 1);
      }
      if (ready) {
        pv.generation = gen;
        ++placed;
      }
    }
  }
  if (placed < by_name.size()) {
    std::vector<std::string> stuck;
    for (const auto& [name, pv] : by_name)
      if (pv.generation < 0) stuck.push_back(name);
    throw ViewError(fmt::format("views form a cycle: {}", fmt::join(stuck, ", ")));
  }
  std::vector<PlannedView> out;
  for (auto& [name, pv] : by_name) out.push_back(std::move(pv));
  std::stable_sort(out.begin(), out.end(), [](const PlannedView& a, const PlannedView& b) {
    return a.generation != b.generation ? a.generation < b.generation : a.name < b.name;
  });
  return out;
}

}  // namespace ca
