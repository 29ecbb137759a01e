// A flat hash map from node ids to values: the program index's tables (scopes, functions,
// references, bindings, imports, definitions), the facts codec's numbering of a file's ids. Entries
// live in one vector in insertion order, looked up through an open-addressing table of positions;
// no per-entry allocation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <tuple>
#include <utility>
#include <vector>

#include "core/ids.hpp"

namespace ca {

/// Maps NodeId keys to values of type V. Iterates in insertion order. Inserting may move
/// the entries: pointers and references into the map hold only until the next insertion
/// (the index fills its maps once, then only reads them). Not thread-safe.
template <class V>
class NodeMap {
 public:
  using value_type = std::pair<NodeId, V>;
  using iterator = value_type*;
  using const_iterator = const value_type*;

  /// Room for `n` entries without rehashing or moving them.
  void reserve(size_t n) {
    entries_.reserve(n);
    if (slots_for(n) > table_.size()) rehash(slots_for(n));
  }

  iterator find(NodeId key) { return entries_.data() + position(key); }
  const_iterator find(NodeId key) const { return entries_.data() + position(key); }
  size_t count(NodeId key) const { return position(key) == entries_.size() ? 0 : 1; }

  /// The value of `key`; throws std::out_of_range when absent.
  const V& at(NodeId key) const {
    const size_t p = position(key);
    if (p == entries_.size()) throw std::out_of_range("NodeMap::at: no such node");
    return entries_[p].second;
  }

  /// The value of `key`, inserted default-constructed when absent.
  V& operator[](NodeId key) { return try_emplace(key).first->second; }

  /// The entry of `key`, inserting V(args...) when absent; the bool tells whether it did.
  template <class... Args>
  std::pair<iterator, bool> try_emplace(NodeId key, Args&&... args) {
    if (slots_for(entries_.size() + 1) > table_.size()) rehash(slots_for(entries_.size() + 1));
    for (size_t i = bucket(key);; i = (i + 1) & mask_) {
      const uint32_t slot = table_[i];
      if (slot == kEmpty) {
        table_[i] = static_cast<uint32_t>(entries_.size());
        entries_.emplace_back(std::piecewise_construct, std::forward_as_tuple(key),
                              std::forward_as_tuple(std::forward<Args>(args)...));
        return {&entries_.back(), true};
      }
      if (entries_[slot].first == key) return {entries_.data() + slot, false};
    }
  }

  iterator begin() { return entries_.data(); }
  iterator end() { return entries_.data() + entries_.size(); }
  const_iterator begin() const { return entries_.data(); }
  const_iterator end() const { return entries_.data() + entries_.size(); }
  size_t size() const { return entries_.size(); }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;

  /// Table size for n entries: a power of two, at most 3/4 full.
  static size_t slots_for(size_t n) {
    size_t slots = 16;
    while (slots * 3 < n * 4 + 4) slots *= 2;
    return slots;
  }
  size_t bucket(NodeId key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & mask_;
  }
  /// Index of `key` in entries_, or entries_.size() when absent.
  size_t position(NodeId key) const {
    if (table_.empty()) return entries_.size();
    for (size_t i = bucket(key);; i = (i + 1) & mask_) {
      const uint32_t slot = table_[i];
      if (slot == kEmpty) return entries_.size();
      if (entries_[slot].first == key) return slot;
    }
  }
  void rehash(size_t slots) {
    table_.assign(slots, kEmpty);
    mask_ = slots - 1;
    for (uint32_t e = 0; e < entries_.size(); ++e) {
      size_t i = bucket(entries_[e].first);
      while (table_[i] != kEmpty) i = (i + 1) & mask_;
      table_[i] = e;
    }
  }

  std::vector<value_type> entries_;
  std::vector<uint32_t> table_;  ///< positions in entries_, kEmpty for a free bucket
  size_t mask_ = 0;
};

}  // namespace ca
