// Ids are pure functions of their inputs and separate what should be separate.
#include <gtest/gtest.h>

#include "core/ids.hpp"

namespace ca {
namespace {

TEST(Ids, StableAcrossCalls) {
  EXPECT_EQ(node_id_for("a/b.py", NodeKind::Function, 10, 20),
            node_id_for("a/b.py", "FUNCTION", 10, 20));
  EXPECT_EQ(file_id_for("a/b.py"), file_id_for(std::string("a/") + "b.py"));
}

TEST(Ids, EveryComponentMatters) {
  NodeId base = node_id_for("a.py", NodeKind::Variable, 1, 2, "");
  EXPECT_NE(base, node_id_for("b.py", NodeKind::Variable, 1, 2, ""));
  EXPECT_NE(base, node_id_for("a.py", NodeKind::Reference, 1, 2, ""));
  EXPECT_NE(base, node_id_for("a.py", NodeKind::Variable, 0, 2, ""));
  EXPECT_NE(base, node_id_for("a.py", NodeKind::Variable, 1, 3, ""));
  EXPECT_NE(base, node_id_for("a.py", NodeKind::Variable, 1, 2, "x"));
  // Field boundaries are unambiguous: moving a byte between path and kind changes the id.
  EXPECT_NE(node_id_for("aF", "UNCTION", 0, 0), node_id_for("a", "FUNCTION", 0, 0));
  EXPECT_NE(edge_id_for("CALLS", 1, 2, 0), edge_id_for("CALLS", 2, 1, 0));
}

}  // namespace
}  // namespace ca
