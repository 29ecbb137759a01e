// Per-file name binding (see local_binder.hpp). Four steps over the facts:
//   1. collect binding sites (defs, params, imports) and global/nonlocal declarations;
//   2. decide the owner scope of every site (global, nonlocal, walrus in comprehensions);
//   3. emit res_bindings and rewrite the qualnames of redirected VARIABLEs;
//   4. resolve every load/del name occurrence to the bindings of the scope it reads; a
//      read of its own scope's name keeps only the sites that may reach it (flow_reach).
// Every lookup is a hash of (scope index, interned name); a resolution walks outward once
// per distinct (scope, name) and is memoized, so a reference costs O(1) plus its rows
// (plus, for a local read, a walk of its block chain bounded by kMaxFlowDepth per site).
#include "resolve/local_binder.hpp"

#include <algorithm>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "resolve/flow_reach.hpp"
#include "resolve/scope_table.hpp"

namespace ca {
namespace {

using bind::FlowReach;
using bind::FlowSite;
using bind::kNoScope;
using bind::ScopeIndex;
using bind::ScopeKind;
using bind::ScopeTable;

/// A reference reads at most this many binding sites of one scope: the first half and the
/// last half in source order. A module that assigns one name 10,000 times would otherwise
/// give every read of it 10,000 rows; the first sites (the initial definition) and the
/// last ones (what the code ends with) are the informative ones.
constexpr size_t kMaxBindingsPerRef = 64;

/// A name with more binding sites (or dels) than this in one scope is read
/// flow-insensitively: all its sites, as before flow analysis, to bound the work per read.
constexpr size_t kMaxFlowSites = 64;

enum class DeclKind : uint8_t { kNone, kGlobal, kNonlocal };
enum class Resolution : uint8_t { kLocal, kEnclosing, kGlobal, kClass, kUnresolved };

const char* to_string(Resolution r) {
  switch (r) {
    case Resolution::kLocal:
      return "local";
    case Resolution::kEnclosing:
      return "enclosing";
    case Resolution::kGlobal:
      return "global";
    case Resolution::kClass:
      return "class";
    case Resolution::kUnresolved:
      return "unresolved";
  }
  return "unresolved";
}

using NameIndex = uint32_t;

/// Key of a (scope, name) pair in the hash maps.
uint64_t key(ScopeIndex scope, NameIndex name) {
  return (static_cast<uint64_t>(scope) << 32) | name;
}

/// One site that binds a name: a VARIABLE/CLASS/FUNCTION def, a parameter or an import.
struct Site {
  NodeId node_id = 0;
  NameIndex name = 0;
  ScopeIndex scope = 0;  ///< where the binding takes effect before global/nonlocal
  ScopeIndex owner = 0;
  int64_t pos = 0;         ///< byte offset of the bound identifier (source order)
  int64_t def_index = -1;  ///< index in facts.defs; -1 for params and imports
  const char* kind = "";   ///< binding_kind
  // Control flow (meaningful when the facts have flow blocks).
  uint32_t block = kNoFlowBlock;  ///< block of the binding statement
  int64_t flow_pos = 0;           ///< where the binding takes effect
  bool kills = true;              ///< an unconditional rebinding
};

/// A `del name` (or a VARIABLE of def_kind "del"): makes the name local, binds nothing.
struct Del {
  ScopeIndex scope = 0;
  NameIndex name = 0;
  int64_t pos = 0;
  uint32_t block = kNoFlowBlock;
};

/// Where a name occurrence reads from: a scope (kNoScope: bound nowhere in the file).
struct Target {
  ScopeIndex scope = kNoScope;
  Resolution resolution = Resolution::kUnresolved;
};

class Binder {
 public:
  Binder(const FileContext& context, FileFacts& facts)
      : context_(context),
        facts_(facts),
        scopes_(context, facts.scopes),
        has_flow_(!facts.flow_blocks.empty()),
        flow_(facts.flow_blocks) {}

  void run() {
    collect_decls();
    collect_sites();
    mark_locals();
    resolve_nonlocals();
    assign_owners();
    emit_bindings();
    emit_name_refs();
  }

