// Output directory locking and clean-up after killed builds; see output_lock.hpp.
#include "pipeline/output_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fmt/format.h>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace ca {

OutputLock::OutputLock(const std::filesystem::path& dir, bool wait) {
  const std::filesystem::path path = dir / "cpg.lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw std::runtime_error(
        fmt::format("cannot open lock file {}: {}", path.string(), std::strerror(errno)));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK) {
      int err = errno;
      ::close(fd_);
      throw std::runtime_error(
          fmt::format("cannot lock {}: {}", path.string(), std::strerror(err)));
    }
    if (!wait) {
      char holder[32] = {};
      ssize_t n = ::pread(fd_, holder, sizeof holder - 1, 0);
      std::string pid = n > 0 ? std::string(holder, static_cast<size_t>(n)) : "unknown";
      while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
      ::close(fd_);
      throw std::runtime_error(
          fmt::format("another build (pid {}) is writing {}; wait for it to finish or pass --wait",
                      pid, dir.string()));
    }
    while (::flock(fd_, LOCK_EX) != 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd_);
      throw std::runtime_error(
          fmt::format("cannot lock {}: {}", path.string(), std::strerror(err)));
    }
  }
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) == 0) {
    ssize_t written = ::pwrite(fd_, pid.data(), pid.size(), 0);
    (void)written;  // the pid is only informative, for the message above
  }
}

OutputLock::~OutputLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

void remove_stale_temporaries(const std::filesystem::path& dir) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("cpg.duckdb.tmp-", 0) == 0 || name.rfind("extract.cache.tmp-", 0) == 0)
      std::filesystem::remove(entry.path(), ec);
  }
}

}  // namespace ca
