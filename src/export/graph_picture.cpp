// Selection of the graph a picture shows; see graph_picture.hpp.
#include "export/graph_picture.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <tuple>
#include <unordered_map>

#include "core/kinds.hpp"
#include "store/duckdb_api.hpp"
#include "store/read_query.hpp"

namespace ca {
namespace {

struct KindSpec {
  PictureKind what;
  std::string_view name;
  EdgeKind edge;
  std::vector<NodeKind> nodes;
};

const std::vector<KindSpec>& kind_specs() {
  static const std::vector<KindSpec> specs = {
      {PictureKind::Calls,
       "calls",
       EdgeKind::CallsFunction,
       {NodeKind::Function, NodeKind::Lambda, NodeKind::Module}},
      {PictureKind::Imports, "imports", EdgeKind::Imports, {NodeKind::Module}},
      {PictureKind::Inherits, "inherits", EdgeKind::Inherits, {NodeKind::Class}},
  };
  return specs;
}

const KindSpec& spec_of(PictureKind what) {
  return *std::find_if(kind_specs().begin(), kind_specs().end(),
                       [&](const KindSpec& spec) { return spec.what == what; });
}

/// Marks every node reachable from the marked ones in up to `depth` steps of `adjacency`.
void spread(const std::vector<std::vector<size_t>>& adjacency, int depth,
            std::vector<bool>& included, const std::vector<size_t>& start) {
  std::vector<int> dist(adjacency.size(), -1);
  std::deque<size_t> queue;
  for (size_t s : start) {
    dist[s] = 0;
    queue.push_back(s);
  }
  while (!queue.empty()) {
    size_t n = queue.front();
    queue.pop_front();
    if (dist[n] >= depth) continue;
    for (size_t next : adjacency[n]) {
      if (dist[next] >= 0) continue;
      dist[next] = dist[n] + 1;
      included[next] = true;
      queue.push_back(next);
    }
  }
}

}  // namespace

std::string_view to_string(PictureKind kind) {
  return spec_of(kind).name;
}

std::optional<PictureKind> parse_picture_kind(std::string_view name) {
  for (const KindSpec& spec : kind_specs())
    if (spec.name == name) return spec.what;
  return std::nullopt;
}

bool module_matches(std::string_view module, std::string_view prefix) {
  if (module.size() < prefix.size() || module.substr(0, prefix.size()) != prefix) return false;
  return module.size() == prefix.size() || module[prefix.size()] == '.';
}

Picture select_picture(PictureKind what, std::vector<PictureNode> nodes,
                       const std::vector<std::pair<uint64_t, uint64_t>>& edges,
                       const PictureOptions& options) {
  // Determinism: nodes in one total order, edges by the positions of their ends.
  std::sort(nodes.begin(), nodes.end(), [](const PictureNode& a, const PictureNode& b) {
    return std::tie(a.qualname, a.path, a.line, a.id) < std::tie(b.qualname, b.path, b.line, b.id);
  });
  std::unordered_map<uint64_t, size_t> index;
  for (size_t i = 0; i < nodes.size(); ++i) index.emplace(nodes[i].id, i);
  std::vector<std::pair<size_t, size_t>> pairs;
  for (const auto& [src, dst] : edges) {
    auto s = index.find(src), d = index.find(dst);
    if (s != index.end() && d != index.end()) pairs.emplace_back(s->second, d->second);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

  std::vector<bool> included(nodes.size(), options.module_prefix.empty());
  if (!options.module_prefix.empty()) {
    std::vector<size_t> kept;
    for (size_t i = 0; i < nodes.size(); ++i)
      if (module_matches(nodes[i].module, options.module_prefix)) {
        included[i] = true;
        kept.push_back(i);
      }
    if (options.depth > 0) {
      std::vector<std::vector<size_t>> out(nodes.size()), in(nodes.size());
      for (const auto& [s, d] : pairs) {
        out[s].push_back(d);
        in[d].push_back(s);
      }
      spread(out, options.depth, included, kept);
      spread(in, options.depth, included, kept);
    }
  }

  Picture picture;
  picture.what = what;
  std::vector<size_t> renumber(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!included[i]) continue;
    renumber[i] = picture.nodes.size();
    picture.nodes.push_back(std::move(nodes[i]));
  }
  std::string edge_kind(to_string(spec_of(what).edge));
  for (const auto& [s, d] : pairs)
    if (included[s] && included[d])
      picture.edges.push_back(PictureEdge{renumber[s], renumber[d], edge_kind});
  return picture;
}

Picture select_picture(const std::filesystem::path& db, const PictureOptions& options) {
  const KindSpec& spec = spec_of(options.what);
  std::string kinds;
  for (NodeKind k : spec.nodes)
    kinds += fmt::format("{}{}", kinds.empty() ? "" : ", ", sql_quote(to_string(k)));
  // One read-only session for both queries: nodes and edges from the same snapshot.
  Database database(db, graph_reader_options());
  Connection con(database);
  QueryResult node_rows =
      con.query(fmt::format("SELECT n.node_id, n.kind, n.qualname, "
                            "CASE WHEN n.kind = 'MODULE' THEN n.qualname ELSE f.module END, "
                            "n.path, n.start_line "
                            "FROM cpg_nodes n LEFT JOIN repo_files f ON f.file_id = n.file_id "
                            "WHERE n.kind IN ({})",
                            kinds));
  std::vector<PictureNode> nodes(node_rows.row_count());
  for (size_t r = 0; r < node_rows.row_count(); ++r) {
    PictureNode& n = nodes[r];
    n.id = std::stoull(node_rows.value(r, 0).value());
    n.kind = node_rows.value(r, 1).value_or("");
    n.qualname = node_rows.value(r, 2).value_or("");
    n.module = node_rows.value(r, 3).value_or("");
    n.path = node_rows.value(r, 4).value_or("");
    if (const auto& line = node_rows.value(r, 5)) n.line = std::stoll(*line);
  }
  QueryResult edge_rows = con.query(fmt::format(
      "SELECT DISTINCT src, dst FROM cpg_edges WHERE kind = {}", sql_quote(to_string(spec.edge))));
  std::vector<std::pair<uint64_t, uint64_t>> edges(edge_rows.row_count());
  for (size_t r = 0; r < edge_rows.row_count(); ++r)
    edges[r] = {std::stoull(edge_rows.value(r, 0).value()),
                std::stoull(edge_rows.value(r, 1).value())};
  return select_picture(options.what, std::move(nodes), edges, options);
}

}  // namespace ca