 private:
  NameIndex intern(std::string_view name) {
    auto [it, inserted] = names_.try_emplace(name, static_cast<NameIndex>(name_texts_.size()));
    if (inserted) name_texts_.push_back(name);
    return it->second;
  }

  DeclKind decl_kind(ScopeIndex scope, NameIndex name) const {
    auto it = decls_.find(key(scope, name));
    return it == decls_.end() ? DeclKind::kNone : it->second;
  }

  /// True when `name` is a local of `scope`: bound there without a declaration, deleted
  /// there, or the owner of a redirected binding site.
  bool binds(ScopeIndex scope, NameIndex name) const {
    const uint64_t k = key(scope, name);
    return locals_.count(k) != 0 || owned_.count(k) != 0;
  }

  void collect_decls() {
    for (const ScopeDeclRow& row : facts_.scope_decls) {
      const DeclKind kind = row.kind == "global"     ? DeclKind::kGlobal
                            : row.kind == "nonlocal" ? DeclKind::kNonlocal
                                                     : DeclKind::kNone;
      if (kind == DeclKind::kNone) continue;
      // The first declaration of a name in a scope wins (both kinds at once is a
      // SyntaxError in Python).
      decls_.try_emplace(key(scopes_.index_of(row.scope_id), intern(row.name)), kind);
    }
  }

  Site& add_site(NodeId node_id, std::string_view name, ScopeIndex scope, int64_t pos,
                 int64_t def_index, const char* kind, uint32_t block) {
    Site site;
    site.node_id = node_id;
    site.name = intern(name);
    site.scope = scope;
    site.pos = pos;
    site.def_index = def_index;
    site.kind = kind;
    site.block = block < facts_.flow_blocks.size() ? block : kNoFlowBlock;
    site.flow_pos = pos;
    sites_.push_back(site);
    return sites_.back();
  }

  void add_del(ScopeIndex scope, std::string_view name, int64_t pos, uint32_t block) {
    dels_.push_back(
        Del{scope, intern(name), pos, block < facts_.flow_blocks.size() ? block : kNoFlowBlock});
  }

  /// `import a.b` binds `a` without replacing what other `import a.x` made reachable.
  static bool is_plain_dotted_import(const ImportRow& import) {
    return !import.is_from && !import.alias && import.module.find('.') != std::string::npos;
  }

  void collect_sites() {
    const auto& defs = facts_.defs;
    sites_.reserve(defs.size() + facts_.params.size() + facts_.imports.size());
    for (size_t i = 0; i < defs.size(); ++i) {
      const DefRow& def = defs[i];
      ScopeIndex scope = scopes_.index_of(def.scope_id);
      const char* kind = nullptr;
      if (def.kind == "VARIABLE") {
        if (def.def_kind == "del") {
          // `del x` makes x local but binds no value: not a site a read can reach.
          add_del(scope, def.name, def.name_bstart, def.flow_block);
          continue;
        }
        kind = "variable";
        // An assignment expression in a comprehension binds in the enclosing block.
        if (def.def_kind == "walrus") scope = scopes_.nearest_non_comprehension(scope);
      } else if (def.kind == "CLASS") {
        kind = "class";
      } else if (def.kind == "FUNCTION") {
        kind = "function";
      } else {
        continue;  // LAMBDA (and anything unknown) binds no name
      }
      Site& site = add_site(def.node_id, def.name, scope, def.name_bstart, static_cast<int64_t>(i),
                            kind, def.flow_block);
      site.flow_pos = std::max(def.flow_pos, def.name_bstart);
      // A walrus may sit in a condition, a comprehension or a short-circuit operand; an
      // annotation without a value binds nothing: neither may hide earlier bindings.
      site.kills = def.def_kind != "walrus" && def.def_kind != "annassign";
    }
    for (const ParamRow& param : facts_.params) {
      add_site(param.node_id, param.name, scopes_.index_of(param.function_id), param.span.bstart,
               -1, "parameter", param.flow_block);
    }
    for (const ImportRow& import : facts_.imports) {
      if (import.is_star || !import.bound_name || import.bound_name->empty()) continue;
      Site& site = add_site(import.node_id, *import.bound_name, scopes_.index_of(import.scope_id),
                            import.span.bstart, -1, "import", import.flow_block);
      site.kills = !is_plain_dotted_import(import);
    }
    for (const NameRow& name : facts_.names) {
      if (!name.is_attribute && name.ctx == "del") {
        add_del(scopes_.index_of(name.scope_id), name.name, name.span.bstart, name.flow_block);
      }
    }
  }

