// The extraction cache (OUTPUT/extract.cache): the facts of every file a build extracted,
// encoded (extract/facts_codec.hpp) and keyed by all that decides them: the file's path,
// module name, package and stub flags and content hash, under an identity naming the
// program and the options that shape extraction. A later build takes from it the facts of
// each file whose key it finds instead of parsing that file again; they are the facts the
// extraction would give, so the graph equals a fresh build's. Each build that extracts
// replaces the file whole (through a temporary renamed into place) with the entries of the
// files it has now, so deleted files' entries go with it.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/mapped_file.hpp"
#include "scan/scanner.hpp"

namespace ca {

/// The cache file's name in the output directory.
inline constexpr std::string_view kExtractCacheFile = "extract.cache";

/// The identity a cache is written under: the program (BuildInputs::program) and the options
/// that shape extraction.
std::string extract_cache_identity(std::string_view program, int64_t max_file_size,
                                   int64_t parse_timeout_ms);

/// A cache read from disk. Lookups are const and may run on many threads at once.
class ExtractCache {
 public:
  /// The outcome of a lookup: an intact entry's encoded facts, none, or a damaged entry
  /// (its checksum does not match; the file must be extracted anew).
  struct Lookup {
    std::optional<std::string_view> encoded;
    bool damaged = false;
  };

  /// An empty cache: every lookup misses.
  ExtractCache() = default;

  /// Reads `path`. A missing file or one written under another `identity` gives an empty
  /// cache; so does a damaged one, and then `problem()` says what is wrong with it.
  static ExtractCache read(const std::filesystem::path& path, std::string_view identity);

  /// The key of a file's facts: the scan's description of it and the hash of its bytes.
  static std::string key(const ScannedFile& file, std::string_view content_hash);

  /// The entry under `key`, its checksum verified.
  Lookup find(std::string_view key) const;

  size_t size() const { return entries_.size(); }
  /// Empty, or why the file could not be used (for a warning).
  const std::string& problem() const { return problem_; }

 private:
  struct Entry {
    std::string_view encoded;
    uint64_t checksum = 0;
  };
  MappedFile file_;  ///< the whole file; keys and entries view into it
  std::unordered_map<std::string_view, Entry> entries_;
  std::string problem_;
};

/// Writes a new cache file entry by entry, from any number of threads, into a temporary
/// file beside `path` (`path`.tmp-PID) that commit() renames into place. Entries are in the
/// order they were added. Dropped uncommitted, it removes the temporary file.
class ExtractCacheWriter {
 public:
  ExtractCacheWriter(std::filesystem::path path, std::string_view identity);
  ~ExtractCacheWriter();
  ExtractCacheWriter(const ExtractCacheWriter&) = delete;
  ExtractCacheWriter& operator=(const ExtractCacheWriter&) = delete;

  /// Adds the encoded facts of the file with this key. Thread-safe.
  void add(std::string_view key, std::string_view encoded);
  /// Finishes the file and puts it in place of the previous cache. Returns "" on success,
  /// else what went wrong (the previous cache is then left as it was).
  std::string commit();

 private:
  std::filesystem::path path_, temp_;
  std::FILE* file_ = nullptr;
  std::string error_;  ///< the first failure
  uint32_t count_ = 0;
  long count_offset_ = 0;  ///< where the entry count stands in the file
  std::mutex mutex_;
};

}  // namespace ca
