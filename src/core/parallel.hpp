// Runs independent work items on a fixed number of threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace ca {

/// The worker count for `requested` (0 = the hardware's), at least 1.
inline int effective_jobs(int requested) {
  if (requested > 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

/// Calls make_state(w) once per worker w, then fn(state, i) for every i in [0, count), items
/// taken in order by whichever worker is free. The first exception thrown by any call is
/// rethrown after all workers stop; the remaining items are then skipped.
template <class MakeState, class Fn>
void parallel_for_each(size_t count, int jobs, MakeState&& make_state, Fn&& fn) {
  int workers = static_cast<int>(
      std::min<size_t>(static_cast<size_t>(effective_jobs(jobs)), std::max<size_t>(count, 1)));
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto run = [&](int w) {
    try {
      auto state = make_state(w);
      for (size_t i = next++; i < count && !failed; i = next++) fn(state, i);
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
      failed = true;
    }
  };
  std::vector<std::thread> threads;
  for (int w = 1; w < workers; ++w) threads.emplace_back(run, w);
  run(0);
  for (auto& t : threads) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace ca
