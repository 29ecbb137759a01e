// Reading a built graph into a GraphSnapshot; see graph_snapshot.hpp.
#include "golden/graph_snapshot.hpp"

#include <string>

#include "store/duckdb_api.hpp"

namespace ca::golden {
namespace {

std::string text(const QueryResult& r, size_t row, size_t col) {
  return r.value(row, col).value_or("");
}

int64_t integer(const QueryResult& r, size_t row, size_t col) {
  const auto& v = r.value(row, col);
  return v ? std::stoll(*v) : 0;
}

uint64_t id(const QueryResult& r, size_t row, size_t col) {
  const auto& v = r.value(row, col);
  return v ? std::stoull(*v) : 0;
}

}  // namespace

const GNode* GraphSnapshot::node(uint64_t node_id) const {
  auto it = node_index.find(node_id);
  return it == node_index.end() ? nullptr : &nodes[it->second];
}

std::vector<std::string> GraphSnapshot::prop(uint64_t owner, const std::string& key) const {
  std::vector<std::string> out;
  auto it = props.find(owner);
  if (it == props.end()) return out;
  for (const auto& [k, v] : it->second)
    if (k == key) out.push_back(v);
  return out;
}

GraphSnapshot load_snapshot(const std::filesystem::path& db_path) {
  Database db(db_path, DbOpenOptions{.read_only = true});
  Connection con(db);
  GraphSnapshot g;

  auto nodes = con.query(
      "SELECT node_id, kind, name, qualname, path, bstart, bend, start_line, start_col, "
      "end_line, end_col FROM cpg_nodes ORDER BY path, bstart, bend, kind, node_id");
  for (size_t r = 0; r < nodes.row_count(); ++r) {
    GNode n{id(nodes, r, 0),      text(nodes, r, 1),    text(nodes, r, 2),    text(nodes, r, 3),
            text(nodes, r, 4),    integer(nodes, r, 5), integer(nodes, r, 6), integer(nodes, r, 7),
            integer(nodes, r, 8), integer(nodes, r, 9), integer(nodes, r, 10)};
    g.node_index.emplace(n.id, g.nodes.size());
    g.nodes.push_back(std::move(n));
  }

  auto edges = con.query("SELECT edge_id, kind, src, dst FROM cpg_edges ORDER BY ALL");
  for (size_t r = 0; r < edges.row_count(); ++r)
    g.edges.push_back(GEdge{id(edges, r, 0), text(edges, r, 1), id(edges, r, 2), id(edges, r, 3)});

  auto props = con.query("SELECT node_id, key, value FROM cpg_props ORDER BY ALL");
  for (size_t r = 0; r < props.row_count(); ++r)
    g.props[id(props, r, 0)].emplace_back(text(props, r, 1), text(props, r, 2));

  auto files = con.query("SELECT * FROM repo_files");
  size_t path_col = files.column_count();
  for (size_t c = 0; c < files.column_count(); ++c)
    if (files.column_name(c) == "path") path_col = c;
  for (size_t r = 0; r < files.row_count() && path_col < files.column_count(); ++r) {
    auto& row = g.files[text(files, r, path_col)];
    for (size_t c = 0; c < files.column_count(); ++c) row[files.column_name(c)] = files.value(r, c);
  }

  auto diags = con.query("SELECT path, code, message, start_line FROM diagnostics ORDER BY ALL");
  for (size_t r = 0; r < diags.row_count(); ++r) {
    GDiagnostic d{text(diags, r, 0), text(diags, r, 1), text(diags, r, 2), std::nullopt};
    if (diags.value(r, 3)) d.start_line = integer(diags, r, 3);
    g.diagnostics.push_back(std::move(d));
  }
  return g;
}

}  // namespace ca::golden
