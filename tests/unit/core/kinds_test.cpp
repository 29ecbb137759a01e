// The kinds list round-trips through its stored names, and the schema document lists
// exactly the kinds of the code (so the documentation cannot drift from it).
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "core/kinds.hpp"
#include "support/test_support.hpp"

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

std::set<std::string> documented_kinds(const std::string& doc, const std::string& heading) {
  size_t start = doc.find("## " + heading);
  EXPECT_NE(start, std::string::npos) << heading;
  size_t end = doc.find("\n## ", start + 3);
  std::string section =
      doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
  std::set<std::string> kinds;
  std::regex row(R"(\n\| `([A-Z_]+)` \|)");
  for (std::sregex_iterator it(section.begin(), section.end(), row), last; it != last; ++it)
    kinds.insert((*it)[1]);
  return kinds;
}

TEST(Kinds, SchemaDocumentListsEveryKind) {
  std::string doc = test::read_file(std::string(CA_TESTS_DIR) + "/../docs/schema.md");
  std::set<std::string> nodes, edges;
  for (const auto& k : kNodeKinds) nodes.insert(std::string(k.name));
  for (const auto& k : kEdgeKinds) edges.insert(std::string(k.name));
  EXPECT_EQ(documented_kinds(doc, "Node kinds"), nodes);
  EXPECT_EQ(documented_kinds(doc, "Edge kinds"), edges);
}

}  // namespace
}  // namespace ca
