// Content hashes behind every id; see ids.hpp.
#include "core/ids.hpp"

#include <xxhash.h>

#include <cstring>
#include <string>

namespace ca {
namespace {

void put_u64(std::string& out, uint64_t v) {
  char bytes[8];
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  out.append(bytes, 8);
}

}  // namespace

uint64_t hash64(std::string_view bytes) {
  return XXH3_64bits(bytes.data(), bytes.size());
}

FileId file_id_for(std::string_view path) {
  return hash64(path);
}

NodeId node_id_for(std::string_view path, std::string_view kind, int64_t bstart, int64_t bend,
                   std::string_view discriminator) {
  std::string key;
  key.reserve(path.size() + kind.size() + discriminator.size() + 18);
  key.append(path);
  key.push_back('\0');
  key.append(kind);
  key.push_back('\0');
  put_u64(key, static_cast<uint64_t>(bstart));
  put_u64(key, static_cast<uint64_t>(bend));
  key.append(discriminator);
  return hash64(key);
}

uint64_t edge_id_for(std::string_view kind, uint64_t src, uint64_t dst, int64_t bstart) {
  std::string key;
  key.reserve(kind.size() + 25);
  key.append(kind);
  key.push_back('\0');
  put_u64(key, src);
  put_u64(key, dst);
  put_u64(key, static_cast<uint64_t>(bstart));
  return hash64(key);
}

}  // namespace ca
