// The build's progress on a terminal; see progress.hpp.
#include "cli/progress.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace ca::cli {
namespace {

constexpr auto kRedrawInterval = std::chrono::milliseconds(100);  // at most 10 redraws/s

std::string duration_text(double ms) {
  return ms < 1000 ? fmt::format("{:.0f} ms", ms) : fmt::format("{:.2f} s", ms / 1000);
}

std::string rate_text(int64_t done, const std::string& unit, double ms) {
  return fmt::format("{:.0f} {}/s", ms > 0 ? static_cast<double>(done) * 1000 / ms : 0.0, unit);
}

}  // namespace

ProgressDisplay::ProgressDisplay(int fd, bool color) : fd_(fd), color_(color) {
  thread_ = std::thread([this] { run(); });
}

ProgressDisplay::~ProgressDisplay() {
  stop();
}

void ProgressDisplay::attach(BuildObserver& observer) {
  observer.stage_started = [this](const StageProgress& stage) {
    std::lock_guard lock(mutex_);
    active_.push_back({&stage, Clock::now()});
  };
  observer.stage_finished = [this](const StageProgress& stage, double wall_ms, bool completed) {
    std::lock_guard lock(mutex_);
    // The stage object dies after this call: keep copies, never the pointer.
    active_.erase(std::remove_if(active_.begin(), active_.end(),
                                 [&](const Active& a) { return a.stage == &stage; }),
                  active_.end());
    ended_.push_back({stage.name, stage.unit, stage.total,
                      stage.done.load(std::memory_order_relaxed), wall_ms, completed});
    wake_.notify_one();
  };
}

void ProgressDisplay::around_log(const std::function<void()>& log) {
  std::lock_guard lock(mutex_);
  flush_ended_locked();  // stages that ended before the message was logged come first
  clear_locked();
  log();
}

void ProgressDisplay::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    wake_.notify_one();
  }
  if (thread_.joinable()) thread_.join();
}

void ProgressDisplay::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    draw_locked();
    wake_.wait_for(lock, kRedrawInterval, [this] { return stopping_ || !ended_.empty(); });
  }
  active_.clear();  // a failed build may stop the display while stages are still listed
  draw_locked();
}

void ProgressDisplay::flush_ended_locked() {
  if (ended_.empty()) return;
  clear_locked();
  std::string lines;
  for (const Ended& e : ended_) {
    std::string counts = e.unit.empty() ? std::string() : fmt::format("{} {}", e.done, e.unit);
    std::string name = fmt::format("{:<8}", e.name);
    if (color_) name = fmt::format("{}{}\x1b[0m", e.completed ? "\x1b[32m" : "\x1b[31m", name);
    std::string line = fmt::format("  {} {:>14} {:>10}", name, counts, duration_text(e.wall_ms));
    if (e.total > 0 && e.unit == "files") line += "  " + rate_text(e.done, e.unit, e.wall_ms);
    if (!e.completed) line += "  (stopped)";
    lines += line + "\n";
  }
  ended_.clear();
  write(lines);
}

void ProgressDisplay::draw_locked() {
  flush_ended_locked();
  if (active_.empty()) {
    clear_locked();
    return;
  }
  static constexpr char kSpinner[] = {'|', '/', '-', '\\'};
  std::string line(1, kSpinner[tick_++ % 4]);
  const auto now = Clock::now();
  for (size_t i = 0; i < active_.size(); ++i) {
    const StageProgress& stage = *active_[i].stage;
    double ms = std::chrono::duration<double, std::milli>(now - active_[i].start).count();
    int64_t done = stage.done.load(std::memory_order_relaxed);
    line += i == 0 ? " " : "  |  ";
    line += stage.name;
    if (stage.total > 0) {
      line += fmt::format(" {}/{} {} ({:.0f}%)", done, stage.total, stage.unit,
                          100.0 * static_cast<double>(done) / static_cast<double>(stage.total));
    } else if (!stage.unit.empty()) {
      line += fmt::format(" {} {}", done, stage.unit);
    }
    if (stage.total > 0 && stage.unit == "files") line += "  " + rate_text(done, stage.unit, ms);
    line += "  " + duration_text(ms);
  }
  // Longer than the terminal, the line would wrap and '\r' could not rewrite it.
  winsize size{};
  size_t columns = ::ioctl(fd_, TIOCGWINSZ, &size) == 0 && size.ws_col > 0 ? size.ws_col : 80;
  if (line.size() >= columns) line.resize(columns - 1);
  std::string text = "\r" + line;
  if (live_width_ > line.size()) text.append(live_width_ - line.size(), ' ');
  live_width_ = line.size();
  write(text);
}

void ProgressDisplay::clear_locked() {
  if (live_width_ == 0) return;
  write("\r" + std::string(live_width_, ' ') + "\r");
  live_width_ = 0;
}

void ProgressDisplay::write(const std::string& text) {
  // A terminal that stops accepting output ends the display, not the build: the summary
  // and any error still go out through the normal streams.
  size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd_, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    written += static_cast<size_t>(n);
  }
}

bool progress_wanted(bool quiet) {
  return !quiet && ::isatty(STDERR_FILENO);
}

}  // namespace ca::cli
