// Exclusive ownership of an output directory for the length of a build, so that two builds
// into the same directory never interleave.
#pragma once

#include <filesystem>

namespace ca {

/// Holds an exclusive lock on DIR/cpg.lock (flock) while alive. The lock is released when
/// the process ends, however it ends, so a killed build never leaves it held.
class OutputLock {
 public:
  /// Takes the lock. With `wait` false and another build holding it, throws
  /// std::runtime_error naming the directory and the holder's pid and suggesting --wait;
  /// with `wait` true blocks until it is free.
  OutputLock(const std::filesystem::path& dir, bool wait);
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

 private:
  int fd_ = -1;
};

/// Removes temporary files (cpg.duckdb.tmp-PID and their .wal, extract.cache.tmp-PID) left
/// in `dir` by builds that were killed. Call it while holding the OutputLock.
void remove_stale_temporaries(const std::filesystem::path& dir);

}  // namespace ca
