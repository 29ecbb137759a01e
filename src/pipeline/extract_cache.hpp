// The extraction cache (OUTPUT/extract.cache): the facts of every file a build extracted,
// encoded (extract/facts_codec.hpp) and keyed by all that decides them: the file's path,
// module name, package and stub flags and content hash, under an identity naming the
// program and the options that shape extraction. A later build takes from it the facts of
// each file whose key it finds instead of parsing that file again; they are the facts the
// extraction would give, so the graph equals a fresh build's. Each build that extracts
// replaces the file whole (through a temporary renamed into place) with the entries of the
// files it has now, so deleted files' entries go with it.
//
// An entry also records the version (stat) of the file whose bytes were hashed, and the
// cache when the hashing began: the next build's input digest takes the hash of a file whose
// version is unchanged instead of reading it again, unless the file had been modified less
// than kRacyMarginNs before the hashing (a change within the same clock tick as the read
// could then have left its version as it was).
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

#include "core/file_read.hpp"
#include "core/mapped_file.hpp"
#include "scan/scanner.hpp"

namespace ca {

/// The cache file's name in the output directory.
inline constexpr std::string_view kExtractCacheFile = "extract.cache";

/// How long before the hashing a file must have been modified last for its recorded version
/// to vouch for its content.
inline constexpr int64_t kRacyMarginNs = 2'000'000'000;

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

  /// The content hash recorded for the file at `path` (repo-relative) when its version is
  /// still `now`, and it had been modified kRacyMarginNs or more before it was hashed.
  std::optional<std::string_view> unchanged_hash(std::string_view path,
                                                 const FileVersion& now) const;

  size_t size() const { return entries_.size(); }
  /// Empty, or why the file could not be used (for a warning).
  const std::string& problem() const { return problem_; }

 private:
  struct Entry {
    std::string_view encoded;
    uint64_t checksum = 0;
  };
  struct Hashed {
    FileVersion version;
    std::string_view hash;
  };
  MappedFile file_;  ///< the whole file; keys and entries view into it
  std::unordered_map<std::string_view, Entry> entries_;
  std::unordered_map<std::string_view, Hashed> hashed_;  ///< by path: files whose version vouches
  std::string problem_;
};

/// Writes a new cache file entry by entry, from any number of threads, into a temporary
/// file beside `path` (`path`.tmp-PID) that commit() renames into place. Entries are in the
/// order they were added. Dropped uncommitted, it removes the temporary file.
class ExtractCacheWriter {
 public:
  /// `hashed_at_ns`: the wall-clock time (as file times count) before the build read the
  /// files whose versions it records.
  ExtractCacheWriter(std::filesystem::path path, std::string_view identity, int64_t hashed_at_ns);
  ~ExtractCacheWriter();
  ExtractCacheWriter(const ExtractCacheWriter&) = delete;
  ExtractCacheWriter& operator=(const ExtractCacheWriter&) = delete;

  /// Adds the encoded facts of the file with this key, and the version of the file whose
  /// bytes have the key's content hash (none when not known). Thread-safe.
  void add(std::string_view key, const std::optional<FileVersion>& version,
           std::string_view encoded);
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