  /// Names bound in a scope without a global/nonlocal declaration there are its locals.
  void mark_locals() {
    for (const Site& site : sites_) {
      if (decl_kind(site.scope, site.name) == DeclKind::kNone) {
        locals_.insert(key(site.scope, site.name));
      }
    }
    for (uint32_t i = 0; i < dels_.size(); ++i) {
      const Del& del = dels_[i];
      if (decl_kind(del.scope, del.name) == DeclKind::kNone) {
        locals_.insert(key(del.scope, del.name));
        local_dels_[key(del.scope, del.name)].push_back(i);
      }
    }
  }

  /// The function scope a `nonlocal name` in `scope` refers to, or kNoScope. Walks outward
  /// skipping class bodies; an enclosing `nonlocal` passes the walk on, an enclosing
  /// `global` or reaching the module ends it without a binding.
  ScopeIndex find_nonlocal_target(ScopeIndex scope, NameIndex name) const {
    for (ScopeIndex s = scopes_.parent(scope); s != kNoScope; s = scopes_.parent(s)) {
      const ScopeKind kind = scopes_.kind(s);
      if (kind == ScopeKind::kModule) return kNoScope;
      if (kind == ScopeKind::kClass) continue;
      const DeclKind decl = decl_kind(s, name);
      if (decl == DeclKind::kGlobal) return kNoScope;
      if (decl == DeclKind::kNonlocal) continue;
      if (locals_.count(key(s, name)) != 0) return s;
    }
    return kNoScope;
  }

  void resolve_nonlocals() {
    std::vector<uint64_t> failed;
    const auto& rows = facts_.scope_decls;
    for (size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].kind != "nonlocal") continue;
      const ScopeIndex scope = scopes_.index_of(rows[i].scope_id);
      const NameIndex name = intern(rows[i].name);
      const uint64_t k = key(scope, name);
      auto decl = decls_.find(k);
      if (decl == decls_.end() || decl->second != DeclKind::kNonlocal) continue;
      auto [it, inserted] = nonlocal_targets_.try_emplace(k, kNoScope);
      if (inserted) it->second = find_nonlocal_target(scope, name);
      if (it->second == kNoScope) {
        report_nonlocal_without_binding(rows[i]);
        failed.push_back(k);
      }
    }
    // A nonlocal without a binding is treated as if undeclared: the name is local where
    // it is declared. Marked after all walks so that the result does not depend on order.
    for (uint64_t k : failed) locals_.insert(k);
  }

  void report_nonlocal_without_binding(const ScopeDeclRow& row) {
    DiagnosticRow diag;
    diag.file_id = context_.file_id;
    diag.path = context_.path;
    diag.layer = "bind";
    diag.severity = "error";
    diag.code = "nonlocal_without_binding";
    diag.message = fmt::format(
        "nonlocal '{}' on line {} has no binding in an enclosing function (a SyntaxError in "
        "Python); it is treated as a local name",
        row.name, row.span.start_line);
    diag.bstart = row.span.bstart;
    diag.bend = row.span.bend;
    diag.start_line = row.span.start_line;
    diag.start_col = row.span.start_col;
    diag.end_line = row.span.end_line;
    diag.end_col = row.span.end_col;
    facts_.diagnostics.push_back(std::move(diag));
  }

  /// The scope a `nonlocal name` in `scope` binds in; `scope` itself when it has none.
  ScopeIndex nonlocal_target(ScopeIndex scope, NameIndex name) const {
    auto it = nonlocal_targets_.find(key(scope, name));
    return it == nonlocal_targets_.end() || it->second == kNoScope ? scope : it->second;
  }

