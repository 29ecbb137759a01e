// Flow-sensitive binding across exclusive constructs: if/elif/else arms, match cases and
// the arms of a try statement, end to end from Python source.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "flow_test_helpers.hpp"

namespace ca::flow_test {
namespace {

using ::testing::ElementsAre;

TEST(FlowBranches, IfElseArmsExcludeEachOther) {
  const Bound b = bind_source(
      "x = 0\n"         // 1
      "if c:\n"         // 2
      "    x = 1\n"     // 3
      "    print(x)\n"  // 4
      "else:\n"         // 5
      "    print(x)\n"  // 6
      "    x = 2\n"     // 7
      "print(x)\n");    // 8
  EXPECT_THAT(reads(b, "x", 4), ElementsAre(3));
  EXPECT_THAT(reads(b, "x", 6), ElementsAre(1));
  // Each arm rebinds x but no single binding runs on every path: x = 0 is kept too.
  EXPECT_THAT(reads(b, "x", 8), ElementsAre(1, 3, 7));
}

TEST(FlowBranches, ElifChainAndFallback) {
  const Bound b = bind_source(
      "if a:\n"         // 1
      "    y = 1\n"     // 2
      "elif b:\n"       // 3
      "    y = 2\n"     // 4
      "    print(y)\n"  // 5
      "else:\n"         // 6
      "    print(y)\n"  // 7
      "print(y)\n");    // 8
  EXPECT_THAT(reads(b, "y", 5), ElementsAre(4));
  // Nothing can reach the else arm (a NameError in Python): every binding site is kept.
  EXPECT_THAT(reads(b, "y", 7), ElementsAre(2, 4));
  EXPECT_THAT(reads(b, "y", 8), ElementsAre(2, 4));
}

TEST(FlowBranches, ElifConditionSeesEarlierConditions) {
  const Bound b = bind_source(
      "if (m := f()):\n"  // 1
      "    m = 1\n"       // 2
      "elif m:\n"         // 3
      "    pass\n");      // 4
  EXPECT_THAT(reads(b, "m", 3), ElementsAre(1));
}

TEST(FlowBranches, MatchCasesExcludeEachOther) {
  const Bound b = bind_source(
      "match cmd:\n"                 // 1
      "    case [x]:\n"              // 2
      "        print(x)\n"           // 3
      "    case [1, x] | [x, 1]:\n"  // 4
      "        print(x)\n"           // 5
      "    case _:\n"                // 6
      "        x = 3\n"              // 7
      "print(x)\n");                 // 8
  EXPECT_THAT(reads(b, "x", 3), ElementsAre(2));
  EXPECT_THAT(reads(b, "x", 5), ElementsAre(4, 4));
  EXPECT_THAT(reads(b, "x", 8), ElementsAre(2, 4, 4, 7));
}

TEST(FlowBranches, CaptureHidesEarlierBindingInItsCase) {
  const Bound b = bind_source(
      "obj = None\n"                     // 1
      "match cmd:\n"                     // 2
      "    case ['get', obj] if obj:\n"  // 3
      "        print(obj)\n"             // 4
      "    case _:\n"                    // 5
      "        print(obj)\n");           // 6
  EXPECT_THAT(reads(b, "obj", 3), ElementsAre(3));
  EXPECT_THAT(reads(b, "obj", 4), ElementsAre(3));
  EXPECT_THAT(reads(b, "obj", 6), ElementsAre(1));
}

TEST(FlowBranches, TryBodyIsNotExclusiveWithHandlers) {
  const Bound b = bind_source(
      "try:\n"                 // 1
      "    import json\n"      // 2
      "except ImportError:\n"  // 3
      "    print(json)\n"      // 4
      "    json = None\n"      // 5
      "print(json)\n");        // 6
  EXPECT_THAT(reads(b, "json", 4), ElementsAre(2));
  EXPECT_THAT(reads(b, "json", 6), ElementsAre(2, 5));
}

TEST(FlowBranches, HandlersAndElseExcludeEachOtherButNotFinally) {
  const Bound b = bind_source(
      "try:\n"            // 1
      "    r = f()\n"     // 2
      "except A:\n"       // 3
      "    r = 1\n"       // 4
      "except B:\n"       // 5
      "    print(r)\n"    // 6
      "    r = 2\n"       // 7
      "else:\n"           // 8
      "    print(r)\n"    // 9
      "finally:\n"        // 10
      "    print(r)\n");  // 11
  EXPECT_THAT(reads(b, "r", 6), ElementsAre(2));
  EXPECT_THAT(reads(b, "r", 9), ElementsAre(2));
  EXPECT_THAT(reads(b, "r", 11), ElementsAre(2, 4, 7));
}

TEST(FlowBranches, ExclusiveArmsMeetAroundALoop) {
  const Bound b = bind_source(
      "while go():\n"       // 1
      "    if a:\n"         // 2
      "        x = 1\n"     // 3
      "    else:\n"         // 4
      "        print(x)\n"  // 5
      "        x = 2\n"     // 6
      "        print(x)\n"  // 7
      "x = 0\n");           // 8
  EXPECT_THAT(reads(b, "x", 5), ElementsAre(3, 6));
  EXPECT_THAT(reads(b, "x", 7), ElementsAre(6));
}

TEST(FlowBranches, WithBodyDoesNotHideEarlierBindings) {
  const Bound b = bind_source(
      "v = None\n"                 // 1
      "with suppress(E) as cm:\n"  // 2
      "    v = load()\n"           // 3
      "    print(v, cm)\n"         // 4
      "print(v, cm)\n");           // 5
  EXPECT_THAT(reads(b, "v", 4), ElementsAre(3));
  EXPECT_THAT(reads(b, "v", 5), ElementsAre(1, 3));
  EXPECT_THAT(reads(b, "cm", 5), ElementsAre(2));
}

}  // namespace
}  // namespace ca::flow_test
