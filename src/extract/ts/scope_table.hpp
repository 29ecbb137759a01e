// The scopes of one file while it is walked: kinds, ids, parents and qualnames, including
// the "#N" ordinals that keep anonymous scopes (lambdas, comprehensions) unique.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/ids.hpp"

namespace ca::ts {

enum class ScopeKind : uint8_t { Module, Class, Function, Lambda, Comprehension };

/// The stored name of a scope kind ("module", "class", ...).
std::string_view scope_kind_name(ScopeKind kind);

/// One scope of the file being walked.
struct ScopeInfo {
  NodeId id = 0;
  uint32_t parent = 0;      ///< index of the enclosing scope (the module is its own parent)
  uint32_t func_owner = 0;  ///< index of the nearest function/lambda/module scope
  ScopeKind kind = ScopeKind::Module;
  std::string qualname;
};

/// Qualnames longer than this are not extended further: a scope below such a scope gets
/// "<module>.<nested>.<name>#<offset>" so that hostile nesting stays linear in size.
inline constexpr size_t kMaxQualnameBytes = 1024;

/// The scopes of one file, index 0 being the module.
class ScopeTable {
 public:
  /// Forgets the previous file and opens the module scope.
  void reset(std::string_view module, NodeId module_id);

  /// Opens a scope below `parent`, named `name`; `anonymous` scopes get a "#N" suffix when
  /// their qualname repeats one given before in this file. `bstart` (original offset)
  /// makes over-long qualnames unique. Returns its index.
  uint32_t open(uint32_t parent, ScopeKind kind, NodeId id, std::string_view name, bool anonymous,
                int64_t bstart);

  const ScopeInfo& operator[](uint32_t index) const { return scopes_[index]; }

  /// The qualname of a name bound in scope `index` (variable or parameter).
  std::string binding_qualname(uint32_t index, std::string_view name) const;

 private:
  std::vector<ScopeInfo> scopes_;
  std::string module_;
  std::unordered_map<std::string, uint32_t> anonymous_seen_;
};

}  // namespace ca::ts
