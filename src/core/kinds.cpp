// Parsing of the stored kind names back into the enums.
#include "core/kinds.hpp"

namespace ca {

std::optional<NodeKind> parse_node_kind(std::string_view name) {
  for (size_t i = 0; i < kNodeKinds.size(); ++i)
    if (kNodeKinds[i].name == name) return static_cast<NodeKind>(i);
  return std::nullopt;
}

std::optional<EdgeKind> parse_edge_kind(std::string_view name) {
  for (size_t i = 0; i < kEdgeKinds.size(); ++i)
    if (kEdgeKinds[i].name == name) return static_cast<EdgeKind>(i);
  return std::nullopt;
}

}  // namespace ca
