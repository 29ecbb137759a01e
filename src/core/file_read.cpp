// Reading a file whole, and its content hash; see file_read.hpp.
#include "core/file_read.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstring>

namespace ca {
namespace {
bool same_version(const struct stat& a, const struct stat& b) {
  return a.st_size == b.st_size && a.st_mtim.tv_sec == b.st_mtim.tv_sec &&
         a.st_mtim.tv_nsec == b.st_mtim.tv_nsec && a.st_ino == b.st_ino;
}

}  // namespace

FileRead read_whole_file(const std::filesystem::path& path, int64_t max_size) {
  FileRead out;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    struct stat link_info {};
    if (::lstat(path.c_str(), &link_info) == 0 && S_ISLNK(link_info.st_mode))
      out.error = fmt::format("cannot follow symbolic link ({}); fix or remove the link",
                              std::strerror(err));
    else
      out.error = fmt::format("cannot open file: {}", std::strerror(err));
    out.result = FileRead::Result::failed;
    return out;
  }
  for (int attempt = 0; attempt < kFileReadAttempts; ++attempt) {
    struct stat before {};
    if (::fstat(fd, &before) != 0 || !S_ISREG(before.st_mode)) {
      out.error = "not a regular file";
      out.result = FileRead::Result::failed;
      break;
    }
    out.size = before.st_size;
    if (before.st_size > max_size) {
      out.result = FileRead::Result::too_large;
      break;
    }
    // One byte more than the size: getting it means the file grew during the read.
    out.bytes.resize(static_cast<size_t>(before.st_size) + 1);
    size_t got = 0;
    bool failed = false;
    while (got < out.bytes.size()) {
      ssize_t n =
          ::pread(fd, out.bytes.data() + got, out.bytes.size() - got, static_cast<off_t>(got));
      if (n < 0) {
        if (errno == EINTR) continue;
        out.error = fmt::format("read failed: {}", std::strerror(errno));
        failed = true;
        break;
      }
      if (n == 0) break;  // end of file (early if the file shrank while being read)
      got += static_cast<size_t>(n);
    }
    if (failed) {
      out.result = FileRead::Result::failed;
      break;
    }
    out.bytes.resize(got);
    out.size = static_cast<int64_t>(got);
    out.result = FileRead::Result::ok;
    struct stat after {};
    out.stable = got == static_cast<size_t>(before.st_size) && ::fstat(fd, &after) == 0 &&
                 same_version(before, after);
    if (out.stable) break;
    ++out.changes_seen;
  }
  ::close(fd);
  return out;
}

std::string content_hash(std::string_view bytes) {
  XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

}  // namespace ca
