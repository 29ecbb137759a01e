// The kinds list round-trips through its stored names and describes every kind. (That
// docs/schema.md lists exactly these kinds is checked by the test docs_schema_up_to_date:
// the document is generated from this list by tools/schema_doc/.)
#include <gtest/gtest.h>

#include "core/kinds.hpp"

namespace ca {
namespace {

TEST(Kinds, RoundTripThroughNames) {
  for (size_t i = 0; i < kNodeKinds.size(); ++i) {
    auto k = static_cast<NodeKind>(i);
    EXPECT_EQ(parse_node_kind(to_string(k)), k);
  }
  for (size_t i = 0; i < kEdgeKinds.size(); ++i) {
    auto k = static_cast<EdgeKind>(i);
    EXPECT_EQ(parse_edge_kind(to_string(k)), k);
  }
  EXPECT_FALSE(parse_node_kind("NOPE").has_value());
  EXPECT_FALSE(parse_edge_kind("CALLS ").has_value());
}

TEST(Kinds, EveryKindHasADescription) {
  // docs/schema.md and the cpg_*_kinds tables show these (tools/schema_doc/).
  for (const auto& k : kNodeKinds) EXPECT_FALSE(k.description.empty()) << k.name;
  for (const auto& k : kEdgeKinds) EXPECT_FALSE(k.description.empty()) << k.name;
}

}  // namespace
}  // namespace ca
