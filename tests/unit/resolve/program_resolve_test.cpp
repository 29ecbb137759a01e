// Whole-program resolution on small programs: imports (relative, re-exports, externals),
// class hierarchies (C3 MRO, conflicts, overrides), builtins, and determinism.
#include <gtest/gtest.h>

#include <string>

#include "program_test_support.hpp"

namespace ca {
namespace {

const DefRow* def_named(const test::Program& p, const std::string& qualname) {
  for (const auto& f : p.facts) {
    for (const DefRow& d : f->defs) {
      if (d.qualname == qualname) return &d;
    }
  }
  return nullptr;
}

bool calls(const test::Program& p, const std::string& caller, const std::string& callee) {
  return test::PycgNamer(p).edges().count({caller, callee}) != 0;
}

TEST(ProgramResolve, RelativeImportThroughPackageReexport) {
  const test::Program p = test::make_program({
      {"pkg/__init__.py", "from .mod import f as g\n"},
      {"pkg/mod.py", "def f():\n    pass\n"},
      {"main.py", "from pkg import g\ng()\n"},
  });
  const DefRow* f = def_named(p, "pkg.mod.f");
  ASSERT_NE(f, nullptr);
  bool import_found = false;
  for (const ImportResolutionRow& r : p.out.imports) {
    if (r.file_id == file_id_for("main.py")) {
      import_found = true;
      EXPECT_EQ(r.symbol_id, f->node_id);
      EXPECT_EQ(r.resolution, "reexport");
    }
  }
  EXPECT_TRUE(import_found);
  bool ref_found = false;
  for (const RefResolutionRow& r : p.out.refs) {
    if (r.file_id == file_id_for("main.py") && r.target_id == f->node_id) {
      ref_found = true;
      EXPECT_EQ(r.resolution, "import");
    }
  }
  EXPECT_TRUE(ref_found);
  EXPECT_TRUE(calls(p, "main", "pkg.mod.f"));
}

TEST(ProgramResolve, ExternalsAndBuiltins) {
  const test::Program p = test::make_program({
      {"main.py",
       "import os\nfrom thirdparty import thing\nos.path.join('a')\nthing.run()\nlen([])\n"},
  });
  EXPECT_TRUE(calls(p, "main", "os.path.join"));
  EXPECT_TRUE(calls(p, "main", "thirdparty.thing.run"));
  EXPECT_TRUE(calls(p, "main", "<builtin>.len"));
  std::map<std::string, std::string> origin;
  for (const ExternalRow& e : p.out.externals) origin[e.qualname] = e.origin;
  EXPECT_EQ(origin["os.path.join"], "stdlib");
  EXPECT_EQ(origin["builtins.len"], "builtin");
  EXPECT_EQ(origin["thirdparty.thing.run"], "unknown");
}

TEST(ProgramResolve, DiamondMroSuperAndOverrides) {
  const test::Program p = test::make_program({
      {"main.py",
       "class A:\n    def m(self):\n        pass\n"
       "class B(A):\n    def m(self):\n        super().m()\n"
       "class C(A):\n    def m(self):\n        super().m()\n"
       "class D(B, C):\n    pass\n"
       "D().m()\n"},
  });
  const DefRow* d = def_named(p, "main.D");
  ASSERT_NE(d, nullptr);
  std::vector<std::string> order;
  test::PycgNamer namer(p);
  for (const MroRow& r : p.out.mro) {
    if (r.class_id != d->node_id) continue;
    for (const auto& f : p.facts) {
      for (const DefRow& x : f->defs) {
        if (x.node_id == r.entry_id) order.push_back(x.name);
      }
    }
  }
  EXPECT_EQ(order, (std::vector<std::string>{"D", "B", "C", "A"}));
  // super() in B.m, on a D instance, reaches C.m (next after B in D's MRO), then A.m.
  EXPECT_TRUE(calls(p, "main", "main.B.m"));
  EXPECT_TRUE(calls(p, "main.B.m", "main.C.m"));
  EXPECT_TRUE(calls(p, "main.C.m", "main.A.m"));
  const DefRow* bm = def_named(p, "main.B.m");
  const DefRow* am = def_named(p, "main.A.m");
  ASSERT_NE(bm, nullptr);
  ASSERT_NE(am, nullptr);
  bool overrides = false;
  for (const OverridesRow& o : p.out.overrides)
    overrides |= o.method_id == bm->node_id && o.overridden_id == am->node_id;
  EXPECT_TRUE(overrides);
  EXPECT_TRUE(p.out.diagnostics.empty());
}

TEST(ProgramResolve, InconsistentMroIsDiagnosed) {
  const test::Program p = test::make_program({
      {"main.py", "class A:\n    pass\nclass B(A):\n    pass\nclass X(A, B):\n    pass\n"},
  });
  ASSERT_EQ(p.out.diagnostics.size(), 1u);
  EXPECT_EQ(p.out.diagnostics[0].code, "mro_conflict");
  EXPECT_NE(p.out.diagnostics[0].message.find("main.X"), std::string::npos);
}

TEST(ProgramResolve, StarImportHonoursDunderAll) {
  const test::Program p = test::make_program({
      {"lib.py", "__all__ = ['pub']\ndef pub():\n    pass\ndef other():\n    pass\n"},
      {"main.py", "from lib import *\npub()\nother()\n"},
  });
  EXPECT_TRUE(calls(p, "main", "lib.pub"));
  EXPECT_FALSE(calls(p, "main", "lib.other"));
}

TEST(ProgramResolve, SameRowsOnEveryRun) {
  test::Program p = test::make_program({
      {"a.py",
       "class K:\n    def __init__(self):\n        self.f = len\n    def g(self):\n        return "
       "self.f\n"},
      {"b.py", "from a import K\nk = K()\nk.g()([])\n"},
  });
  const ProgramFacts first = p.out;
  p.resolve();
  ASSERT_EQ(first.calls.size(), p.out.calls.size());
  for (size_t i = 0; i < first.calls.size(); ++i) {
    EXPECT_EQ(first.calls[i].callee_id, p.out.calls[i].callee_id);
    EXPECT_EQ(first.calls[i].bstart, p.out.calls[i].bstart);
  }
  EXPECT_TRUE(calls(p, "b", "a.K.g"));
  EXPECT_TRUE(calls(p, "b", "<builtin>.len"));
}

}  // namespace
}  // namespace ca
