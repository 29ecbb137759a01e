// parallel_for_each visits every item once, with one state per worker, and rethrows.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "core/parallel.hpp"

namespace ca {
namespace {

TEST(ParallelForEach, VisitsEveryItemOnce) {
  std::vector<std::atomic<int>> seen(1000);
  std::atomic<int> states{0};
  parallel_for_each(
      seen.size(), 4, [&](int) { return ++states; }, [&](int&, size_t i) { seen[i]++; });
  for (auto& s : seen) EXPECT_EQ(s.load(), 1);
  EXPECT_LE(states.load(), 4);
  EXPECT_GE(states.load(), 1);
}

TEST(ParallelForEach, RethrowsTheFirstFailure) {
  EXPECT_THROW(parallel_for_each(
                   100, 3, [](int) { return 0; },
                   [](int&, size_t i) {
                     if (i == 42) throw std::runtime_error("boom");
                   }),
               std::runtime_error);
}

TEST(ParallelForEach, ZeroItems) {
  int calls = 0;
  parallel_for_each(
      0, 2, [](int) { return 0; }, [&](int&, size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace ca
