// Resolves a real code base named by CA_PROGRAM_SCALE_DIR (e.g. Debian's
// /usr/lib/python3/dist-packages/django with CA_PROGRAM_SCALE_PREFIX=django/) and prints
// how long resolve_program takes and what it produced; skipped when the variable is unset.
// Also checks that two runs give identical rows. Not a timed assertion (see DESIGN.md §7).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <type_traits>

#include "program_test_support.hpp"

namespace ca {
namespace {

/// Writes every row of `facts` as one text line, table by table in row order, so two builds
/// can be diffed (CA_PROGRAM_SCALE_DUMP=path).
void dump_rows(const ProgramFacts& facts, const std::string& path) {
  std::ofstream out(path);
  auto table = [&](const char* name, const auto& rows) {
    for (const auto& row : rows) {
      std::ostringstream line;
      line << name;
      row.columns([&](const char*, const auto& v) {
        using T = std::decay_t<decltype(v)>;
        line << '\t';
        if constexpr (requires { v.has_value(); }) {
          if (v.has_value()) {
            line << *v;
          } else {
            line << "NULL";
          }
        } else {
          line << v;
        }
        (void)sizeof(T);
      });
      out << line.str() << '\n';
    }
  };
  table("externals", facts.externals);
  table("imports", facts.imports);
  table("refs", facts.refs);
  table("inherits", facts.inherits);
  table("mro", facts.mro);
  table("overrides", facts.overrides);
  table("calls", facts.calls);
  table("diagnostics", facts.diagnostics);
}

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
  if (const char* dump = std::getenv("CA_PROGRAM_SCALE_DUMP")) {
    dump_rows(first, dump);
    std::ofstream paths(std::string(dump) + ".files");
    for (const auto& f : program.files) paths << f->file_id << '\t' << f->path << '\n';
  }
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
