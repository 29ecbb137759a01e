// The built graph of one golden case, read once from cpg.duckdb into memory so that the
// assertions can be checked without a query each.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace ca::golden {

struct GNode {
  uint64_t id = 0;
  std::string kind, name, qualname, path;
  int64_t bstart = 0, bend = 0;
  int64_t start_line = 0, start_col = 0, end_line = 0, end_col = 0;
};

struct GEdge {
  uint64_t id = 0;
  std::string kind;
  uint64_t src = 0, dst = 0;
};

struct GDiagnostic {
  std::string path, code, message;
  std::optional<int64_t> start_line;
};

/// Nodes, edges, props, repo_files rows and diagnostics of one graph.
struct GraphSnapshot {
  std::vector<GNode> nodes;
  std::vector<GEdge> edges;
  std::unordered_map<uint64_t, size_t> node_index;  ///< node_id -> index in nodes
  /// node_id or edge_id -> (key, value) pairs, in key order
  std::unordered_map<uint64_t, std::vector<std::pair<std::string, std::string>>> props;
  /// path -> column -> value of the repo_files row
  std::map<std::string, std::map<std::string, std::optional<std::string>>> files;
  std::vector<GDiagnostic> diagnostics;

  const GNode* node(uint64_t id) const;
  /// The values of property `key` of a node or edge.
  std::vector<std::string> prop(uint64_t id, const std::string& key) const;
};

/// Reads the graph tables of the database at `db` (opened read-only); throws ca::DbError
/// when a table is missing or unreadable.
GraphSnapshot load_snapshot(const std::filesystem::path& db);

}  // namespace ca::golden
