// The scopes of one file as a tree of small integers (kind, parent, qualname per scope),
// so that the binder can walk outward without hashing node ids. The module scope is
// always present and every other scope reaches it by following parents.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/facts.hpp"
#include "extract/ts/python_extractor.hpp"

namespace ca::bind {

/// What kind of block a scope is; only the distinctions Python's scoping rules need.
enum class ScopeKind : uint8_t { kModule, kClass, kFunction, kLambda, kComprehension };

/// Position of a scope in a ScopeTable.
using ScopeIndex = uint32_t;

/// "No scope": the parent of the module, or a lookup that found nothing.
inline constexpr ScopeIndex kNoScope = std::numeric_limits<ScopeIndex>::max();

/// The scope tree of one file. Built from facts.scopes; tolerant of odd input: an unknown
/// kind counts as a function, a missing or unknown parent (or a parent cycle) makes the
/// module the parent, and a file without a module scope row gets a synthetic one.
class ScopeTable {
 public:
  ScopeTable(const FileContext& context, const std::vector<ScopeRow>& scopes);

  /// The module scope.
  ScopeIndex module() const { return module_; }
  /// The scope with this id; the module scope when the id is unknown.
  ScopeIndex index_of(NodeId scope_id) const;

  NodeId id(ScopeIndex s) const { return entries_[s].id; }
  ScopeKind kind(ScopeIndex s) const { return entries_[s].kind; }
  /// The lexically enclosing scope; kNoScope for the module.
  ScopeIndex parent(ScopeIndex s) const { return entries_[s].parent; }
  size_t size() const { return entries_.size(); }

  /// `s` itself if it is not a comprehension, else its nearest enclosing scope that is not.
  ScopeIndex nearest_non_comprehension(ScopeIndex s) const;

  /// The qualname of a name bound in `owner`: module + "." + name for the module scope,
  /// owner + "." + name for a class, owner + ".<locals>." + name otherwise.
  std::string qualname_in(ScopeIndex owner, std::string_view name) const;

 private:
  struct Entry {
    NodeId id = 0;
    ScopeKind kind = ScopeKind::kFunction;
    ScopeIndex parent = kNoScope;
    std::string_view qualname;
  };

  void link_parents(const std::vector<ScopeRow>& scopes);
  void break_cycles();

  std::string module_name_;
  std::vector<Entry> entries_;
  std::unordered_map<NodeId, ScopeIndex> by_id_;
  ScopeIndex module_ = 0;
};

}  // namespace ca::bind
