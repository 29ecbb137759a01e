// PyCG-format call-graph export; see callgraph_export.hpp.
#include "export/callgraph_export.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "store/read_query.hpp"

namespace ca {
namespace {

/// "<lambda>" -> "<lambda1>", "<lambda>#3" -> "<lambda3>" in every dotted component.
std::string number_lambdas(std::string_view name) {
  std::string out;
  size_t pos = 0;
  while (pos <= name.size()) {
    size_t dot = name.find('.', pos);
    // A component ends at a dot that is not inside <...>.
    size_t depth = 0, end = pos;
    for (; end < name.size(); ++end) {
      char c = name[end];
      if (c == '<')
        ++depth;
      else if (c == '>' && depth)
        --depth;
      else if (c == '.' && depth == 0)
        break;
    }
    (void)dot;
    std::string_view part = name.substr(pos, end - pos);
    if (!out.empty()) out += '.';
    if (part.rfind("<lambda>", 0) == 0) {
      std::string_view rest = part.substr(8);
      out += "<lambda";
      out += (rest.size() > 1 && rest[0] == '#') ? std::string(rest.substr(1)) : "1";
      out += '>';
    } else {
      out += part;
    }
    if (end >= name.size()) break;
    pos = end + 1;
  }
  return out;
}

std::string without_locals(std::string_view qualname) {
  std::string out(qualname);
  for (size_t at; (at = out.find(".<locals>")) != std::string::npos;) out.erase(at, 9);
  return out;
}

}  // namespace

std::string pycg_name(std::string_view kind, std::string_view qualname) {
  if (kind == "EXTERNAL") {
    constexpr std::string_view builtins = "builtins.";
    if (qualname.rfind(builtins, 0) == 0) {
      std::string_view rest = qualname.substr(builtins.size());
      size_t dot = rest.find('.');
      if (dot == std::string_view::npos) return "<builtin>." + std::string(rest);
      std::string type(rest.substr(0, dot));
      if (!type.empty())
        type[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(type[0])));
      return "<**Py" + type + "**>" + std::string(rest.substr(dot));
    }
    return std::string(qualname);
  }
  if (kind == "MODULE") return std::string(qualname);
  return number_lambdas(without_locals(qualname));
}

std::string export_callgraph_pycg(const std::filesystem::path& db) {
  std::map<std::string, std::set<std::string>> graph;
  QueryResult nodes = run_read_only_query(
      db, "SELECT kind, qualname FROM cpg_nodes WHERE kind IN ('MODULE', 'FUNCTION', 'LAMBDA')");
  for (size_t r = 0; r < nodes.row_count(); ++r)
    graph[pycg_name(*nodes.value(r, 0), nodes.value(r, 1).value_or(""))];
  QueryResult edges = run_read_only_query(
      db,
      "SELECT s.kind, s.qualname, d.kind, d.qualname FROM cpg_edges e "
      "JOIN cpg_nodes s ON s.node_id = e.src JOIN cpg_nodes d ON d.node_id = e.dst "
      "WHERE e.kind = 'CALLS_FUNCTION' AND d.kind IN ('FUNCTION', 'LAMBDA', 'EXTERNAL')");
  for (size_t r = 0; r < edges.row_count(); ++r) {
    std::string callee = pycg_name(*edges.value(r, 2), edges.value(r, 3).value_or(""));
    graph[pycg_name(*edges.value(r, 0), edges.value(r, 1).value_or(""))].insert(callee);
    graph[callee];
  }
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& [caller, callees] : graph) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& c : callees) list.push_back(c);
    out[caller] = std::move(list);
  }
  return out.dump(4) + "\n";
}

}  // namespace ca
