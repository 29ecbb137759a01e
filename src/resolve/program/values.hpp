// The abstract values of the points-to analysis and the bounded sets that hold them.
// A value is a small tagged record of integers (node ids, interned names, site keys), so
// sets are flat sorted vectors compared and merged without allocation per element.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace ca::program {

/// What a name, attribute, parameter, return value or container element may hold.
enum class VKind : uint8_t {
  Function,       ///< a = FUNCTION/LAMBDA node id
  Class,          ///< a = CLASS node id
  Instance,       ///< a = CLASS node id
  Module,         ///< a = MODULE node id (or PACKAGE node id of a namespace package)
  External,       ///< a = interned dotted qualname ("builtins.len", "ext.Cls.fun"); sub =
                  ///< kExternalCallResult: what calling it gave (named after the callee,
                  ///< as PyCG names calls on it; its attributes are no references)
  ExtInstance,    ///< instance of a builtin type; a = interned type qualname ("builtins.str")
  BoundMethod,    ///< a = FUNCTION id; sub = kind of self (Instance/Class); b = self's `a`
  Container,      ///< a = allocation-site key; sub = ContKind
  Generator,      ///< the result of calling a generator function; a = FUNCTION id
  Super,          ///< super() proxy; a = class of self; b = class after which lookup starts;
                  ///< sub = kind of self (Instance/Class)
  BuiltinMethod,  ///< method of a container; a = site key; b = interned method qualname;
                  ///< sub = ContKind
  IntConst,       ///< an instance of builtins.int: sub = 0: the small constant a (int64
                  ///< bits), which lets a known index select one element of a container;
                  ///< sub = 1: some int (a set widens to it past ValueSet::kMaxInts ints).
                  ///< Must stay the last kind (ValueSet relies on ints sorting last).
};

/// Value::sub of an External standing for the result of calling an external function (one
/// whose name is not CapWords, which is taken for a class): its attributes extend the name
/// (calls on them are recorded as PyCG records them) but are not REFERS_TO targets, being
/// guesses (`typing.cast(T, x).attr` is no `typing.cast.attr`).
inline constexpr uint8_t kExternalCallResult = 1;

/// Kind of a container allocation site.
enum class ContKind : uint8_t { List, Tuple, Set, Dict, ItemsView, Pair };

struct Value {
  VKind kind = VKind::External;
  uint8_t sub = 0;
  uint64_t a = 0;
  uint64_t b = 0;

  auto operator<=>(const Value&) const = default;
  bool operator==(const Value&) const = default;
};

/// "Some int": the IntConst that stands for any int value.
inline constexpr Value kAnyInt{VKind::IntConst, 1, 0, 0};

/// A copy of `values` whose int constants are widened to kAnyInt (`x op= v` on an int).
class ValueSet;
ValueSet widen_all_ints(const ValueSet& values);

/// Set of values, sorted. Capped at kMaxValues: past the cap new values are dropped and the
/// set is marked imprecise (the analysis then under-approximates that slot; a cap keeps
/// one megamorphic slot from making every round quadratic). Up to kInline values live in
/// the set itself, so the common small sets need no heap allocation.
class ValueSet {
 public:
  static constexpr size_t kMaxValues = 64;
  static constexpr uint32_t kInline = 2;
  /// Distinct int constants a set holds before they widen to "some int".
  static constexpr size_t kMaxInts = 4;

  ValueSet() = default;
  ValueSet(const ValueSet& o) { assign(o); }
  ValueSet(ValueSet&& o) noexcept { steal(o); }
  ValueSet& operator=(const ValueSet& o) {
    if (this != &o) assign(o);
    return *this;
  }
  ValueSet& operator=(ValueSet&& o) noexcept {
    if (this != &o) {
      release();
      steal(o);
    }
    return *this;
  }
  ~ValueSet() { release(); }

  /// Adds `v`; returns true when the set changed.
  bool insert(const Value& v);
  /// Adds every value of `other`; returns true when the set changed.
  bool merge(const ValueSet& other);

  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  bool imprecise() const { return imprecise_; }
  const Value* begin() const { return data(); }
  const Value* end() const { return data() + size_; }

 private:
  const Value* data() const { return heap_ != nullptr ? heap_ : inline_; }
  Value* data() { return heap_ != nullptr ? heap_ : inline_; }
  void reserve(uint32_t n);
  bool insert_sorted(const Value& v);
  /// Inserts IntConst `v`, widening the set's ints past kMaxInts.
  bool widen_ints(const Value& v);
  /// Widens the ints of the sorted range [first, last) like widen_ints; returns its end.
  static Value* widen_range(Value* first, Value* last);
  void assign(const ValueSet& o);
  void steal(ValueSet& o) noexcept;
  void release() noexcept;

  Value inline_[kInline];
  Value* heap_ = nullptr;
  uint32_t size_ = 0;
  uint32_t cap_ = kInline;
  bool imprecise_ = false;
};

}  // namespace ca::program
