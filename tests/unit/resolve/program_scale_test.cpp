// Resolves a real code base named by CA_PROGRAM_SCALE_DIR (e.g. Debian's
// /usr/lib/python3/dist-packages/django with CA_PROGRAM_SCALE_PREFIX=django/) and prints
// how long resolve_program takes and what it produced; skipped when the variable is unset.
// Also checks that two runs give identical rows. Not a timed assertion (see DESIGN.md §7).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "program_test_support.hpp"

namespace ca {
namespace {

TEST(ProgramScale, ResolvesRealCodeDeterministically) {
  const char* dir = std::getenv("CA_PROGRAM_SCALE_DIR");
  if (dir == nullptr) GTEST_SKIP() << "set CA_PROGRAM_SCALE_DIR to a Python source tree";
  const char* prefix = std::getenv("CA_PROGRAM_SCALE_PREFIX");
  test::Program program = test::load_program(dir, prefix == nullptr ? "" : prefix);
  const auto start = std::chrono::steady_clock::now();
  program.resolve();
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  const ProgramFacts first = program.out;
  program.resolve();
  std::printf(
      "files %zu: resolve_program %.1f ms; calls %zu refs %zu imports %zu inherits %zu mro %zu "
      "overrides %zu externals %zu diagnostics %zu\n",
      program.files.size(), ms, first.calls.size(), first.refs.size(), first.imports.size(),
      first.inherits.size(), first.mro.size(), first.overrides.size(), first.externals.size(),
      first.diagnostics.size());
  for (const DiagnosticRow& d : first.diagnostics)
    std::printf("  %s: %s\n", d.code.c_str(), d.message.c_str());
  ASSERT_EQ(first.calls.size(), program.out.calls.size());
  for (size_t i = 0; i < first.calls.size(); ++i) {
    EXPECT_EQ(first.calls[i].call_id, program.out.calls[i].call_id);
    EXPECT_EQ(first.calls[i].callee_id, program.out.calls[i].callee_id);
  }
  ASSERT_EQ(first.refs.size(), program.out.refs.size());
  for (size_t i = 0; i < first.refs.size(); ++i)
    EXPECT_EQ(first.refs[i].target_id, program.out.refs[i].target_id);
}

}  // namespace
}  // namespace ca
