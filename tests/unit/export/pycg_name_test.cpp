// PyCG's naming of nodes, as in ../shared/bench/README.md.
#include <gtest/gtest.h>

#include "export/callgraph_export.hpp"

namespace ca {
namespace {

TEST(PycgName, ModulesAndFunctions) {
  EXPECT_EQ(pycg_name("MODULE", "pkg.mod"), "pkg.mod");
  EXPECT_EQ(pycg_name("FUNCTION", "main.A.fn"), "main.A.fn");
  EXPECT_EQ(pycg_name("FUNCTION", "main.func.<locals>.inner"), "main.func.inner");
  EXPECT_EQ(pycg_name("FUNCTION", "main.f.<locals>.g.<locals>.h"), "main.f.g.h");
}

TEST(PycgName, LambdasNumberedPerScope) {
  EXPECT_EQ(pycg_name("LAMBDA", "main.<lambda>"), "main.<lambda1>");
  EXPECT_EQ(pycg_name("LAMBDA", "main.<lambda>#2"), "main.<lambda2>");
  EXPECT_EQ(pycg_name("LAMBDA", "main.f.<locals>.<lambda>#3"), "main.f.<lambda3>");
}

TEST(PycgName, Externals) {
  EXPECT_EQ(pycg_name("EXTERNAL", "builtins.len"), "<builtin>.len");
  EXPECT_EQ(pycg_name("EXTERNAL", "builtins.str.join"), "<**PyStr**>.join");
  EXPECT_EQ(pycg_name("EXTERNAL", "builtins.dict.items"), "<**PyDict**>.items");
  EXPECT_EQ(pycg_name("EXTERNAL", "ext.Cls.fun"), "ext.Cls.fun");
}

}  // namespace
}  // namespace ca
