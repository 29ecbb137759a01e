// Reading a source file whole, safely against files that change while they are read, and
// the content hash that identifies what was read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace ca {

/// What reading a file gave.
struct FileRead {
  enum class Result { ok, too_large, failed } result = Result::ok;
  std::string bytes;
  std::string error;     ///< why it failed (Result::failed)
  int64_t size = 0;      ///< bytes read, or the size on disk when too large
  int changes_seen = 0;  ///< reads during which the file changed (size or mtime)
  bool stable = true;    ///< false: the file changed during every attempt; `bytes` is the last
};

/// How many times read_whole_file reads a file that changes while it is read.
inline constexpr int kFileReadAttempts = 3;

/// Reads a whole file. The file is stat'ed before and after each read, and one byte past
/// the size is asked for; when the size or modification time moved (the file was being
/// written) the read is repeated, up to kFileReadAttempts times. A file larger than `max_size` is
/// not read (Result::too_large, `size` its size on disk). Does not throw.
FileRead read_whole_file(const std::filesystem::path& path, int64_t max_size);

/// The content hash of a file's bytes: XXH3-128 as 32 lower-case hex digits
/// (repo_files.content_hash).
std::string content_hash(std::string_view bytes);

}  // namespace ca
