// FlowReach on hand-built block trees: the depth limits (very deep nesting is answered
// conservatively, without recursion) and bad input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "flow_test_helpers.hpp"
#include "resolve/flow_reach.hpp"

namespace ca::bind {
namespace {

using ::testing::ElementsAre;

constexpr NodeId kScope = 7;

/// Root, then `depth` blocks of `kind`, each the child of the one before.
std::vector<FlowBlock> chain(uint32_t depth, FlowKind kind) {
  std::vector<FlowBlock> blocks(1);
  blocks[0].scope_id = kScope;
  for (uint32_t i = 1; i <= depth; ++i) {
    FlowBlock b;
    b.parent = i - 1;
    b.scope_id = kScope;
    b.kind = kind;
    blocks.push_back(b);
  }
  return blocks;
}

FlowSite site(int64_t pos, uint32_t block) {
  FlowSite s;
  s.pos = pos;
  s.block = block;
  return s;
}

TEST(FlowReach, StraightLineKeepsTheLastBinding) {
  const std::vector<FlowBlock> blocks = chain(0, FlowKind::Plain);
  FlowReach flow(blocks);
  std::vector<uint8_t> reach;
  const std::vector<FlowSite> sites = {site(1, 0), site(5, 0), site(20, 0)};
  ASSERT_TRUE(flow.reaching(0, 10, kScope, sites, reach));
  EXPECT_THAT(reach, ElementsAre(0, 1, 0));
}

TEST(FlowReach, HundredThousandDeepReadIsNotAnalysed) {
  const uint32_t depth = 100000;
  const std::vector<FlowBlock> blocks = chain(depth, FlowKind::Loop);
  FlowReach flow(blocks);
  std::vector<uint8_t> reach;
  const std::vector<FlowSite> sites = {site(1, 0), site(5, depth), site(9, depth)};
  EXPECT_FALSE(flow.reaching(depth, 10, kScope, sites, reach));  // the caller keeps all
}

TEST(FlowReach, DeepSiteBelowShallowReadIsKept) {
  const uint32_t depth = 100000;
  const std::vector<FlowBlock> blocks = chain(depth, FlowKind::Branch);
  FlowReach flow(blocks);
  std::vector<uint8_t> reach;
  // The read sits in block 3; a site 100,000 blocks down is kept without walking there.
  const std::vector<FlowSite> sites = {site(1, 0), site(5, depth)};
  ASSERT_TRUE(flow.reaching(3, 10, kScope, sites, reach));
  EXPECT_THAT(reach, ElementsAre(1, 1));
}

TEST(FlowReach, BadBlocksAndOtherScopes) {
  std::vector<FlowBlock> blocks = chain(2, FlowKind::Plain);
  blocks[2].parent = 2;  // a cycle below a well-formed block
  blocks[2].kind = FlowKind::Plain;
  FlowReach flow(blocks);
  std::vector<uint8_t> reach;
  const std::vector<FlowSite> sites = {site(1, 0), site(2, 99)};
  EXPECT_FALSE(flow.reaching(99, 10, kScope, sites, reach));     // unknown block
  EXPECT_FALSE(flow.reaching(2, 10, kScope, sites, reach));      // no Root above
  EXPECT_FALSE(flow.reaching(1, 10, kScope + 1, sites, reach));  // another scope's read
  ASSERT_TRUE(flow.reaching(1, 10, kScope, sites, reach));
  EXPECT_THAT(reach, ElementsAre(1, 1));  // the site with a bad block is kept
}

TEST(FlowReach, DeepLambdasThroughTheBinder) {
  const int depth = 50000;
  std::string source = "f = ";
  for (int i = 0; i < depth; ++i) source += "lambda x: ";
  source += "x\nx = 1\nx = 2\nprint(x)\n";
  const flow_test::Bound b = flow_test::bind_source(source);
  EXPECT_THAT(flow_test::reads(b, "x", 4), ElementsAre(3));
  EXPECT_GE(b.facts.flow_blocks.size(), static_cast<size_t>(depth));
}

}  // namespace
}  // namespace ca::bind
