// Interning of strings (identifiers, dotted names) to dense 32-bit ids, so that the
// whole-program passes key their hash maps on integers.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ca::program {

/// Maps strings to dense ids and back. Ids are assigned in first-seen order, so the same
/// sequence of calls gives the same ids.
class Interner {
 public:
  /// Id of `s`, adding it when new.
  uint32_t intern(std::string_view s) {
    auto it = ids_.find(s);
    if (it != ids_.end()) return it->second;
    const auto id = static_cast<uint32_t>(strings_.size());
    strings_.emplace_back(s);
    ids_.emplace(std::string_view(strings_.back()), id);
    return id;
  }
  /// Id of `s`, or UINT32_MAX when it was never interned.
  uint32_t find(std::string_view s) const {
    auto it = ids_.find(s);
    return it == ids_.end() ? UINT32_MAX : it->second;
  }
  const std::string& str(uint32_t id) const { return strings_[id]; }

 private:
  std::deque<std::string> strings_;  // stable addresses for the string_view keys
  std::unordered_map<std::string_view, uint32_t> ids_;
};

/// Key of a (64-bit owner, 32-bit name) pair, e.g. a variable of a scope.
struct OwnerName {
  uint64_t owner = 0;
  uint32_t name = 0;
  bool operator==(const OwnerName&) const = default;
};

struct OwnerNameHash {
  size_t operator()(const OwnerName& k) const {
    uint64_t x = k.owner ^ (static_cast<uint64_t>(k.name) * 0x9E3779B97F4A7C15ULL);
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ULL;
    return static_cast<size_t>(x ^ (x >> 29));
  }
};

}  // namespace ca::program
