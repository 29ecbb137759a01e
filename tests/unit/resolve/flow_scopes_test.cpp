// Flow-sensitive binding and scopes: reads from nested scopes, global/nonlocal names,
// comprehensions and imports stay as they were or shadow by the same rules, end to end
// from Python source.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "flow_test_helpers.hpp"

namespace ca::flow_test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(FlowScopes, ClosuresAndFunctionsReadEveryBinding) {
  const Bound b = bind_source(
      "x = 1\n"         // 1
      "def f():\n"      // 2
      "    return x\n"  // 3
      "f()\n"           // 4
      "x = 2\n"         // 5
      "print(x)\n");    // 6
  EXPECT_THAT(reads(b, "x", 3), ElementsAre(1, 5));
  EXPECT_THAT(reads(b, "x", 6), ElementsAre(5));
}

TEST(FlowScopes, GlobalBindingsFromFunctionsAlwaysReach) {
  const Bound b = bind_source(
      "counter = 0\n"         // 1
      "def bump():\n"         // 2
      "    global counter\n"  // 3
      "    counter = 1\n"     // 4
      "    return counter\n"  // 5
      "counter = 5\n"         // 6
      "print(counter)\n");    // 7
  EXPECT_THAT(reads(b, "counter", 5), ElementsAre(1, 4, 6));
  EXPECT_THAT(reads(b, "counter", 7), ElementsAre(4, 6));
}

TEST(FlowScopes, NonlocalBindingsAlwaysReach) {
  const Bound b = bind_source(
      "def outer():\n"        // 1
      "    n = 0\n"           // 2
      "    def inc():\n"      // 3
      "        nonlocal n\n"  // 4
      "        n = n + 1\n"   // 5
      "    inc()\n"           // 6
      "    n = 7\n"           // 7
      "    return n\n");      // 8
  EXPECT_THAT(reads(b, "n", 5), ElementsAre(2, 5, 7));
  EXPECT_THAT(reads(b, "n", 8), ElementsAre(5, 7));
}

TEST(FlowScopes, ClassBodyReadsItsOwnNamesInOrder) {
  const Bound b = bind_source(
      "class K:\n"            // 1
      "    a = 1\n"           // 2
      "    a = 2\n"           // 3
      "    b = a\n"           // 4
      "    def m(self):\n"    // 5
      "        return a\n");  // 6
  EXPECT_THAT(reads(b, "a", 4), ElementsAre(3));
  EXPECT_THAT(reads(b, "a", 6), IsEmpty());  // a class body does not enclose its methods
}

TEST(FlowScopes, ComprehensionsAreReadWhole) {
  const Bound b = bind_source(
      "ys = [x for x in range(3) if x]\n"          // 1
      "total = 0\n"                                // 2
      "zs = [(total := total + v) for v in ys]\n"  // 3
      "print(total)\n");                           // 4
  EXPECT_THAT(reads(b, "x", 1), ElementsAre(1));
  EXPECT_THAT(reads(b, "ys", 3), ElementsAre(1));
  // The walrus binds in the module but runs inside the comprehension: it hides nothing.
  EXPECT_THAT(reads(b, "total", 4), ElementsAre(2, 3));
}

TEST(FlowScopes, LaterImportShadowsEarlierOne) {
  const Bound b = bind_source(
      "from a import x\n"      // 1
      "from b import x\n"      // 2
      "print(x)\n"             // 3
      "import os.path\n"       // 4
      "import os.sep\n"        // 5
      "print(os)\n"            // 6
      "try:\n"                 // 7
      "    from c import y\n"  // 8
      "except ImportError:\n"  // 9
      "    from d import y\n"  // 10
      "print(y)\n");           // 11
  EXPECT_THAT(reads(b, "x", 3), ElementsAre(2));
  // `import os.path` and `import os.sep` both bind `os` to the same package.
  EXPECT_THAT(reads(b, "os", 6), ElementsAre(4, 5));
  EXPECT_THAT(reads(b, "y", 11), ElementsAre(8, 10));
}

TEST(FlowScopes, ManyBindingsAreReadWhole) {
  std::string source;
  for (int i = 0; i < 65; ++i) source += "v = " + std::to_string(i) + "\n";
  source += "print(v)\n";  // line 66
  const Bound b = bind_source(source);
  EXPECT_EQ(reads(b, "v", 66).size(), 64u);  // flow analysis skipped, the usual cap applies
}

TEST(FlowScopes, DeterministicAcrossRuns) {
  const std::string source =
      "x = 1\nif a:\n    x = 2\nelse:\n    x = 3\nwhile x:\n    x = x - 1\nprint(x)\n";
  const Bound one = bind_source(source);
  const Bound two = bind_source(source);
  ASSERT_EQ(one.facts.name_refs.size(), two.facts.name_refs.size());
  for (size_t i = 0; i < one.facts.name_refs.size(); ++i) {
    EXPECT_EQ(one.facts.name_refs[i].binding_id, two.facts.name_refs[i].binding_id);
  }
  // Both arms rebind x, but no single binding dominates the read: x = 1 is kept.
  EXPECT_THAT(reads(one, "x", 8), ElementsAre(1, 3, 5, 7));
}

}  // namespace
}  // namespace ca::flow_test
