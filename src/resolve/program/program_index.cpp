// Builds the static whole-program index (see program_index.hpp).
#include "resolve/program/program_index.hpp"

#include <algorithm>

namespace ca::program {
namespace {

ScopeKind scope_kind(std::string_view kind) {
  if (kind == "module") return ScopeKind::Module;
  if (kind == "class") return ScopeKind::Class;
  if (kind == "lambda") return ScopeKind::Lambda;
  if (kind == "comprehension") return ScopeKind::Comprehension;
  return ScopeKind::Function;
}

ParamKind param_kind(std::string_view kind) {
  if (kind == "positional_only") return ParamKind::PositionalOnly;
  if (kind == "var_positional") return ParamKind::VarPositional;
  if (kind == "keyword_only") return ParamKind::KeywordOnly;
  if (kind == "var_keyword") return ParamKind::VarKeyword;
  return ParamKind::Positional;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

ProgramIndex::ProgramIndex(const std::vector<ProgramFile>& input,
                           const std::vector<RepoPackageRow>& packages) {
  for (const ProgramFile& f : input) {
    if (f.file == nullptr || f.facts == nullptr) continue;
    files.push_back(
        {f.file, f.facts, node_id_for(f.file->path, NodeKind::Module, 0, f.file->size_bytes)});
  }
  size_t n_scopes = 0, n_defs = 0, n_bindings = 0, n_refs = 0, n_imports = 0;
  for (const FileEntry& fe : files) {
    n_scopes += fe.facts->scopes.size();
    n_defs += fe.facts->defs.size();
    n_bindings += fe.facts->bindings.size();
    n_refs += fe.facts->name_refs.size();
    n_imports += fe.facts->imports.size();
  }
  scopes.reserve(n_scopes);
  defs.reserve(n_defs);
  functions.reserve(n_defs);
  binding_owner.reserve(n_bindings);
  bindings.reserve(n_bindings);
  refs.reserve(n_refs);
  imports.reserve(n_imports);
  import_file.reserve(n_imports);
  // Determinism: everything below walks files in path order.
  std::sort(files.begin(), files.end(),
            [](const FileEntry& x, const FileEntry& y) { return x.row->path < y.row->path; });

  for (uint32_t fi = 0; fi < files.size(); ++fi) {
    const FileEntry& fe = files[fi];
    auto [it, inserted] =
        module_by_name.emplace(fe.row->module, static_cast<uint32_t>(modules.size()));
    if (inserted) {
      modules.push_back({fe.module_id, static_cast<int32_t>(fi), fe.row->module});
    } else if (files[modules[it->second].file].row->is_stub && !fe.row->is_stub) {
      modules[it->second] = {fe.module_id, static_cast<int32_t>(fi),
                             fe.row->module};  // .py wins over .pyi
    }
    const FileFacts& ff = *fe.facts;
    for (const ScopeRow& s : ff.scopes) {
      scopes[s.scope_id] = {fi, s.parent_scope_id.value_or(0), scope_kind(s.kind),
                            names.intern(s.name), &s};
    }
    for (const DefRow& d : ff.defs) {
      defs[d.node_id] = &d;
      if (d.kind == "FUNCTION" || d.kind == "LAMBDA") {
        FunctionInfo& info = functions[d.node_id];
        info.file = fi;
        info.def = &d;
        info.is_lambda = d.kind == "LAMBDA";
      }
    }
    for (const DefRow& d : ff.defs) {
      if (d.kind != "FUNCTION" || !d.is_method) continue;
      auto sc = scopes.find(d.scope_id);
      if (sc != scopes.end() && sc->second.kind == ScopeKind::Class)
        functions[d.node_id].class_id = d.scope_id;
    }
    for (const ParamRow& p : ff.params) {
      auto fn = functions.find(p.function_id);
      if (fn == functions.end()) continue;
      fn->second.params.push_back(
          {p.node_id, names.intern(p.name), param_kind(p.param_kind), p.position});
    }
    for (const DecoratorRow& d : ff.decorators) {
      auto fn = functions.find(d.target_id);
      if (fn == functions.end()) continue;
      std::string_view t = d.text;
      if (t == "staticmethod") fn->second.is_static = true;
      if (t == "classmethod") fn->second.is_classmethod = true;
      if (t == "property" || ends_with(t, "cached_property") || ends_with(t, ".getter")) {
        fn->second.is_property = true;
      }
    }
    for (const ReturnRow& r : ff.returns) {
      if (r.kind == "return") continue;
      auto fn = functions.find(r.scope_id);
      if (fn != functions.end()) fn->second.has_yield = true;
    }
    for (const ImportRow& im : ff.imports) {
      imports[im.node_id] = &im;
      import_file[im.node_id] = fi;
    }
    for (const BindingRow& b : ff.bindings) {
      binding_owner[b.node_id] = b.owner_scope_id;
      bindings[b.node_id] = &b;
      bool added = false;
      const uint32_t list = bindings_of.emplace({b.owner_scope_id, names.intern(b.name)},
                                                static_cast<uint32_t>(binding_lists.size()), added);
      if (added) binding_lists.emplace_back();
      binding_lists[list].push_back(b.node_id);
    }
    for (const NameRefRow& r : ff.name_refs) {
      RefInfo& info = refs[r.ref_id];
      info.file = fi;
      info.name = names.intern(r.name);
      if (!r.binding_id) {
        info.unresolved = true;
        continue;
      }
      info.bindings.push_back(*r.binding_id);
      if (r.owner_scope_id && std::find(info.owners.begin(), info.owners.end(),
                                        *r.owner_scope_id) == info.owners.end()) {
        info.owners.push_back(*r.owner_scope_id);
      }
    }
  }
  for (auto& [id, fn] : functions) {
    (void)id;
    std::stable_sort(
        fn.params.begin(), fn.params.end(),
        [](const ParamInfo& x, const ParamInfo& y) { return x.position < y.position; });
  }
  // Namespace packages: directories without __init__ still name a module path.
  std::vector<const RepoPackageRow*> sorted;
  for (const RepoPackageRow& p : packages) sorted.push_back(&p);
  std::sort(sorted.begin(), sorted.end(), [](const RepoPackageRow* x, const RepoPackageRow* y) {
    return x->qualname < y->qualname;
  });
  for (const RepoPackageRow* p : sorted) {
    if (p->dir_path == ".") root_package_ = p->qualname;
    if (module_by_name.count(p->qualname) != 0) continue;
    module_by_name.emplace(p->qualname, static_cast<uint32_t>(modules.size()));
    modules.push_back({p->node_id, -1, p->qualname});
  }
  for (uint32_t i = 0; i < modules.size(); ++i) module_by_id[modules[i].id] = i;
  for (auto& [id, scope] : scopes) {
    scope.caller = find_caller(id);
    scope.function = find_function(id);
  }
  find_passthrough_functions();
}

void ProgramIndex::find_passthrough_functions() {
  // Per function: the parameter its returns give back, -2 once a return breaks the pattern.
  std::unordered_map<NodeId, int32_t> verdict;
  for (const FileEntry& fe : files) {
    const ir::FileIr& ir = fe.facts->ir;
    for (const ir::Stmt& s : ir.stmts) {
      if (s.kind != ir::StmtKind::Return) continue;
      auto fn = functions.find(s.scope);
      if (fn == functions.end()) continue;
      int32_t& v = verdict.try_emplace(s.scope, -1).first->second;
      if (v == -2) continue;
      int32_t param = -2;
      if (s.value != ir::kNoExpr && ir.exprs[s.value].kind == ir::ExprKind::Name) {
        auto ref = refs.find(ir.exprs[s.value].node_id);
        if (ref != refs.end() && !ref->second.unresolved && !ref->second.bindings.empty()) {
          const auto& ps = fn->second.params;
          for (size_t i = 0; i < ps.size(); ++i) {
            const bool only_this =
                std::all_of(ref->second.bindings.begin(), ref->second.bindings.end(),
                            [&](NodeId b) { return b == ps[i].id; });
            if (only_this &&
                (ps[i].kind == ParamKind::Positional || ps[i].kind == ParamKind::PositionalOnly ||
                 ps[i].kind == ParamKind::KeywordOnly)) {
              param = static_cast<int32_t>(i);
            }
          }
        }
      }
      v = (v == -1 || v == param) ? param : -2;
    }
  }
  for (const auto& [fn, v] : verdict) {
    FunctionInfo& info = functions[fn];
    if (v >= 0 && !info.has_yield) info.passthrough = v;
  }
}

const ModuleInfo* ProgramIndex::find_module(std::string_view dotted) const {
  auto it = module_by_name.find(std::string(dotted));
  if (it != module_by_name.end()) return &modules[it->second];
  // When the repository root is itself a package, code run from that directory imports its
  // modules without the package prefix (`import sub.mod` for `rootpkg.sub.mod`).
  if (!root_package_.empty() && dotted.rfind(root_package_ + ".", 0) != 0) {
    it = module_by_name.find(root_package_ + "." + std::string(dotted));
    if (it != module_by_name.end()) return &modules[it->second];
  }
  return nullptr;
}

std::optional<std::string> ProgramIndex::import_base(const ImportRow& row, uint32_t file) const {
  if (row.level == 0) return row.module;
  const RepoFileRow& f = *files[file].row;
  std::string pkg = f.module;
  auto drop_last = [](std::string& s) {
    const auto dot = s.rfind('.');
    if (dot == std::string::npos) {
      if (s.empty()) return false;
      s.clear();
      return true;
    }
    s.resize(dot);
    return true;
  };
  if (!f.is_package_init && !drop_last(pkg)) return std::nullopt;
  for (int32_t i = 1; i < row.level; ++i) {
    if (!drop_last(pkg)) return std::nullopt;
  }
  if (row.module.empty()) {
    if (pkg.empty()) return std::nullopt;
    return pkg;
  }
  return pkg.empty() ? row.module : pkg + "." + row.module;
}

NodeId ProgramIndex::caller_of(NodeId scope) const {
  auto known = scopes.find(scope);
  return known == scopes.end() ? scope : known->second.caller;
}

NodeId ProgramIndex::function_of(NodeId scope) const {
  auto known = scopes.find(scope);
  return known == scopes.end() ? 0 : known->second.function;
}

NodeId ProgramIndex::find_caller(NodeId scope) const {
  for (int guard = 0; guard < 1000; ++guard) {
    auto it = scopes.find(scope);
    if (it == scopes.end()) return scope;
    const ScopeInfo& s = it->second;
    if (s.kind == ScopeKind::Module || s.kind == ScopeKind::Function ||
        s.kind == ScopeKind::Lambda) {
      return scope;
    }
    if (s.parent == 0) return scope;
    scope = s.parent;
  }
  return scope;
}

NodeId ProgramIndex::find_function(NodeId scope) const {
  for (int guard = 0; guard < 1000; ++guard) {
    auto it = scopes.find(scope);
    if (it == scopes.end()) return 0;
    const ScopeInfo& s = it->second;
    if (s.kind == ScopeKind::Function || s.kind == ScopeKind::Lambda) return scope;
    if (s.kind != ScopeKind::Comprehension) return 0;
    scope = s.parent;
  }
  return 0;
}

const std::vector<NodeId>& ProgramIndex::bindings_for(NodeId owner, uint32_t name) const {
  const uint32_t list = bindings_of.find({owner, name});
  return list == SlotMap::kNone ? empty_ : binding_lists[list];
}

bool ProgramIndex::exports(const ModuleInfo& module, const std::string& name) const {
  const uint32_t id = names.find(name);
  if (id == UINT32_MAX) return false;
  const std::vector<uint32_t> all = star_names(module);
  return std::binary_search(all.begin(), all.end(), id);
}

std::vector<uint32_t> ProgramIndex::star_names(const ModuleInfo& module) const {
  std::vector<uint32_t> out;
  std::vector<NodeId> visiting;
  star_names_rec(module, out, visiting);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void ProgramIndex::star_names_rec(const ModuleInfo& module, std::vector<uint32_t>& out,
                                  std::vector<NodeId>& visiting) const {
  if (module.file < 0) return;
  if (std::find(visiting.begin(), visiting.end(), module.id) != visiting.end()) return;
  visiting.push_back(module.id);
  const FileFacts& ff = *files[module.file].facts;
  if (ff.ir.has_dunder_all) {
    for (const std::string& n : ff.ir.dunder_all) {
      const uint32_t id = names.find(n);
      if (id != UINT32_MAX) out.push_back(id);
    }
    return;
  }
  for (const BindingRow& b : ff.bindings) {
    if (b.owner_scope_id != module.id || b.name.empty() || b.name[0] == '_') continue;
    out.push_back(names.find(b.name));
  }
  for (const ImportRow& im : ff.imports) {
    if (!im.is_star || im.scope_id != module.id) continue;
    auto base = import_base(im, static_cast<uint32_t>(module.file));
    if (!base) continue;
    if (const ModuleInfo* m = find_module(*base)) star_names_rec(*m, out, visiting);
  }
}

}  // namespace ca::program
