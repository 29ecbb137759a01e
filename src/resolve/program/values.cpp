// Bounded sorted value sets with inline storage for small sets (see values.hpp).
#include "resolve/program/values.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace ca::program {

void ValueSet::reserve(uint32_t n) {
  if (n <= cap_) return;
  const uint32_t cap = std::max(n, cap_ * 2);
  auto* fresh = new Value[cap];
  std::copy(begin(), end(), fresh);
  delete[] heap_;
  heap_ = fresh;
  cap_ = cap;
}

void ValueSet::assign(const ValueSet& o) {
  size_ = 0;
  reserve(o.size_);
  std::copy(o.begin(), o.end(), data());
  size_ = o.size_;
  imprecise_ = o.imprecise_;
}

void ValueSet::steal(ValueSet& o) noexcept {
  if (o.heap_ != nullptr) {
    heap_ = o.heap_;
    cap_ = o.cap_;
    o.heap_ = nullptr;
    o.cap_ = kInline;
  } else {
    heap_ = nullptr;
    cap_ = kInline;
    std::copy(o.inline_, o.inline_ + o.size_, inline_);
  }
  size_ = o.size_;
  imprecise_ = o.imprecise_;
  o.size_ = 0;
  o.imprecise_ = false;
}

void ValueSet::release() noexcept {
  delete[] heap_;
  heap_ = nullptr;
  cap_ = kInline;
  size_ = 0;
}

ValueSet widen_all_ints(const ValueSet& values) {
  if (values.empty() || (values.end() - 1)->kind != VKind::IntConst) return values;
  ValueSet out;
  for (const Value& v : values) out.insert(v.kind == VKind::IntConst ? kAnyInt : v);
  return out;
}

Value* ValueSet::widen_range(Value* first, Value* last) {
  Value* ints = std::lower_bound(first, last, Value{VKind::IntConst, 0, 0, 0});
  Value* any = std::lower_bound(ints, last, kAnyInt);
  const bool has_any = any != last && *any == kAnyInt;
  if (!has_any && static_cast<size_t>(any - ints) <= kMaxInts) return last;
  *ints = kAnyInt;  // kAnyInt is the largest IntConst: nothing follows it
  return ints + 1;
}

bool ValueSet::widen_ints(const Value& v) {
  // IntConst values sort last and contiguously: [first exact int, kAnyInt).
  Value* d = data();
  Value* first = std::lower_bound(d, d + size_, Value{VKind::IntConst, 0, 0, 0});
  Value* any = std::lower_bound(first, d + size_, kAnyInt);
  const bool has_any = any != d + size_ && *any == kAnyInt;
  if (has_any) return false;
  if (v.sub == 0 && std::binary_search(first, any, v)) return false;  // already there
  if (v.sub == 0 && static_cast<size_t>(any - first) < kMaxInts) return insert_sorted(v);
  // Too many distinct ints (or an unknown int): all of them become "some int".
  std::copy(any, d + size_, first);
  size_ -= static_cast<uint32_t>(any - first);
  insert_sorted(kAnyInt);
  return true;
}

bool ValueSet::insert(const Value& v) {
  if (v.kind == VKind::IntConst) return widen_ints(v);
  return insert_sorted(v);
}

bool ValueSet::insert_sorted(const Value& v) {
  const Value* it = std::lower_bound(begin(), end(), v);
  if (it != end() && *it == v) return false;
  if (size_ >= kMaxValues) {
    imprecise_ = true;
    return false;
  }
  const auto pos = static_cast<uint32_t>(it - begin());
  const Value copy = v;  // `v` may live in this set's storage
  reserve(size_ + 1);
  Value* d = data();
  std::copy_backward(d + pos, d + size_, d + size_ + 1);
  d[pos] = copy;
  ++size_;
  return true;
}

bool ValueSet::merge(const ValueSet& other) {
  if (other.size_ == 0 || &other == this) return false;
  if (size_ == 0 && other.size_ <= kMaxValues) {
    assign(other);
    imprecise_ = false;
    return true;
  }
  if (other.size_ == 1) return insert(*other.begin());
  union Buffer {
    Buffer() {}  // leaves the values uninitialized: set_union writes them
    Value v[2 * kMaxValues];
  } buffer;
  Value* merged = buffer.v;
  Value* last = std::set_union(begin(), end(), other.begin(), other.end(), merged);
  if (last != merged && (last - 1)->kind == VKind::IntConst) last = widen_range(merged, last);
  const auto n = static_cast<uint32_t>(last - merged);
  // The union holds this set, so the same size means no change — unless widening replaced
  // ints by kAnyInt, which can keep the size while changing the contents.
  if (n == size_ && std::equal(merged, last, begin())) return false;
  if (n > kMaxValues) {
    // Over the cap: keep what was there and add the smallest new values up to the cap.
    imprecise_ = true;
    bool changed = false;
    for (const Value& v : other) {
      if (size_ >= kMaxValues) break;
      changed |= insert(v);
    }
    return changed;
  }
  reserve(n);
  std::copy(merged, last, data());
  size_ = n;
  return true;
}

}  // namespace ca::program
