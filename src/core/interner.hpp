// Interning of strings to dense 32-bit ids: the whole-program passes key their hash maps
// on interned identifiers and dotted names; the facts codec numbers a file's strings.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ca {

/// Maps strings to dense ids and back. Ids are assigned in first-seen order, so the same
/// sequence of calls gives the same ids. An open-addressing table of (hash tag, id) pairs
/// finds them: most lookups compare one string. `Stored` is what it keeps of each string:
/// a copy (Interner), or a view of a string that must outlive it (ViewInterner).
template <class Stored>
class BasicInterner {
 public:
  /// Id of `s`, adding it when new.
  uint32_t intern(std::string_view s) {
    if ((strings_.size() + 1) * 4 > table_.size() * 3) grow();
    const size_t h = std::hash<std::string_view>{}(s);
    const auto tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      Bucket& b = table_[i];
      if (b.id == kEmpty) {
        b = {tag, static_cast<uint32_t>(strings_.size())};
        strings_.emplace_back(s);
        return b.id;
      }
      if (b.tag == tag && strings_[b.id] == s) return b.id;
    }
  }
  /// Id of `s`, or UINT32_MAX when it was never interned.
  uint32_t find(std::string_view s) const {
    if (table_.empty()) return kEmpty;
    const size_t h = std::hash<std::string_view>{}(s);
    const auto tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Bucket& b = table_[i];
      if (b.id == kEmpty) return kEmpty;
      if (b.tag == tag && strings_[b.id] == s) return b.id;
    }
  }
  const Stored& str(uint32_t id) const { return strings_[id]; }
  /// Strings interned so far (the next new string's id).
  size_t size() const { return strings_.size(); }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Bucket {
    uint32_t tag = 0;  ///< high half of the string's hash
    uint32_t id = kEmpty;
  };
  void grow() {
    const size_t size = table_.empty() ? 4096 : table_.size() * 2;
    table_.assign(size, Bucket{});
    mask_ = size - 1;
    for (uint32_t id = 0; id < strings_.size(); ++id) {
      const size_t h = std::hash<std::string_view>{}(strings_[id]);
      size_t i = h & mask_;
      while (table_[i].id != kEmpty) i = (i + 1) & mask_;
      table_[i] = {static_cast<uint32_t>(h >> 32), id};
    }
  }

  std::deque<Stored> strings_;
  std::vector<Bucket> table_;
  size_t mask_ = 0;
};

using Interner = BasicInterner<std::string>;
/// Interns strings that outlive it, without copying them.
using ViewInterner = BasicInterner<std::string_view>;

}  // namespace ca
