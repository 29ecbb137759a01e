// Scope bookkeeping and qualnames; see scope_table.hpp.
#include "extract/ts/scope_table.hpp"

#include <utility>

namespace ca::ts {
namespace {

bool is_function_like(ScopeKind kind) {
  return kind == ScopeKind::Function || kind == ScopeKind::Lambda;
}

void append_dotted(std::string& out, std::string_view name) {
  if (!out.empty()) out += '.';
  out += name;
}

}  // namespace

std::string_view scope_kind_name(ScopeKind kind) {
  switch (kind) {
    case ScopeKind::Module:
      return "module";
    case ScopeKind::Class:
      return "class";
    case ScopeKind::Function:
      return "function";
    case ScopeKind::Lambda:
      return "lambda";
    case ScopeKind::Comprehension:
      return "comprehension";
  }
  return "module";
}

void ScopeTable::reset(std::string_view module, NodeId module_id) {
  scopes_.clear();
  anonymous_seen_.clear();
  module_ = std::string(module);
  scopes_.push_back(ScopeInfo{module_id, 0, 0, ScopeKind::Module, module_});
}

uint32_t ScopeTable::open(uint32_t parent, ScopeKind kind, NodeId id, std::string_view name,
                          bool anonymous, int64_t bstart) {
  const ScopeInfo& up = scopes_[parent];
  std::string qualname;
  if (up.qualname.size() > kMaxQualnameBytes) {
    qualname = module_;
    append_dotted(qualname, "<nested>");
    append_dotted(qualname, name);
    qualname += '#';
    qualname += std::to_string(bstart);
  } else {
    // As CPython's compiler: names below a function or lambda go through "<locals>".
    qualname = up.qualname;
    if (is_function_like(up.kind)) qualname += ".<locals>";
    append_dotted(qualname, name);
    if (anonymous) {
      uint32_t seen = ++anonymous_seen_[qualname];
      if (seen > 1) {
        qualname += '#';
        qualname += std::to_string(seen);
      }
    }
  }
  uint32_t index = static_cast<uint32_t>(scopes_.size());
  uint32_t owner = is_function_like(kind) ? index : up.func_owner;
  scopes_.push_back(ScopeInfo{id, parent, owner, kind, std::move(qualname)});
  return index;
}

std::string ScopeTable::binding_qualname(uint32_t index, std::string_view name) const {
  const ScopeInfo& scope = scopes_[index];
  std::string qualname = scope.qualname;
  if (scope.kind == ScopeKind::Module || scope.kind == ScopeKind::Class) {
    append_dotted(qualname, name);
  } else {
    qualname += ".<locals>.";
    qualname += name;
  }
  return qualname;
}

}  // namespace ca::ts
