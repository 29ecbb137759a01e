// Container precision of the whole-program resolver: strong updates of constant keys,
// small int constants as indices (through variables and parameters), and slices.
#include <gtest/gtest.h>

#include <string>

#include "program_test_support.hpp"

namespace ca {
namespace {

bool calls(const test::Program& p, const std::string& caller, const std::string& callee) {
  return test::PycgNamer(p).edges().count({caller, callee}) != 0;
}

test::Program run(const std::string& body) {
  return test::make_program({{"main.py",
                              "def f1():\n    pass\ndef f2():\n    pass\n"
                              "def f3():\n    pass\n" +
                                  body}});
}

TEST(ProgramContainers, DominatingStoreReplacesKey) {
  const test::Program a = run("d = {'a': f1}\nd['a'] = f2\nd['a']()\n");
  EXPECT_FALSE(calls(a, "main", "main.f1"));
  EXPECT_TRUE(calls(a, "main", "main.f2"));
  const test::Program nested = run("d = {'a': {'b': f1}}\nd['a']['b'] = f2\nd['a']['b']()\n");
  EXPECT_FALSE(calls(nested, "main", "main.f1"));
  EXPECT_TRUE(calls(nested, "main", "main.f2"));
  const test::Program update = run("d = {'a': f1}\nd.update({'a': f2})\nd['a']()\n");
  EXPECT_FALSE(calls(update, "main", "main.f1"));
  EXPECT_TRUE(calls(update, "main", "main.f2"));
  const test::Program list = run("ls = [f1]\nls[0] = f2\nls[0]()\n");
  EXPECT_FALSE(calls(list, "main", "main.f1"));
  EXPECT_TRUE(calls(list, "main", "main.f2"));
}

TEST(ProgramContainers, UnionWhenStoreMayNotBeLatest) {
  const char* cases[] = {
      // The store does not dominate the read.
      "d = {'a': f1}\nif x:\n    d['a'] = f2\nd['a']()\n",
      // A call in between may change the element.
      "d = {'a': f1}\nd['a'] = f2\ng()\nd['a']()\n",
      // An alias stores into the same dict in between.
      "d = {'a': f1}\ne = d\nd['a'] = f2\ne['a'] = f1\nd['a']()\n",
      // A loop around the read (not the store) brings a later store back to it.
      "d = {'a': f1}\nd['a'] = f2\nfor i in x:\n    d['a']()\n    d['a'] = f1\n",
      // The name is rebound between: another object.
      "d = {'a': f1}\nd['a'] = f2\nd = {'a': f1}\nd['a']()\n",
  };
  for (const char* c : cases) {
    const test::Program p = run(c);
    EXPECT_TRUE(calls(p, "main", "main.f1")) << c;
  }
  const test::Program other_scope = run("d = {'a': f1}\nd['a'] = f2\ndef h():\n    d['a']()\n");
  EXPECT_TRUE(calls(other_scope, "main.h", "main.f1"));
  EXPECT_TRUE(calls(other_scope, "main.h", "main.f2"));
}

TEST(ProgramContainers, UpdateCopiesKeys) {
  const test::Program p = run("d = {'a': f1, 'b': f3}\ne = {'a': f2}\ne.update(d)\ne['b']()\n");
  EXPECT_TRUE(calls(p, "main", "main.f3"));
}

TEST(ProgramContainers, IntConstantsSelectElements) {
  const test::Program param = run("ls = [f1, f2, f3]\ndef g(k):\n    ls[k]()\ng(1)\ng(2)\n");
  EXPECT_FALSE(calls(param, "main.g", "main.f1"));
  EXPECT_TRUE(calls(param, "main.g", "main.f2"));
  EXPECT_TRUE(calls(param, "main.g", "main.f3"));
  const test::Program var = run("ls = [f1, f2]\ni = 0\nls[i]()\n");
  EXPECT_TRUE(calls(var, "main", "main.f1"));
  EXPECT_FALSE(calls(var, "main", "main.f2"));
  // An index that is not only known constants reads every element.
  const test::Program unknown = run("ls = [f1, f2]\ndef g(k):\n    ls[k]()\ng(1)\ng(len(x))\n");
  EXPECT_TRUE(calls(unknown, "main.g", "main.f1"));
  EXPECT_TRUE(calls(unknown, "main.g", "main.f2"));
  // A counter updated in a loop, or arithmetic on a constant, is some int: every element.
  const test::Program counter = run("ls = [f1, f2]\ni = 0\nwhile x:\n    ls[i]()\n    i += 1\n");
  EXPECT_TRUE(calls(counter, "main", "main.f1"));
  EXPECT_TRUE(calls(counter, "main", "main.f2"));
  const test::Program arith = run("ls = [f1, f2]\ni = 0\nj = i + 1\nls[j]()\n");
  EXPECT_TRUE(calls(arith, "main", "main.f2"));
  // Past ValueSet::kMaxInts constants an index widens to some int.
  const test::Program many =
      run("ls = [f1, f2, f3]\ndef g(k):\n    ls[k]()\ng(0)\ng(10)\ng(11)\ng(12)\ng(13)\n");
  EXPECT_TRUE(calls(many, "main.g", "main.f1"));
  EXPECT_TRUE(calls(many, "main.g", "main.f2"));
  // Stores through a known index land on that element.
  const test::Program store = run("ls = [f1, f2]\ni = 1\nls[i] = f3\nls[1]()\n");
  EXPECT_TRUE(calls(store, "main", "main.f3"));
}

TEST(ProgramContainers, SlicesShiftPositions) {
  const test::Program p = run("ls = [f1, f2, f3]\nls2 = ls[1:3]\nls2[0]()\n");
  EXPECT_FALSE(calls(p, "main", "main.f1"));
  EXPECT_TRUE(calls(p, "main", "main.f2"));
  const test::Program open = run("ls = [f1, f2, f3]\nls[1:][1]()\n");
  EXPECT_TRUE(calls(open, "main", "main.f3"));
  EXPECT_FALSE(calls(open, "main", "main.f2"));
  const test::Program step = run("ls = [f1, f2, f3]\nls[::2][1]()\n");
  EXPECT_TRUE(calls(step, "main", "main.f3"));
  EXPECT_FALSE(calls(step, "main", "main.f1"));
  const test::Program unknown = run("ls = [f1, f2, f3]\nls[n:][0]()\n");
  EXPECT_TRUE(calls(unknown, "main", "main.f1"));
  EXPECT_TRUE(calls(unknown, "main", "main.f2"));
  EXPECT_TRUE(calls(unknown, "main", "main.f3"));
}

}  // namespace
}  // namespace ca
