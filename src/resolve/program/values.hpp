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
  External,       ///< a = interned dotted qualname ("builtins.len", "ext.Cls.fun")
  ExtInstance,    ///< instance of a builtin type; a = interned type qualname ("builtins.str")
  BoundMethod,    ///< a = FUNCTION id; sub = kind of self (Instance/Class); b = self's `a`
  Container,      ///< a = allocation-site key; sub = ContKind
  Generator,      ///< the result of calling a generator function; a = FUNCTION id
  Super,          ///< super() proxy; a = class of self; b = class after which lookup starts;
                  ///< sub = kind of self (Instance/Class)
  BuiltinMethod,  ///< method of a container; a = site key; b = interned method qualname;
                  ///< sub = ContKind
};

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

/// Set of values, sorted. Capped at kMaxValues: past the cap new values are dropped and the
/// set is marked imprecise (the analysis then under-approximates that slot; a cap keeps
/// one megamorphic slot from making every round quadratic).
class ValueSet {
 public:
  static constexpr size_t kMaxValues = 64;

  /// Adds `v`; returns true when the set changed.
  bool insert(const Value& v);
  /// Adds every value of `other`; returns true when the set changed.
  bool merge(const ValueSet& other);

  const std::vector<Value>& values() const { return values_; }
  bool empty() const { return values_.empty(); }
  size_t size() const { return values_.size(); }
  bool imprecise() const { return imprecise_; }
  auto begin() const { return values_.begin(); }
  auto end() const { return values_.end(); }

 private:
  std::vector<Value> values_;
  bool imprecise_ = false;
};

}  // namespace ca::program
