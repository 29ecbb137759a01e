// A whole file mapped read-only into memory: its bytes are read from the page cache as they
// are touched, not copied up front.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace ca {

/// A read-only mapping of one file, unmapped on destruction. Moving keeps the address of the
/// bytes. The file must not be truncated while mapped (writers replace such files through a
/// rename, which leaves the mapped one as it was).
class MappedFile {
 public:
  MappedFile() = default;
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  /// Maps `path`. Returns an empty mapping and sets `error` (when given) if it cannot be
  /// opened or mapped; a missing file gives an empty mapping and leaves `error` empty.
  static MappedFile open(const std::filesystem::path& path, std::string* error = nullptr);

  std::string_view bytes() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace ca