  void assign_owners() {
    for (uint32_t i = 0; i < sites_.size(); ++i) {
      Site& site = sites_[i];
      switch (decl_kind(site.scope, site.name)) {
        case DeclKind::kGlobal:
          site.owner = scopes_.module();
          break;
        case DeclKind::kNonlocal:
          site.owner = nonlocal_target(site.scope, site.name);
          break;
        case DeclKind::kNone:
          site.owner = site.scope;
          break;
      }
      owned_[key(site.owner, site.name)].push_back(i);
    }
    // Determinism: each list in source order (ties: the order the facts came in).
    for (auto& [k, list] : owned_) {
      std::stable_sort(list.begin(), list.end(),
                       [&](uint32_t a, uint32_t b) { return sites_[a].pos < sites_[b].pos; });
    }
  }

  void emit_bindings() {
    facts_.bindings.reserve(facts_.bindings.size() + sites_.size());
    for (const Site& site : sites_) {
      BindingRow row;
      row.file_id = context_.file_id;
      row.node_id = site.node_id;
      row.owner_scope_id = scopes_.id(site.owner);
      row.binding_kind = site.kind;
      if (site.def_index >= 0) {
        DefRow& def = facts_.defs[static_cast<size_t>(site.def_index)];
        row.name = def.name;
        // A VARIABLE bound elsewhere than where it is written is named after its owner;
        // functions and classes keep the qualname of where they are written.
        const ScopeIndex lexical = scopes_.index_of(def.scope_id);
        if (def.kind == "VARIABLE" && site.owner != lexical) {
          def.qualname = scopes_.qualname_in(site.owner, def.name);
        }
      } else {
        row.name = name_texts_[site.name];
      }
      facts_.bindings.push_back(std::move(row));
    }
  }

  static Resolution local_resolution(ScopeKind kind) {
    if (kind == ScopeKind::kClass) return Resolution::kClass;
    if (kind == ScopeKind::kModule) return Resolution::kGlobal;
    return Resolution::kLocal;
  }

  /// Where `name` read in `scope` is looked up (see the rules in local_binder.hpp).
  Target resolve(ScopeIndex scope, NameIndex name) const {
    switch (decl_kind(scope, name)) {
      case DeclKind::kGlobal:
        return {scopes_.module(), Resolution::kGlobal};
      case DeclKind::kNonlocal: {
        const ScopeIndex target = nonlocal_target(scope, name);
        if (target != scope) return {target, Resolution::kEnclosing};
        return {scope, local_resolution(scopes_.kind(scope))};
      }
      case DeclKind::kNone:
        break;
    }
    if (binds(scope, name)) return {scope, local_resolution(scopes_.kind(scope))};
    for (ScopeIndex s = scopes_.parent(scope); s != kNoScope; s = scopes_.parent(s)) {
      const ScopeKind kind = scopes_.kind(s);
      // A class body does not enclose the functions, lambdas and comprehensions in it.
      if (kind == ScopeKind::kClass) continue;
      if (kind == ScopeKind::kModule) break;
      switch (decl_kind(s, name)) {
        case DeclKind::kGlobal:
          return {scopes_.module(), Resolution::kGlobal};
        case DeclKind::kNonlocal:
          return {nonlocal_target(s, name), Resolution::kEnclosing};
        case DeclKind::kNone:
          break;
      }
      if (binds(s, name)) return {s, Resolution::kEnclosing};
    }
    if (scope != scopes_.module() && binds(scopes_.module(), name)) {
      return {scopes_.module(), Resolution::kGlobal};
    }
    return {};
  }

  /// What one (scope, name) pair reads: its target and that target's sites (null: none).
  struct Reading {
    Target target;
    const std::vector<uint32_t>* sites = nullptr;
    /// True when reads of it are filtered by reaching definitions: the scope reads its own
    /// binding (a function, class body or module), without a global/nonlocal declaration.
    bool flow = false;
    /// The sites (then the local dels) as the flow analysis sees them; built on first use.
    std::vector<FlowSite> flow_sites;
    bool flow_sites_built = false;

