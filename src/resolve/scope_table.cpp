// Builds the integer scope tree of one file from its ScopeRows (see scope_table.hpp).
#include "resolve/scope_table.hpp"

namespace ca::bind {
namespace {

ScopeKind parse_kind(std::string_view kind) {
  if (kind == "module") return ScopeKind::kModule;
  if (kind == "class") return ScopeKind::kClass;
  if (kind == "lambda") return ScopeKind::kLambda;
  if (kind == "comprehension") return ScopeKind::kComprehension;
  return ScopeKind::kFunction;
}

}  // namespace

ScopeTable::ScopeTable(const FileContext& context, const std::vector<ScopeRow>& scopes)
    : module_name_(context.module) {
  entries_.reserve(scopes.size() + 1);
  by_id_.reserve(scopes.size() + 1);
  for (const ScopeRow& row : scopes) {
    // A repeated id keeps its first row; later rows with it are not scopes of their own.
    if (by_id_.count(row.scope_id) != 0) continue;
    by_id_.emplace(row.scope_id, static_cast<ScopeIndex>(entries_.size()));
    entries_.push_back(Entry{row.scope_id, parse_kind(row.kind), kNoScope, row.qualname});
  }

  // The module: the scope with the context's module id, else the first module-kind scope,
  // else a synthetic one.
  module_ = kNoScope;
  if (auto it = by_id_.find(context.module_scope_id); it != by_id_.end()) module_ = it->second;
  for (ScopeIndex s = 0; module_ == kNoScope && s < entries_.size(); ++s) {
    if (entries_[s].kind == ScopeKind::kModule) module_ = s;
  }
  if (module_ == kNoScope) {
    module_ = static_cast<ScopeIndex>(entries_.size());
    by_id_.emplace(context.module_scope_id, module_);
    entries_.push_back(Entry{context.module_scope_id, ScopeKind::kModule, kNoScope, {}});
  }
  entries_[module_].kind = ScopeKind::kModule;

  link_parents(scopes);
  break_cycles();
}

void ScopeTable::link_parents(const std::vector<ScopeRow>& scopes) {
  for (const ScopeRow& row : scopes) {
    const ScopeIndex s = by_id_.at(row.scope_id);
    if (s == module_ || entries_[s].parent != kNoScope) continue;  // first row of an id wins
    ScopeIndex parent = module_;
    if (row.parent_scope_id) {
      auto it = by_id_.find(*row.parent_scope_id);
      if (it != by_id_.end() && it->second != s) parent = it->second;
    }
    entries_[s].parent = parent;
  }
  // Any other module-kind scope (odd input) hangs below the real module.
  for (ScopeIndex s = 0; s < entries_.size(); ++s) {
    if (s != module_ && entries_[s].parent == kNoScope) entries_[s].parent = module_;
  }
}

void ScopeTable::break_cycles() {
  // Iterative three-colour walk: every chain of parents must end at the module. A chain
  // that comes back to a scope on the current path is cut by re-parenting to the module.
  enum : uint8_t { kUnseen, kOnPath, kDone };
  std::vector<uint8_t> state(entries_.size(), kUnseen);
  state[module_] = kDone;
  std::vector<ScopeIndex> path;
  for (ScopeIndex start = 0; start < entries_.size(); ++start) {
    path.clear();
    ScopeIndex s = start;
    while (state[s] == kUnseen) {
      state[s] = kOnPath;
      path.push_back(s);
      s = entries_[s].parent;
    }
    if (state[s] == kOnPath) entries_[path.back()].parent = module_;
    for (ScopeIndex p : path) state[p] = kDone;
  }
}

ScopeIndex ScopeTable::index_of(NodeId scope_id) const {
  auto it = by_id_.find(scope_id);
  return it == by_id_.end() ? module_ : it->second;
}

ScopeIndex ScopeTable::nearest_non_comprehension(ScopeIndex s) const {
  while (s != module_ && entries_[s].kind == ScopeKind::kComprehension) s = entries_[s].parent;
  return s;
}

std::string ScopeTable::qualname_in(ScopeIndex owner, std::string_view name) const {
  std::string out;
  if (owner == module_) {
    out = module_name_;
    if (!out.empty()) out += '.';
  } else {
    out = entries_[owner].qualname;
    out += entries_[owner].kind == ScopeKind::kClass ? "." : ".<locals>.";
  }
  out += name;
  return out;
}

}  // namespace ca::bind
