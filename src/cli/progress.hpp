// The build's progress on a terminal: one line per stage on stderr, updated in place while
// the stage runs (counts, rate) and left with its totals when it ends.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/build.hpp"

namespace ca::cli {

/// Draws the stages a BuildObserver reports. All drawing happens on one thread of its own,
/// at most ten times a second, reading the stages' atomic counters; the observer callbacks
/// only record events, so the build's workers never wait for the terminal.
class ProgressDisplay {
 public:
  /// Draws on file descriptor `fd` (a terminal); `color` allows ANSI colours. The in-place
  /// line is rewritten with '\r' and padding, never with other escape sequences.
  ProgressDisplay(int fd, bool color);
  /// Stops drawing (see stop()).
  ~ProgressDisplay();
  ProgressDisplay(const ProgressDisplay&) = delete;
  ProgressDisplay& operator=(const ProgressDisplay&) = delete;

  /// Sets observer.stage_started / stage_finished to feed this display.
  void attach(BuildObserver& observer);
  /// Runs `log` (which writes to the same terminal) with the in-place line cleared.
  void around_log(const std::function<void()>& log);
  /// Prints the lines of stages that ended, clears the in-place line and stops the thread.
  /// Call before anything else is written to the terminal. Idempotent.
  void stop();

 private:
  using Clock = std::chrono::steady_clock;
  struct Active {
    const StageProgress* stage;
    Clock::time_point start;
  };
  struct Ended {
    std::string name;
    std::string unit;
    int64_t total;
    int64_t done;
    double wall_ms;
    bool completed;
  };

  void run();
  void draw_locked();
  void flush_ended_locked();
  void clear_locked();
  void write(const std::string& text);

  int fd_;
  bool color_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::vector<Active> active_;
  std::vector<Ended> ended_;
  size_t live_width_ = 0;  ///< columns of the in-place line on screen
  unsigned tick_ = 0;
  std::thread thread_;
};

/// Whether a progress display belongs on stderr: it is a terminal and -q was not given.
bool progress_wanted(bool quiet);

}  // namespace ca::cli
