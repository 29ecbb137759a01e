// The points-to engine's dependency-driven worklist and its data structures: values that
// arrive after their readers ran (later files, later bases) re-queue those readers; name
// loads read the binding sites the binder says may reach them; small value sets, the
// slot map, the node map and the interner, and determinism across repeated runs.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "core/interner.hpp"
#include "core/node_map.hpp"
#include "program_test_support.hpp"
#include "resolve/program/slot_map.hpp"
#include "resolve/program/values.hpp"

namespace ca {
namespace {

bool calls(const test::Program& p, const std::string& caller, const std::string& callee) {
  return test::PycgNamer(p).edges().count({caller, callee}) != 0;
}

TEST(ProgramWorklist, ValueBoundInALaterFileRequeuesItsReaders) {
  // a.py runs before z.py (path order): its call is resolved only once z.py's function
  // reaches the re-exported name, which re-queues the import and then the call.
  const test::Program p = test::make_program({
      {"a.py", "from m import g\ng()\n"},
      {"m.py", "from z import f as g\n"},
      {"z.py", "def f():\n    pass\n"},
  });
  EXPECT_TRUE(calls(p, "a", "z.f"));
}

TEST(ProgramWorklist, BaseClassFromALaterFileUpdatesTheMro) {
  const test::Program p = test::make_program({
      {"a.py",
       "from z import Base\n"
       "class Child(Base):\n    pass\n"
       "Child().run()\n"},
      {"z.py", "class Base:\n    def run(self):\n        pass\n"},
  });
  EXPECT_TRUE(calls(p, "a", "z.Base.run"));
}

TEST(ProgramWorklist, ReturnValueArrivingLaterReachesTheCaller) {
  const test::Program p = test::make_program({
      {"main.py",
       "def make():\n    return helper\n"
       "make()()\n"
       "def helper():\n    pass\n"},
  });
  EXPECT_TRUE(calls(p, "main", "main.helper"));
}

TEST(ProgramWorklist, LoadsReadOnlyTheBindingSitesThatReachThem) {
  const test::Program p = test::make_program({
      {"main.py",
       "def f1():\n    pass\n"
       "def f2():\n    pass\n"
       "a = f1\n"
       "a = f2\n"
       "a()\n"},
  });
  EXPECT_TRUE(calls(p, "main", "main.f2"));
  EXPECT_FALSE(calls(p, "main", "main.f1"));
}

TEST(ProgramWorklist, AttributeStoresOnAModuleReachItsNameLoads) {
  // `m.x = f` is not a binding site of m.x: loads of x in m still see it.
  const test::Program p = test::make_program({
      {"a.py", "import m\ndef f():\n    pass\nm.x = f\n"},
      {"m.py", "x = None\ndef run():\n    x()\n"},
  });
  EXPECT_TRUE(calls(p, "m.run", "a.f"));
}

TEST(ProgramWorklist, AugmentedAssignmentKeepsEarlierValues) {
  const test::Program p = test::make_program({
      {"main.py",
       "def f1():\n    pass\n"
       "def f2():\n    pass\n"
       "ls = [f1]\n"
       "ls += [f2]\n"
       "for g in ls:\n    g()\n"},
  });
  EXPECT_TRUE(calls(p, "main", "main.f1"));
  EXPECT_TRUE(calls(p, "main", "main.f2"));
}

TEST(ProgramWorklist, RepeatedRunsGiveIdenticalRows) {
  test::Program p = test::make_program({
      {"a.py", "from b import C\nclass D(C):\n    def m(self):\n        self.n()\nD().m()\n"},
      {"b.py", "class C:\n    def n(self):\n        return [len, print]\n"},
  });
  const ProgramFacts first = p.out;
  p.resolve();
  ASSERT_EQ(first.calls.size(), p.out.calls.size());
  for (size_t i = 0; i < first.calls.size(); ++i) {
    EXPECT_EQ(first.calls[i].call_id, p.out.calls[i].call_id);
    EXPECT_EQ(first.calls[i].callee_id, p.out.calls[i].callee_id);
  }
  ASSERT_EQ(first.refs.size(), p.out.refs.size());
}

TEST(ProgramValueSet, StaysSortedInlineAndOnTheHeap) {
  using program::Value;
  using program::ValueSet;
  using program::VKind;
  ValueSet s;
  for (uint64_t i = 10; i-- > 0;) EXPECT_TRUE(s.insert({VKind::Function, 0, i, 0}));
  EXPECT_FALSE(s.insert({VKind::Function, 0, 3, 0}));
  ASSERT_EQ(s.size(), 10U);
  uint64_t expect = 0;
  for (const Value& v : s) EXPECT_EQ(v.a, expect++);
  ValueSet small;
  small.insert({VKind::Class, 0, 1, 0});
  ValueSet copy = small;
  EXPECT_TRUE(copy.merge(s));
  EXPECT_EQ(copy.size(), 11U);
  EXPECT_FALSE(copy.merge(s));
  ValueSet moved = std::move(copy);
  EXPECT_EQ(moved.size(), 11U);
  ValueSet big;
  for (uint64_t i = 0; i < 100; ++i) big.insert({VKind::Function, 0, i, 0});
  EXPECT_EQ(big.size(), ValueSet::kMaxValues);
  EXPECT_TRUE(big.imprecise());
}

TEST(ProgramSlotMap, FindsWhatWasInsertedAcrossGrowth) {
  program::SlotMap m;
  bool inserted = false;
  for (uint32_t i = 0; i < 5000; ++i) {
    EXPECT_EQ(m.emplace({i * 7919ULL, i % 13}, i, inserted), i);
    EXPECT_TRUE(inserted);
  }
  EXPECT_EQ(m.emplace({7919ULL, 1}, 99, inserted), 1U);
  EXPECT_FALSE(inserted);
  for (uint32_t i = 0; i < 5000; ++i) EXPECT_EQ(m.find({i * 7919ULL, i % 13}), i);
  EXPECT_EQ(m.find({1, 1}), program::SlotMap::kNone);
}

TEST(ProgramInterner, IdsInFirstSeenOrderAcrossGrowth) {
  Interner names;
  for (int i = 0; i < 20000; ++i) EXPECT_EQ(names.intern("name" + std::to_string(i)), uint32_t(i));
  EXPECT_EQ(names.intern("name7"), 7U);
  EXPECT_EQ(names.intern(""), 20000U);  // the empty string is a name like any other
  EXPECT_EQ(names.find(""), 20000U);
  for (int i = 0; i < 20000; i += 997) {
    EXPECT_EQ(names.find("name" + std::to_string(i)), uint32_t(i));
    EXPECT_EQ(names.str(uint32_t(i)), "name" + std::to_string(i));
  }
  EXPECT_EQ(names.find("name20000"), UINT32_MAX);
  // Interning a string the interner itself holds (its storage stays where it is).
  EXPECT_EQ(names.intern(names.str(3)), 3U);
  EXPECT_EQ(Interner().find("x"), UINT32_MAX);
}

TEST(ProgramNodeMap, FindsWhatWasInsertedAcrossGrowthInInsertionOrder) {
  NodeMap<uint32_t> m;
  for (uint32_t i = 0; i < 5000; ++i) {
    auto [it, inserted] = m.try_emplace(i * 0x10000ULL, i);  // low bits all zero
    EXPECT_TRUE(inserted);
    EXPECT_EQ(it->second, i);
  }
  auto [again, inserted] = m.try_emplace(7 * 0x10000ULL, 99U);
  EXPECT_FALSE(inserted);
  EXPECT_EQ(again->second, 7U);
  m[5] = 42;  // operator[] inserts
  EXPECT_EQ(m.size(), 5001U);
  for (uint32_t i = 0; i < 5000; ++i) {
    ASSERT_NE(m.find(i * 0x10000ULL), m.end());
    EXPECT_EQ(m.find(i * 0x10000ULL)->second, i);
    EXPECT_EQ(m.count(i * 0x10000ULL), 1U);
  }
  EXPECT_EQ(m.at(5), 42U);
  EXPECT_EQ(m.find(3), m.end());
  EXPECT_EQ(m.count(3), 0U);
  EXPECT_THROW((void)m.at(3), std::out_of_range);
  uint32_t expected = 0;  // iteration follows insertion, whatever the keys' hashes
  for (const auto& [key, value] : m) {
    if (key == 5) continue;
    EXPECT_EQ(value, expected++);
  }
  EXPECT_EQ(expected, 5000U);
}

TEST(ProgramNodeMap, ReserveKeepsEntriesInPlace) {
  NodeMap<std::string> m;
  m.reserve(1000);
  std::string* first = &m[1];
  *first = "kept";
  for (NodeId k = 2; k <= 1000; ++k) m[k] = "x";
  EXPECT_EQ(&m.find(1)->second, first);
  EXPECT_EQ(*first, "kept");
}

}  // namespace
}  // namespace ca
