// Flow-sensitive binding: loop back edges, kills by dominating bindings and `del`, the
// binding point of assignments, defs and parameters, end to end from Python source.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "flow_test_helpers.hpp"

namespace ca::flow_test {
namespace {

using ::testing::ElementsAre;

TEST(FlowLoops, BackEdgeReachesEarlierReads) {
  const Bound b = bind_source(
      "x = 0\n"               // 1
      "for i in range(3):\n"  // 2
      "    print(x)\n"        // 3
      "    x = i\n"           // 4
      "print(x)\n");          // 5
  EXPECT_THAT(reads(b, "x", 3), ElementsAre(1, 4));
  EXPECT_THAT(reads(b, "x", 5), ElementsAre(1, 4));
  EXPECT_THAT(reads(b, "i", 4), ElementsAre(2));
}

TEST(FlowLoops, WhileConditionAndBody) {
  const Bound b = bind_source(
      "n = 0\n"          // 1
      "while n < 10:\n"  // 2
      "    n = n + 1\n"  // 3
      "print(n)\n");     // 4
  EXPECT_THAT(reads(b, "n", 2), ElementsAre(1, 3));
  EXPECT_THAT(reads(b, "n", 3), ElementsAre(1, 3));
  EXPECT_THAT(reads(b, "n", 4), ElementsAre(1, 3));
}

TEST(FlowLoops, ForTargetCutsTheBackEdge) {
  const Bound b = bind_source(
      "for v in data:\n"  // 1
      "    print(v)\n"    // 2
      "    v = 3\n"       // 3
      "print(v)\n");      // 4
  EXPECT_THAT(reads(b, "v", 2), ElementsAre(1));
  EXPECT_THAT(reads(b, "v", 4), ElementsAre(1, 3));
}

TEST(FlowLoops, ForIterableIsReadBeforeTheTargetBinds) {
  const Bound b = bind_source(
      "items = [1]\n"          // 1
      "for items in items:\n"  // 2
      "    pass\n");           // 3
  EXPECT_THAT(reads(b, "items", 2), ElementsAre(1));
}

TEST(FlowLoops, LoopElseMayBeSkipped) {
  const Bound b = bind_source(
      "k = 0\n"         // 1
      "for _ in xs:\n"  // 2
      "    break\n"     // 3
      "else:\n"         // 4
      "    k = 1\n"     // 5
      "print(k)\n");    // 6
  EXPECT_THAT(reads(b, "k", 6), ElementsAre(1, 5));
}

TEST(FlowKills, DominatingAssignmentHidesEarlierOnes) {
  const Bound b = bind_source(
      "x = 1\n"       // 1
      "x = 2\n"       // 2
      "print(x)\n"    // 3
      "x = x + 1\n"   // 4
      "print(x)\n"    // 5
      "x += 1\n"      // 6
      "print(x)\n");  // 7
  EXPECT_THAT(reads(b, "x", 3), ElementsAre(2));
  EXPECT_THAT(reads(b, "x", 4), ElementsAre(2));  // the value is read before x is rebound
  EXPECT_THAT(reads(b, "x", 5), ElementsAre(4));
  EXPECT_THAT(reads(b, "x", 7), ElementsAre(6));
}

TEST(FlowKills, DefsAndClassesBindAtTheirEnd) {
  const Bound b = bind_source(
      "class C:\n"             // 1
      "    @property\n"        // 2
      "    def v(self):\n"     // 3
      "        return 1\n"     // 4
      "    @v.setter\n"        // 5
      "    def v(self, x):\n"  // 6
      "        pass\n"         // 7
      "    w = v\n"            // 8
      "def f(g=f):\n"          // 9
      "    pass\n"             // 10
      "def f(): pass\n"        // 11
      "print(f)\n");           // 12
  EXPECT_THAT(reads(b, "v", 5), ElementsAre(3));
  EXPECT_THAT(reads(b, "v", 8), ElementsAre(6));
  EXPECT_THAT(reads(b, "f", 9), ElementsAre(9, 11));  // read before any def: fallback
  EXPECT_THAT(reads(b, "f", 12), ElementsAre(11));
}

TEST(FlowKills, ParametersBindAtEntry) {
  const Bound b = bind_source(
      "def f(a, b=1):\n"  // 1
      "    print(a)\n"    // 2
      "    if b:\n"       // 3
      "        a = 2\n"   // 4
      "    print(a)\n"    // 5
      "    a = 3\n"       // 6
      "    return a\n");  // 7
  EXPECT_THAT(reads(b, "a", 2), ElementsAre(1));
  EXPECT_THAT(reads(b, "a", 5), ElementsAre(1, 4));
  EXPECT_THAT(reads(b, "a", 7), ElementsAre(6));
}

TEST(FlowKills, DelKillsWhatIsBeforeIt) {
  const Bound b = bind_source(
      "x = 1\n"       // 1
      "del x\n"       // 2
      "x = 2\n"       // 3
      "print(x)\n"    // 4
      "y = 1\n"       // 5
      "del y\n"       // 6
      "print(y)\n"    // 7
      "z = 1\n"       // 8
      "if c:\n"       // 9
      "    del z\n"   // 10
      "print(z)\n");  // 11
  EXPECT_THAT(reads(b, "x", 2), ElementsAre(1));
  EXPECT_THAT(reads(b, "x", 4), ElementsAre(3));
  EXPECT_THAT(reads(b, "y", 7), ElementsAre(5));  // nothing reaches: fallback
  EXPECT_THAT(reads(b, "z", 11), ElementsAre(8));
}

TEST(FlowKills, WalrusAndAnnotationDoNotHideEarlierBindings) {
  const Bound b = bind_source(
      "y = 0\n"                  // 1
      "if ok and (y := g()):\n"  // 2
      "    pass\n"               // 3
      "print(y)\n"               // 4
      "t = 1\n"                  // 5
      "t: int\n"                 // 6
      "print(t)\n");             // 7
  EXPECT_THAT(reads(b, "y", 4), ElementsAre(1, 2));
  EXPECT_THAT(reads(b, "t", 7), ElementsAre(5, 6));
}

}  // namespace
}  // namespace ca::flow_test
