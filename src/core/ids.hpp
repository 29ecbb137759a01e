// Stable 64-bit identities computed from content (never from counters), so that the same
// input gives the same ids on any machine at any thread count. The SQL views use the same
// functions through the ca_node_id / ca_edge_id scalar functions (store/udfs.cpp).
#pragma once

#include <cstdint>
#include <string_view>

#include "core/kinds.hpp"

namespace ca {

using NodeId = uint64_t;
using FileId = uint64_t;

/// 64-bit hash of arbitrary bytes (XXH3).
uint64_t hash64(std::string_view bytes);

/// Id of a file: hash of its repo-relative path.
FileId file_id_for(std::string_view path);

/// Id of a node: hash of (path, kind, bstart, bend, discriminator).
NodeId node_id_for(std::string_view path, std::string_view kind, int64_t bstart, int64_t bend,
                   std::string_view discriminator = {});
inline NodeId node_id_for(std::string_view path, NodeKind kind, int64_t bstart, int64_t bend,
                          std::string_view discriminator = {}) {
  return node_id_for(path, to_string(kind), bstart, bend, discriminator);
}

/// Id of an edge: hash of (kind, src, dst, bstart of the justifying site).
uint64_t edge_id_for(std::string_view kind, uint64_t src, uint64_t dst, int64_t bstart);

}  // namespace ca
