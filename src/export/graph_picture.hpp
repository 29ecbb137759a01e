// The graphs drawn by `export dot` and `export graphml`: one kind of relation (calls,
// imports, inheritance) between one kind of node, optionally cut down to the nodes of some
// modules and their neighbourhood. One selection, written by several writers
// (dot_writer.hpp, graphml_writer.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ca {

/// Which relation a picture shows.
enum class PictureKind {
  Calls,     ///< CALLS_FUNCTION between FUNCTION, LAMBDA and MODULE nodes
  Imports,   ///< IMPORTS between MODULE nodes of the repository
  Inherits,  ///< INHERITS between CLASS nodes of the repository
};

/// "calls" / "imports" / "inherits".
std::string_view to_string(PictureKind kind);
/// The kind named `name`, or nullopt.
std::optional<PictureKind> parse_picture_kind(std::string_view name);

struct PictureOptions {
  PictureKind what = PictureKind::Calls;
  /// Empty: every node of the kind. Else only nodes whose module matches it (see
  /// module_matches), plus their neighbourhood up to `depth`.
  std::string module_prefix;
  /// With a module prefix: also the nodes the kept ones reach by following up to `depth`
  /// edges forward (callees, imported modules, base classes) and the nodes that reach
  /// them in up to `depth` edges (callers, importers, subclasses). Directions are not
  /// mixed: a callee's other callers are not included.
  int depth = 0;
};

struct PictureNode {
  uint64_t id = 0;  ///< node_id in cpg_nodes
  std::string kind;
  std::string qualname;
  std::string module;  ///< the module the node belongs to (its own name for a MODULE)
  std::string path;
  std::optional<int64_t> line;  ///< start_line
};

struct PictureEdge {
  size_t src = 0;  ///< index into Picture::nodes
  size_t dst = 0;
  std::string kind;
};

/// A selected graph. Nodes sorted by (qualname, path, line, id), edges by (src, dst):
/// the same graph gives the same picture byte for byte.
struct Picture {
  PictureKind what = PictureKind::Calls;
  std::vector<PictureNode> nodes;
  std::vector<PictureEdge> edges;  ///< one per (src, dst) pair, between selected nodes
};

/// Whether `module` is `prefix` or inside it, by dotted components: "django.db" matches
/// "django.db" and "django.db.models" but not "django.dbx".
bool module_matches(std::string_view module, std::string_view prefix);

/// Selects the picture from the graph at `db` (opened read-only): the nodes of the kind's
/// node kinds that `options` keeps, and every edge of the kind between two of them.
/// Throws (DbError, std::runtime_error) when the database cannot be read.
Picture select_picture(const std::filesystem::path& db, const PictureOptions& options);

/// The same selection on nodes and edges already read: `edges` holds (src id, dst id)
/// pairs, possibly repeated or naming ids not in `nodes` (those are dropped). Exposed so
/// that the selection can be tested without a database.
Picture select_picture(PictureKind what, std::vector<PictureNode> nodes,
                       const std::vector<std::pair<uint64_t, uint64_t>>& edges,
                       const PictureOptions& options);

}  // namespace ca
