// Content hashes behind every id; see ids.hpp.
#include "core/ids.hpp"

#include <xxhash.h>

#include <cstring>
#include <string>

namespace ca {
namespace {

/// Writes `v` little-endian at `out`; returns the position after it.
char* put_u64(char* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  return out + 8;
}

char* put_bytes(char* out, std::string_view bytes) {
  if (!bytes.empty()) std::memcpy(out, bytes.data(), bytes.size());
  return out + bytes.size();
}

/// The bytes of one id's key: on the stack when short (every id of a file but those
/// with very long paths or discriminators), so hashing allocates nothing.
class KeyBuffer {
 public:
  explicit KeyBuffer(size_t size) {
    if (size > sizeof(small_)) {
      large_.resize(size);
      data_ = large_.data();
    }
  }
  KeyBuffer(const KeyBuffer&) = delete;
  KeyBuffer& operator=(const KeyBuffer&) = delete;
  char* data() { return data_; }

 private:
  char small_[512];
  std::string large_;
  char* data_ = small_;
};

}  // namespace

uint64_t hash64(std::string_view bytes) {
  return XXH3_64bits(bytes.data(), bytes.size());
}

FileId file_id_for(std::string_view path) {
  return hash64(path);
}

NodeId node_id_for(std::string_view path, std::string_view kind, int64_t bstart, int64_t bend,
                   std::string_view discriminator) {
  const size_t size = path.size() + kind.size() + discriminator.size() + 18;
  KeyBuffer key(size);
  char* out = put_bytes(key.data(), path);
  *out++ = '\0';
  out = put_bytes(out, kind);
  *out++ = '\0';
  out = put_u64(out, static_cast<uint64_t>(bstart));
  out = put_u64(out, static_cast<uint64_t>(bend));
  put_bytes(out, discriminator);
  return hash64({key.data(), size});
}

uint64_t edge_id_for(std::string_view kind, uint64_t src, uint64_t dst, int64_t bstart) {
  const size_t size = kind.size() + 25;
  KeyBuffer key(size);
  char* out = put_bytes(key.data(), kind);
  *out++ = '\0';
  out = put_u64(out, src);
  out = put_u64(out, dst);
  put_u64(out, static_cast<uint64_t>(bstart));
  return hash64({key.data(), size});
}

}  // namespace ca
