// An open-addressing hash map from (64-bit owner, 32-bit name) keys to 32-bit ids: the
// integer-keyed index of the points-to engine's hot paths (slots, bindings, caches). Flat
// arrays, linear probing, no per-entry allocation; entries are never erased.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ca::program {

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

/// Maps OwnerName keys to uint32 values. Not thread-safe; iteration order is not exposed.
class SlotMap {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  /// The value of `key`, or kNone.
  uint32_t find(const OwnerName& key) const {
    if (entries_.empty()) return kNone;
    for (size_t i = bucket(key);; i = (i + 1) & mask_) {
      const Entry& e = entries_[i];
      if (e.value == kNone) return kNone;
      if (e.owner == key.owner && e.name == key.name) return e.value;
    }
  }

  /// The value of `key`, inserting `value` when absent; `inserted` tells which happened.
  uint32_t emplace(const OwnerName& key, uint32_t value, bool& inserted) {
    if ((size_ + 1) * 4 >= entries_.size() * 3) grow();
    for (size_t i = bucket(key);; i = (i + 1) & mask_) {
      Entry& e = entries_[i];
      if (e.value == kNone) {
        e = {key.owner, key.name, value};
        ++size_;
        inserted = true;
        return value;
      }
      if (e.owner == key.owner && e.name == key.name) {
        inserted = false;
        return e.value;
      }
    }
  }

  size_t size() const { return size_; }

 private:
  size_t bucket(const OwnerName& key) const { return OwnerNameHash{}(key)&mask_; }

  struct Entry {
    uint64_t owner = 0;
    uint32_t name = 0;
    uint32_t value = kNone;  // kNone marks an empty bucket
  };

  void grow() {
    std::vector<Entry> old = std::move(entries_);
    const size_t capacity = old.empty() ? 1024 : old.size() * 2;
    entries_.assign(capacity, Entry{});
    mask_ = capacity - 1;
    size_ = 0;
    for (const Entry& e : old) {
      if (e.value == kNone) continue;
      bool inserted = false;
      emplace({e.owner, e.name}, e.value, inserted);
    }
  }

  std::vector<Entry> entries_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace ca::program
