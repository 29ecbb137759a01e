// Scores the call graph on PyCG's micro-benchmark (../shared/bench/pycg-micro): every case
// is extracted, bound and resolved; the edges, named as PyCG names them, are compared with
// callgraph.json. Prints per-category figures and fails when the totals drop below the
// floor reached so far.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "program_test_support.hpp"

namespace ca {
namespace {

namespace fs = std::filesystem;

// The floor: raise it when the resolver improves, never lower it to make a change pass.
constexpr double kMinPrecision = 0.996;
constexpr double kMinRecall = 0.988;

fs::path snippets_dir() {
  return fs::path(CA_TESTS_DIR) / ".." / ".." / "shared" / "bench" / "pycg-micro" / "snippets";
}

struct Score {
  int tp = 0, fp = 0, fn = 0, cases = 0, complete = 0, sound = 0;
};

std::set<std::pair<std::string, std::string>> expected_edges(const fs::path& file) {
  std::set<std::pair<std::string, std::string>> out;
  const auto json = nlohmann::json::parse(test::slurp_file(file));
  for (const auto& [caller, callees] : json.items()) {
    for (const auto& callee : callees) out.emplace(caller, callee.get<std::string>());
  }
  return out;
}

TEST(ProgramPycgMicro, ScoresAboveFloor) {
  const fs::path root = snippets_dir();
  if (!fs::exists(root)) GTEST_SKIP() << "no benchmark at " << root;
  std::vector<fs::path> cases;
  for (const auto& cat : fs::directory_iterator(root)) {
    if (!cat.is_directory()) continue;
    for (const auto& c : fs::directory_iterator(cat.path())) {
      if (fs::exists(c.path() / "callgraph.json")) cases.push_back(c.path());
    }
  }
  std::sort(cases.begin(), cases.end());
  std::map<std::string, Score> by_category;
  Score total;
  const bool verbose = std::getenv("CA_PYCG_VERBOSE") != nullptr;
  for (const fs::path& dir : cases) {
    const std::string category = dir.parent_path().filename().string();
    test::Program program = test::load_program(dir);
    const auto produced = test::PycgNamer(program).edges();
    const auto expected = expected_edges(dir / "callgraph.json");
    Score s;
    s.cases = 1;
    for (const auto& e : produced) (expected.count(e) ? s.tp : s.fp)++;
    for (const auto& e : expected) s.fn += produced.count(e) ? 0 : 1;
    s.complete = s.fp == 0;
    s.sound = s.fn == 0;
    if (verbose && (s.fp != 0 || s.fn != 0)) {
      std::printf("%s/%s\n", category.c_str(), dir.filename().c_str());
      for (const auto& e : produced) {
        if (!expected.count(e)) std::printf("  FP %s -> %s\n", e.first.c_str(), e.second.c_str());
      }
      for (const auto& e : expected) {
        if (!produced.count(e)) std::printf("  FN %s -> %s\n", e.first.c_str(), e.second.c_str());
      }
    }
    for (Score* t : {&by_category[category], &total}) {
      t->tp += s.tp;
      t->fp += s.fp;
      t->fn += s.fn;
      t->cases += s.cases;
      t->complete += s.complete;
      t->sound += s.sound;
    }
  }
  auto pct = [](int a, int b) { return b == 0 ? 100.0 : 100.0 * a / b; };
  std::printf("%-14s %5s %4s %4s %4s %7s %7s %9s %6s\n", "category", "cases", "TP", "FP", "FN",
              "prec%", "recall%", "complete", "sound");
  for (const auto& [cat, s] : by_category) {
    std::printf("%-14s %5d %4d %4d %4d %7.1f %7.1f %9d %6d\n", cat.c_str(), s.cases, s.tp, s.fp,
                s.fn, pct(s.tp, s.tp + s.fp), pct(s.tp, s.tp + s.fn), s.complete, s.sound);
  }
  std::printf("%-14s %5d %4d %4d %4d %7.1f %7.1f %9d %6d\n", "TOTAL", total.cases, total.tp,
              total.fp, total.fn, pct(total.tp, total.tp + total.fp),
              pct(total.tp, total.tp + total.fn), total.complete, total.sound);
  EXPECT_GE(pct(total.tp, total.tp + total.fp) / 100.0, kMinPrecision);
  EXPECT_GE(pct(total.tp, total.tp + total.fn) / 100.0, kMinRecall);
}

}  // namespace
}  // namespace ca