    size_t row_count() const {
      return sites == nullptr ? 1 : std::min(sites->size(), kMaxBindingsPerRef);
    }
  };

  static bool is_reference(const NameRow& occurrence) {
    return !occurrence.is_attribute && (occurrence.ctx == "load" || occurrence.ctx == "del");
  }

  /// The flow view of a site owned by `owner`: a site bound there from a nested scope
  /// (global/nonlocal) may run at any time; a walrus in a comprehension runs where the
  /// comprehension stands, in the owner's block that holds it.
  FlowSite flow_site(const Site& site, ScopeIndex owner) const {
    FlowSite out;
    out.pos = site.flow_pos;
    out.kills = site.kills;
    if (site.owner != site.scope || site.block == kNoFlowBlock) return out;  // block: none
    const std::vector<FlowBlock>& blocks = facts_.flow_blocks;
    const NodeId owner_id = scopes_.id(owner);
    uint32_t b = site.block;
    for (uint32_t steps = 0; steps <= bind::kMaxFlowDepth && b < blocks.size(); ++steps) {
      if (blocks[b].scope_id == owner_id) {
        out.block = b;
        if (b != site.block) out.kills = false;  // lifted out of a comprehension
        return out;
      }
      b = blocks[b].parent;
    }
    return out;
  }

  void build_flow_sites(ScopeIndex scope, NameIndex name, Reading& reading) const {
    reading.flow_sites_built = true;
    for (uint32_t i : *reading.sites) reading.flow_sites.push_back(flow_site(sites_[i], scope));
    auto dels = local_dels_.find(key(scope, name));
    if (dels == local_dels_.end()) return;
    for (uint32_t i : dels->second) {
      FlowSite del;
      del.pos = dels_[i].pos;
      del.block = dels_[i].block;
      del.is_del = true;
      reading.flow_sites.push_back(del);
    }
  }

  void emit_name_refs() {
    // Pass 1: resolve each distinct (scope, name) once, filter the sites of local reads by
    // reaching definitions, and count the rows; reserving the output up front matters when
    // references fan out to many binding sites.
    constexpr uint32_t kNotAReference = std::numeric_limits<uint32_t>::max();
    constexpr uint32_t kAllSites = std::numeric_limits<uint32_t>::max();
    std::unordered_map<uint64_t, uint32_t> memo;
    std::vector<Reading> readings;
    std::vector<uint32_t> reading_of(facts_.names.size(), kNotAReference);
    // For a filtered read: [begin, begin + count) in `chosen` (positions in reading.sites).
    std::vector<std::pair<uint32_t, uint32_t>> filtered(facts_.names.size(), {kAllSites, 0});
    std::vector<uint32_t> chosen;
    std::vector<uint8_t> reach;
    size_t total_rows = 0;
    for (size_t i = 0; i < facts_.names.size(); ++i) {
      const NameRow& occurrence = facts_.names[i];
      if (!is_reference(occurrence)) continue;
      const ScopeIndex scope = scopes_.index_of(occurrence.scope_id);
      const NameIndex name = intern(occurrence.name);
      auto [it, inserted] =
          memo.try_emplace(key(scope, name), static_cast<uint32_t>(readings.size()));
      if (inserted) readings.push_back(read(scope, name));
      reading_of[i] = it->second;
      Reading& reading = readings[it->second];
      if (reading.flow) {
        if (!reading.flow_sites_built) build_flow_sites(scope, name, reading);
        if (flow_.reaching(occurrence.flow_block, occurrence.span.bstart, scopes_.id(scope),
                           reading.flow_sites, reach)) {
          const auto begin = static_cast<uint32_t>(chosen.size());
          for (uint32_t k = 0; k < reading.sites->size(); ++k) {
            if (reach[k] != 0) chosen.push_back(k);
          }
          filtered[i] = {begin, static_cast<uint32_t>(chosen.size()) - begin};
          total_rows += filtered[i].second;
          continue;
        }
      }
      total_rows += reading.row_count();
    }
    facts_.name_refs.reserve(facts_.name_refs.size() + total_rows);

    // Pass 2: emit in the order of facts.names.
    for (size_t i = 0; i < facts_.names.size(); ++i) {
      if (reading_of[i] == kNotAReference) continue;
      const NameRow& occurrence = facts_.names[i];
      const Reading& reading = readings[reading_of[i]];
      NameRefRow row;
      row.file_id = context_.file_id;
      row.ref_id = occurrence.node_id;
      row.name = occurrence.name;
      if (reading.target.scope != kNoScope) row.owner_scope_id = scopes_.id(reading.target.scope);
      if (reading.sites == nullptr) {
        // Bound nowhere in the file, or local only through `del` or a declaration chain
        // without a binding site (then owner_scope_id says where Python would look).
        row.resolution = to_string(Resolution::kUnresolved);
        facts_.name_refs.push_back(std::move(row));
        continue;
      }
      row.resolution = to_string(reading.target.resolution);
      const std::vector<uint32_t>& sites = *reading.sites;
      if (filtered[i].first != kAllSites) {
        // Flow-filtered (at most kMaxFlowSites sites, so never capped), in source order.
        for (uint32_t k = 0; k < filtered[i].second; ++k) {
          row.binding_id = sites_[sites[chosen[filtered[i].first + k]]].node_id;
          facts_.name_refs.push_back(row);
        }
        continue;
      }
      const size_t half = kMaxBindingsPerRef / 2;
      const bool capped = sites.size() > kMaxBindingsPerRef;
      for (size_t k = 0; k < sites.size(); ++k) {
        if (capped && k == half) k = sites.size() - half;
        row.binding_id = sites_[sites[k]].node_id;
        facts_.name_refs.push_back(row);
      }
    }
  }

