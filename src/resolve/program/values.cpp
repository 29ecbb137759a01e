// Bounded sorted value sets (see values.hpp).
#include "resolve/program/values.hpp"

#include <algorithm>
#include <iterator>

namespace ca::program {

bool ValueSet::insert(const Value& v) {
  auto it = std::lower_bound(values_.begin(), values_.end(), v);
  if (it != values_.end() && *it == v) return false;
  if (values_.size() >= kMaxValues) {
    imprecise_ = true;
    return false;
  }
  values_.insert(it, v);
  return true;
}

bool ValueSet::merge(const ValueSet& other) {
  if (other.values_.empty()) return false;
  if (values_.empty() && other.values_.size() <= kMaxValues) {
    values_ = other.values_;
    return true;
  }
  if (other.values_.size() == 1) return insert(other.values_.front());
  std::vector<Value> merged;
  merged.reserve(values_.size() + other.values_.size());
  std::set_union(values_.begin(), values_.end(), other.values_.begin(), other.values_.end(),
                 std::back_inserter(merged));
  if (merged.size() == values_.size()) return false;
  if (merged.size() > kMaxValues) {
    // Over the cap: keep what was there and add the smallest new values up to the cap.
    imprecise_ = true;
    bool changed = false;
    for (const Value& v : other.values_) {
      if (values_.size() >= kMaxValues) break;
      changed |= insert(v);
    }
    return changed;
  }
  values_ = std::move(merged);
  return true;
}

}  // namespace ca::program
