// Strict UTF-8 validation; see utf8.hpp.
#include "scan/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace ca {
namespace {

bool is_cont(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// Length of the valid sequence starting at s[i] (lead byte >= 0x80), or 0 when invalid;
// then `bad` is the length of the maximal ill-formed subpart.
size_t sequence_length(const unsigned char* s, size_t n, size_t i, size_t& bad) {
  unsigned char c = s[i];
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    bad = 1;  // continuation byte, C0/C1 (overlong) or F5..FF
    return 0;
  }
  if (i + 1 >= n || s[i + 1] < lo || s[i + 1] > hi) {
    bad = 1;
    return 0;
  }
  for (size_t k = 2; k < need; ++k) {
    if (i + k >= n || !is_cont(s[i + k])) {
      bad = k;
      return 0;
    }
  }
  return need;
}

}  // namespace

bool validate_utf8(std::string_view text, Utf8Error& error) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // ASCII fast path: 8 bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    size_t bad = 0;
    size_t len = sequence_length(s, n, i, bad);
    if (len == 0) {
      error = Utf8Error{i, bad};
      return false;
    }
    i += len;
  }
  return true;
}

}  // namespace ca
