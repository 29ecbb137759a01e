// The extraction cache file; see extract_cache.hpp.
//
// Layout: the magic line, then the identity, the entry count, and each entry as key,
// checksum (hash64 of the encoded facts) and encoded facts. Strings and the encoded facts
// are preceded by their length (32-bit and 64-bit). Integers are in the machine's order:
// the cache is read only by the program that wrote it (the identity names it).
#include "pipeline/extract_cache.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "core/ids.hpp"

namespace ca {
namespace {

constexpr std::string_view kMagic = "codeanatomy extract cache 1\n";

void put_u32(std::string& out, uint32_t v) {
  out.append(reinterpret_cast<const char*>(&v), 4);
}
void put_u64(std::string& out, uint64_t v) {
  out.append(reinterpret_cast<const char*>(&v), 8);
}

/// Reads the cache's fields in order; fails (and stays failed) at the first that runs past
/// the end.
class Cursor {
 public:
  explicit Cursor(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }
  std::string_view bytes(uint64_t n) {
    if (!ok_ || n > in_.size() - pos_) {
      ok_ = false;
      return {};
    }
    pos_ += n;
    return in_.substr(pos_ - n, n);
  }
  uint32_t u32() {
    uint32_t v = 0;
    std::string_view b = bytes(4);
    if (ok_) std::memcpy(&v, b.data(), 4);
    return v;
  }
  uint64_t u64() {
    uint64_t v = 0;
    std::string_view b = bytes(8);
    if (ok_) std::memcpy(&v, b.data(), 8);
    return v;
  }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace

std::string extract_cache_identity(std::string_view program, int64_t max_file_size,
                                   int64_t parse_timeout_ms) {
  return fmt::format("{}\n{} {}", program, max_file_size, parse_timeout_ms);
}

ExtractCache ExtractCache::read(const std::filesystem::path& path, std::string_view identity) {
  ExtractCache cache;
  std::string error;
  cache.file_ = MappedFile::open(path, &error);
  if (!error.empty()) {
    cache.problem_ = fmt::format("{}; extracting every file anew", error);
    return cache;
  }
  if (cache.file_.bytes().empty()) return cache;  // none yet
  Cursor cursor(cache.file_.bytes());
  if (cursor.bytes(kMagic.size()) != kMagic) {
    cache.problem_ = fmt::format(
        "{} is not an extraction cache of this program version; extracting every file anew "
        "(the build replaces it)",
        path.string());
    return cache;
  }
  if (cursor.bytes(cursor.u32()) != identity) return cache;  // another program or options
  const uint32_t count = cursor.u32();
  for (uint32_t i = 0; i < count && cursor.ok(); ++i) {
    std::string_view key = cursor.bytes(cursor.u32());
    Entry entry;
    entry.checksum = cursor.u64();
    entry.encoded = cursor.bytes(cursor.u64());
    if (cursor.ok()) cache.entries_.emplace(key, entry);
  }
  if (!cursor.ok() || !cursor.at_end()) {
    cache.entries_.clear();
    cache.problem_ = fmt::format(
        "{} is truncated or damaged; extracting every file anew (the build replaces it)",
        path.string());
  }
  return cache;
}

std::string ExtractCache::key(const ScannedFile& file, std::string_view content_hash) {
  return fmt::format("{}\n{}\n{}{}\n{}", file.path, file.module, file.is_package_init ? 'i' : '-',
                     file.is_stub ? 's' : '-', content_hash);
}

ExtractCache::Lookup ExtractCache::find(std::string_view key) const {
  auto it = entries_.find(key);
  if (it == entries_.end()) return {};
  if (hash64(it->second.encoded) != it->second.checksum) return {std::nullopt, true};
  return {it->second.encoded, false};
}

ExtractCacheWriter::ExtractCacheWriter(std::filesystem::path path, std::string_view identity)
    : path_(std::move(path)), temp_(path_.string() + fmt::format(".tmp-{}", ::getpid())) {
  file_ = std::fopen(temp_.c_str(), "wb");
  if (file_ == nullptr) {
    error_ = fmt::format("could not create {}: {}", temp_.string(), std::strerror(errno));
    return;
  }
  std::string head(kMagic);
  put_u32(head, static_cast<uint32_t>(identity.size()));
  head += identity;
  count_offset_ = static_cast<long>(head.size());
  put_u32(head, 0);  // the entry count, written by commit()
  if (std::fwrite(head.data(), 1, head.size(), file_) != head.size())
    error_ = fmt::format("could not write {}", temp_.string());
}

ExtractCacheWriter::~ExtractCacheWriter() {
  if (file_ != nullptr) {
    std::fclose(file_);
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
  }
}

void ExtractCacheWriter::add(std::string_view key, std::string_view encoded) {
  std::string prefix;
  put_u32(prefix, static_cast<uint32_t>(key.size()));
  prefix += key;
  put_u64(prefix, hash64(encoded));
  put_u64(prefix, encoded.size());
  std::lock_guard lock(mutex_);
  if (file_ == nullptr || !error_.empty()) return;
  if (std::fwrite(prefix.data(), 1, prefix.size(), file_) != prefix.size() ||
      std::fwrite(encoded.data(), 1, encoded.size(), file_) != encoded.size())
    error_ = fmt::format("could not write {}", temp_.string());
  ++count_;
}

std::string ExtractCacheWriter::commit() {
  std::lock_guard lock(mutex_);
  if (file_ == nullptr) return error_;
  std::string count;
  put_u32(count, count_);
  if (error_.empty() && (std::fseek(file_, count_offset_, SEEK_SET) != 0 ||
                         std::fwrite(count.data(), 1, 4, file_) != 4 || std::fflush(file_) != 0))
    error_ = fmt::format("could not write {}", temp_.string());
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  std::error_code ec;
  if (error_.empty() && !closed) error_ = fmt::format("could not write {}", temp_.string());
  if (error_.empty()) {
    std::filesystem::rename(temp_, path_, ec);
    if (ec) error_ = fmt::format("could not replace {}: {}", path_.string(), ec.message());
  }
  if (!error_.empty()) std::filesystem::remove(temp_, ec);
  return error_;
}

}  // namespace ca