  /// Whether reads of `name` in `scope`, which resolve to `target`, are flow-filtered.
  bool flow_applies(ScopeIndex scope, NameIndex name, const Reading& reading) const {
    if (!has_flow_ || reading.sites == nullptr || reading.target.scope != scope) return false;
    if (decl_kind(scope, name) != DeclKind::kNone) return false;
    // Comprehensions and lambdas evaluate out of source order (`[x for x in y]`); their
    // few bindings are kept whole.
    const ScopeKind kind = scopes_.kind(scope);
    if (kind != ScopeKind::kModule && kind != ScopeKind::kClass && kind != ScopeKind::kFunction) {
      return false;
    }
    if (reading.sites->size() > kMaxFlowSites) return false;
    auto dels = local_dels_.find(key(scope, name));
    return dels == local_dels_.end() || dels->second.size() <= kMaxFlowSites;
  }

  Reading read(ScopeIndex scope, NameIndex name) const {
    Reading reading;
    reading.target = resolve(scope, name);
    if (reading.target.scope == kNoScope) return reading;
    auto owned = owned_.find(key(reading.target.scope, name));
    if (owned != owned_.end() && !owned->second.empty()) reading.sites = &owned->second;
    reading.flow = flow_applies(scope, name, reading);
    return reading;
  }

  const FileContext& context_;
  FileFacts& facts_;
  ScopeTable scopes_;
  const bool has_flow_;  ///< the facts carry flow blocks (from the tree-sitter walk)
  FlowReach flow_;
  /// Interned names; the views point into facts_ strings, which stay put during binding.
  std::unordered_map<std::string_view, NameIndex> names_;
  std::vector<std::string_view> name_texts_;  ///< by NameIndex
  std::unordered_map<uint64_t, DeclKind> decls_;
  std::vector<Site> sites_;
  std::vector<Del> dels_;
  /// Indexes into dels_ of the dels of local names, by (scope, name).
  std::unordered_map<uint64_t, std::vector<uint32_t>> local_dels_;
  std::unordered_set<uint64_t> locals_;
  std::unordered_map<uint64_t, ScopeIndex> nonlocal_targets_;
  /// Sites by (owner scope, name), in source order.
  std::unordered_map<uint64_t, std::vector<uint32_t>> owned_;
};

}  // namespace

void bind_file_names(const FileContext& context, FileFacts& facts) {
  Binder binder(context, facts);
  binder.run();
}

}  // namespace ca
