// The golden-snippet tests: one parameterized test per case file in tests/golden/cases.
// Each case's modules are written to a fresh repository, built with two workers, and every
// assertion is checked against the graph; failures name the case line and what the graph
// has instead.
#include <gtest/gtest.h>

#include "golden/case_repo.hpp"
#include "golden/checker.hpp"
#include "golden/graph_snapshot.hpp"
#include "pipeline/build.hpp"

namespace ca::golden {
namespace {

class GoldenCase : public ::testing::TestWithParam<std::filesystem::path> {};
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenCase);

TEST_P(GoldenCase, AssertionsHold) {
  const auto& file = GetParam();
  CaseFile c = load_case(file);
  for (const auto& error : c.errors) ADD_FAILURE_AT(file.string().c_str(), 0) << error;
  ASSERT_TRUE(c.errors.empty()) << "malformed case " << c.name;
  ASSERT_FALSE(c.assertions.empty()) << c.name << " asserts nothing";

  test::TempDir repo;
  test::TempDir out;
  write_case(c, repo, "");
  BuildSummary summary = build_graph(BuildOptions{repo.path(), out.path(), 2});
  GraphSnapshot graph = load_snapshot(summary.database);

  for (const auto& a : c.assertions) {
    auto failure = check_assertion(a, c, graph);
    if (!failure) continue;
    std::string where = a.is_caret() ? " (" + a.path + " line " + std::to_string(a.line) +
                                           " column " + std::to_string(a.column) + ")"
                                     : " (" + a.path + ")";
    ADD_FAILURE_AT(file.string().c_str(), a.case_line)
        << c.name << ":" << a.case_line << ": " << a.text << where << "\n  graph has: " << *failure;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenCase, ::testing::ValuesIn(list_cases()),
                         [](const auto& param_info) { return case_test_name(param_info.param); });

}  // namespace
}  // namespace ca::golden
