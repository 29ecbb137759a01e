// The fixpoint driver and the statement rules of the points-to engine (see engine.hpp).
#include "resolve/program/engine.hpp"

#include <algorithm>

#include "resolve/program/python_names.hpp"

namespace ca::program {

uint64_t owner_key(uint64_t id, uint64_t category) {
  uint64_t x = id + category * 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

Engine::Engine(ProgramIndex& index) : ix_(index) {
  Interner& n = ix_.names;
  n_all_ = n.intern("[]");
  n_return_ = n.intern("$return");
  n_yield_ = n.intern("$yield");
  n_init_ = n.intern("__init__");
  n_new_ = n.intern("__new__");
  n_call_ = n.intern("__call__");
  n_iter_ = n.intern("__iter__");
  n_next_ = n.intern("__next__");
  n_enter_ = n.intern("__enter__");
  n_exit_ = n.intern("__exit__");
  n_getitem_ = n.intern("__getitem__");
  n_empty_ = n.intern("");
  n_keys_ = n.intern("[keys]");
  n_update_ = n.intern("update");
  t_str_ = n.intern("builtins.str");
  t_bytes_ = n.intern("builtins.bytes");
  t_int_ = n.intern("builtins.int");
  t_float_ = n.intern("builtins.float");
  t_complex_ = n.intern("builtins.complex");
  t_bool_ = n.intern("builtins.bool");
  t_object_ = n.intern("builtins.object");
  for (const FileEntry& fe : ix_.files) {
    for (const ir::ParamDefault& d : fe.facts->ir.params) {
      auto fn = ix_.functions.find(d.function_id);
      if (fn == ix_.functions.end() || d.value == ir::kNoExpr) continue;
      for (const ParamInfo& p : fn->second.params) {
        if (p.id == d.parameter_id) defaults_[d.function_id].emplace_back(p, d.value);
      }
    }
  }
  build_expr_cache();
  build_units();
}

void Engine::build_expr_cache() {
  cache_.resize(ix_.files.size());
  for (uint32_t f = 0; f < ix_.files.size(); ++f) {
    const ir::FileIr& ir = ix_.files[f].facts->ir;
    ExprCache& c = cache_[f];
    const size_t n = ir.exprs.size();
    c.name.assign(n, UINT32_MAX);
    c.slots_first.assign(n, 0);
    c.slots_count.assign(n, 0);
    c.unresolved.assign(n, 0);
    c.builtin.assign(n, UINT32_MAX);
    c.key.assign(n, UINT32_MAX);
    c.keyword.assign(ir.args.size(), UINT32_MAX);
    for (size_t i = 0; i < ir.args.size(); ++i) {
      if (!ir.args[i].keyword.empty()) c.keyword[i] = ix_.names.intern(ir.args[i].keyword);
    }
    for (size_t e = 0; e < n; ++e) {
      const ir::Expr& x = ir.exprs[e];
      if (x.kind == ir::ExprKind::Constant) {
        if (x.const_kind == ir::ConstKind::Str) c.key[e] = ix_.names.intern("[s:" + x.text + "]");
        if (x.const_kind == ir::ConstKind::Int) c.key[e] = ix_.names.intern("[i:" + x.text + "]");
        continue;
      }
      if (x.kind != ir::ExprKind::Name && x.kind != ir::ExprKind::Attribute) continue;
      const uint32_t name = ix_.names.intern(x.text);
      c.name[e] = name;
      if (x.kind != ir::ExprKind::Name) continue;
      c.slots_first[e] = static_cast<uint32_t>(cached_slots_.size());
      auto ref = ix_.refs.find(x.node_id);
      if (ref != ix_.refs.end()) {
        // A load reads the binding sites that may reach it, and what reaches the owner
        // scope other than through its binding sites (attribute stores, star imports).
        for (NodeId b : ref->second.bindings) cached_slots_.push_back(site_slot(b));
        for (NodeId owner : ref->second.owners)
          cached_slots_.push_back(slot(owner_key(owner, kOuterSlots), name));
        if (ref->second.unresolved) {
          c.unresolved[e] = 1;
          cached_slots_.push_back(slot(ix_.files[f].module_id, name));
          if (is_builtin_name(x.text)) c.builtin[e] = ix_.names.intern("builtins." + x.text);
        }
      } else if (auto owner = ix_.binding_owner.find(x.node_id); owner != ix_.binding_owner.end()) {
        // A store: its binding site and the owner scope's aggregate (read by attribute
        // loads and imports from elsewhere); under global/nonlocal also the outer slot,
        // as the binder keeps reads of such names flow-insensitive.
        cached_slots_.push_back(site_slot(x.node_id));
        cached_slots_.push_back(slot(owner->second, name));
        if (owner->second != x.scope)
          cached_slots_.push_back(slot(owner_key(owner->second, kOuterSlots), name));
      }
      c.slots_count[e] = static_cast<uint32_t>(cached_slots_.size()) - c.slots_first[e];
    }
  }
}

void Engine::build_units() {
  for (uint32_t f = 0; f < ix_.files.size(); ++f) {
    const FileEntry& fe = ix_.files[f];
    for (const ImportRow& im : fe.facts->imports) {
      ImportPlan plan;
      plan.site_slot = site_slot(im.node_id);
      auto owner_it = ix_.binding_owner.find(im.node_id);
      const NodeId owner = owner_it == ix_.binding_owner.end() ? im.scope_id : owner_it->second;
      if (!im.is_from) {
        if (im.bound_name) {
          const bool aliased = im.alias.has_value();
          const std::string target = aliased ? im.module : im.module.substr(0, im.module.find('.'));
          const ModuleInfo* m = ix_.find_module(target);
          plan.kind = ImportPlan::Plain;
          plan.bound_slot = slot(owner, ix_.names.intern(*im.bound_name));
          plan.direct = m != nullptr ? Value{VKind::Module, 0, m->id, 0} : external(target);
          plan.has_direct = true;
        }
      } else if (const auto base = ix_.import_base(im, f)) {
        const ModuleInfo* m = ix_.find_module(*base);
        if (im.is_star) {
          if (m != nullptr) {
            plan.kind = ImportPlan::Star;
            plan.module = m->id;
            plan.star_module = f;
          }
        } else if (im.name && im.bound_name) {
          plan.bound_slot = slot(owner, ix_.names.intern(*im.bound_name));
          plan.name = ix_.names.intern(*im.name);
          if (m == nullptr) {
            plan.kind = ImportPlan::Plain;
            plan.direct = external(*base + "." + *im.name);
            plan.has_direct = true;
          } else {
            plan.kind = ImportPlan::From;
            plan.module = m->id;
            if (const ModuleInfo* sub = ix_.find_module(*base + "." + *im.name)) {
              plan.direct = Value{VKind::Module, 0, sub->id, 0};
              plan.has_direct = true;
            }
          }
        }
      }
      units_.push_back({f, UnitKind::Import, static_cast<uint32_t>(import_plans_.size())});
      import_plans_.push_back(plan);
      def_slot_.push_back(UINT32_MAX);
    }
    const ir::FileIr& ir = fe.facts->ir;
    if (ir.stmts.empty()) {
      units_.push_back({f, UnitKind::DefinitionsOnly, 0});
      def_slot_.push_back(UINT32_MAX);
      continue;
    }
    for (uint32_t i = 0; i < ir.stmts.size(); ++i) {
      const ir::Stmt& s = ir.stmts[i];
      uint32_t bound = UINT32_MAX;
      if (s.kind == ir::StmtKind::Return) {
        if (const NodeId fn = ix_.function_of(s.scope); fn != 0)
          bound = slot(owner_key(fn, kReturnSlots), n_return_);
      } else if (s.kind == ir::StmtKind::FunctionDef || s.kind == ir::StmtKind::ClassDef) {
        auto owner = ix_.binding_owner.find(s.node_id);
        auto def = ix_.defs.find(s.node_id);
        if (owner != ix_.binding_owner.end() && def != ix_.defs.end())
          bound = slot(owner->second, ix_.names.intern(def->second->name));
      }
      units_.push_back({f, UnitKind::Stmt, i});
      def_slot_.push_back(bound);
    }
  }
  unit_edges_.resize(units_.size());
  unit_attrs_.resize(units_.size());
}

uint32_t Engine::slot(uint64_t owner, uint32_t name) {
  bool inserted = false;
  const uint32_t id =
      slot_ids_.emplace(OwnerName{owner, name}, static_cast<uint32_t>(slots_.size()), inserted);
  if (inserted) {
    slots_.emplace_back();
    readers_.push_back({kNoReader, kNoReader});
  }
  return id;
}

const ValueSet& Engine::read(uint32_t sid) {
  if (current_ != UINT32_MAX) {
    Readers& r = readers_[sid];
    if (r.last != current_) {
      r.last = current_;
      reader_links_.push_back({current_, r.head});
      r.head = static_cast<uint32_t>(reader_links_.size() - 1);
    }
  }
  return slots_[sid];
}

void Engine::touch(uint32_t sid) {
  Readers& r = readers_[sid];
  for (uint32_t link = r.head; link != kNoReader; link = reader_links_[link].next) {
    const uint32_t u = reader_links_[link].unit;
    if (queued_[u] == 0) {
      queued_[u] = 1;
      ++queued_count_;
    }
  }
  r = {kNoReader, kNoReader};
}

void Engine::grow(uint32_t sid, const ValueSet& values) {
  if (slots_[sid].merge(values)) touch(sid);
}

void Engine::grow(uint32_t sid, const Value& value) {
  if (slots_[sid].insert(value)) touch(sid);
}

uint32_t Engine::position_name(size_t k) {
  while (position_names_.size() <= k) {
    position_names_.push_back(
        ix_.names.intern("[i:" + std::to_string(position_names_.size()) + "]"));
  }
  return position_names_[k];
}

const std::vector<std::pair<int32_t, Value>>& Engine::bases_of(NodeId cls) const {
  auto it = bases_.find(cls);
  return it == bases_.end() ? no_bases_ : it->second;
}

void Engine::bases_changed(NodeId cls) {
  std::vector<NodeId> affected{cls};
  if (auto users = mro_users_.find(cls); users != mro_users_.end()) {
    affected.insert(affected.end(), users->second.begin(), users->second.end());
    mro_users_.erase(users);
  }
  for (NodeId c : affected) {
    mro_cache_.erase(c);
    mro_conflicts_.erase(c);  // judged again when the MRO is recomputed
    flat_bases_.erase(c);
    if (auto paths = attr_paths_of_class_.find(c); paths != attr_paths_of_class_.end()) {
      for (uint32_t p : paths->second) attr_paths_[p].valid = false;
    }
    touch(bases_slot(c));
  }
}

void Engine::release_fixpoint() {
  auto release = [](auto& container) { container = std::decay_t<decltype(container)>(); };
  release(cache_);
  release(cached_slots_);
  release(slot_ids_);
  release(slots_);
  release(readers_);
  release(reader_links_);
  release(units_);
  release(import_plans_);
  release(def_slot_);
  release(queued_);
  release(unit_edges_);
  release(unit_attrs_);
  release(attr_path_ids_);
  release(attr_paths_);
  release(attr_paths_of_class_);
  release(store_sites_);
  release(strong_);
  release(star_cache_);
  release(defaults_);
}

int Engine::run(int max_rounds, bool& converged) {
  queued_.assign(units_.size(), 1);
  queued_count_ = units_.size();
  int passes = 0;
  while (queued_count_ > 0 && passes < std::max(1, max_rounds)) {
    ++passes;
    for (uint32_t u = 0; u < units_.size(); ++u) {
      if (queued_[u] == 0) continue;
      queued_[u] = 0;
      --queued_count_;
      run_unit(u);
    }
  }
  current_ = UINT32_MAX;
  converged = queued_count_ == 0;
  for (uint32_t u = 0; u < units_.size(); ++u) {
    edges_.insert(edges_.end(), unit_edges_[u].begin(), unit_edges_[u].end());
    attr_targets_.insert(attr_targets_.end(), unit_attrs_[u].begin(), unit_attrs_[u].end());
  }
  unit_edges_.clear();
  unit_attrs_.clear();
  std::sort(edges_.begin(), edges_.end());
  edges_.erase(std::unique(edges_.begin(), edges_.end()), edges_.end());
  std::sort(attr_targets_.begin(), attr_targets_.end());
  attr_targets_.erase(std::unique(attr_targets_.begin(), attr_targets_.end()), attr_targets_.end());
  return passes;
}

void Engine::run_unit(uint32_t unit) {
  current_ = unit;
  unit_edges_[unit].clear();
  unit_attrs_[unit].clear();
  const Unit& u = units_[unit];
  switch (u.kind) {
    case UnitKind::Import:
      run_import(u.file, import_plans_[u.index]);
      break;
    case UnitKind::DefinitionsOnly:
      run_definitions_only(u.file);
      break;
    case UnitKind::Stmt:
      run_stmt(u.file, ix_.files[u.file].facts->ir.stmts[u.index]);
      break;
  }
}

void Engine::run_definitions_only(uint32_t file) {
  const FileFacts& ff = *ix_.files[file].facts;
  for (const DefRow& d : ff.defs) {
    if (d.kind != "CLASS" && d.kind != "FUNCTION") continue;
    auto owner = ix_.binding_owner.find(d.node_id);
    if (owner == ix_.binding_owner.end()) continue;
    const Value v{d.kind == "CLASS" ? VKind::Class : VKind::Function, 0, d.node_id, 0};
    add(owner->second, ix_.names.intern(d.name), v);
    grow(site_slot(d.node_id), v);
  }
  // Bases from the dotted text of ts_class_bases: the head name as the binder resolved it,
  // then attribute lookups.
  for (const ClassBaseRow& b : ff.class_bases) {
    if (b.keyword) continue;
    const NameRow* head = nullptr;
    for (const NameRow& n : ff.names) {
      if (!n.is_attribute && n.span.bstart == b.span.bstart && n.ctx == "load") {
        head = &n;
        break;
      }
    }
    if (head == nullptr) continue;
    ir::Expr name_expr;
    name_expr.kind = ir::ExprKind::Name;
    name_expr.node_id = head->node_id;
    name_expr.text = head->name;
    ValueSet v = eval_name(file, name_expr);
    std::string_view rest =
        std::string_view(b.text).substr(std::min(b.text.size(), head->name.size()));
    Site site{file, head->scope_id, std::nullopt, b.span.bstart, b.span.bend};
    while (!rest.empty() && rest[0] == '.') {
      rest.remove_prefix(1);
      const size_t end = std::min(rest.find('.'), rest.size());
      v = load_attr(v, ix_.names.intern(rest.substr(0, end)), site, 0);
      rest.remove_prefix(end);
    }
    if (!rest.empty()) continue;  // not a dotted name
    auto& stored = bases_[b.class_id];
    const size_t before = stored.size();
    for (const Value& x : v) {
      if (x.kind != VKind::Class && x.kind != VKind::External) continue;
      const std::pair<int32_t, Value> entry{b.position, x};
      if (std::find(stored.begin(), stored.end(), entry) == stored.end()) stored.push_back(entry);
    }
    if (stored.size() != before) {
      std::stable_sort(stored.begin(), stored.end(),
                       [](const auto& x, const auto& y) { return x.first < y.first; });
      bases_changed(b.class_id);
    }
  }
}

void Engine::run_import(uint32_t file, const ImportPlan& plan) {
  switch (plan.kind) {
    case ImportPlan::Skip:
      return;
    case ImportPlan::Plain:
      grow(plan.bound_slot, plan.direct);
      grow(plan.site_slot, plan.direct);
      return;
    case ImportPlan::Star: {
      auto cached = star_cache_.find(plan.module);
      if (cached == star_cache_.end()) {
        const ModuleInfo& m = ix_.modules[ix_.module_by_id.at(plan.module)];
        cached = star_cache_.emplace(plan.module, ix_.star_names(m)).first;
      }
      const NodeId importer = ix_.files[file].module_id;
      for (uint32_t name : cached->second) {
        const ValueSet& held = read(plan.module, name);
        add(importer, name, held);
        add(owner_key(importer, kOuterSlots), name, held);  // not a binding site
      }
      return;
    }
    case ImportPlan::From: {
      const ValueSet& held = read(plan.module, plan.name);
      if (!held.empty()) {
        grow(plan.bound_slot, held);
        grow(plan.site_slot, held);
      } else if (plan.has_direct) {
        grow(plan.bound_slot, plan.direct);
        grow(plan.site_slot, plan.direct);
      }
      return;
    }
  }
}

void Engine::run_stmt(uint32_t file, const ir::Stmt& s) {
  using ir::StmtKind;
  const ir::FileIr& ir = ix_.files[file].facts->ir;
  switch (s.kind) {
    case StmtKind::Assign:
    case StmtKind::AnnAssign:
    case StmtKind::AugAssign: {
      if (s.value == ir::kNoExpr) {
        if (s.extra != ir::kNoExpr) eval(file, s.extra);
        return;
      }
      ValueSet v = eval(file, s.value);
      if (s.target != ir::kNoExpr) {
        if (s.kind == StmtKind::AugAssign && ir.exprs[s.target].kind != ir::ExprKind::Name) {
          eval(file, s.target);
        } else if (s.kind == StmtKind::AugAssign) {
          // `x op= v` keeps what x held: the site holds the name's values as well.
          const ExprCache& c = cache_[file];
          for (uint32_t i = 0; i < c.slots_count[s.target]; ++i)
            v.merge(read(cached_slots_[c.slots_first[s.target] + i]));
          v = widen_all_ints(v);  // `i += 1` does not keep i's constant
        }
        assign(file, s.target, v);
      }
      return;
    }
    case StmtKind::For:
    case StmtKind::ComprehensionFor: {
      const ValueSet it = eval(file, s.value);
      Site site{file, s.scope, std::nullopt, s.bstart, s.bend};
      if (s.value != ir::kNoExpr)
        site = {file, s.scope, std::nullopt, ir.exprs[s.value].bstart, ir.exprs[s.value].bend};
      assign(file, s.target, iterate(it, site));
      return;
    }
    case StmtKind::With: {
      const ValueSet v = eval(file, s.value);
      Site site{file, s.scope, std::nullopt, s.bstart, s.bend};
      if (s.value != ir::kNoExpr)
        site = {file, s.scope, std::nullopt, ir.exprs[s.value].bstart, ir.exprs[s.value].bend};
      ValueSet entered;
      ValueSet plain;
      for (const Value& x : v) {
        if (x.kind != VKind::Instance) {
          plain.insert(x);
          continue;
        }
        Value where;
        ValueSet enter = class_attr(x.a, n_enter_, 0, where);
        if (enter.empty()) {
          plain.insert(x);
          continue;
        }
        entered.merge(invoke(bind_method(enter, x, site, true), Args{}, site, "method"));
        ValueSet exit = class_attr(x.a, n_exit_, 0, where);
        invoke(bind_method(exit, x, site, true), Args{}, site, "method");
      }
      entered.merge(plain);
      if (s.target != ir::kNoExpr) assign(file, s.target, entered);
      return;
    }
    case StmtKind::ExceptAs: {
      const ValueSet types = eval(file, s.value);
      ValueSet caught;
      auto add_type = [&](const Value& t) {
        if (t.kind == VKind::Class) caught.insert({VKind::Instance, 0, t.a, 0});
        if (t.kind == VKind::External) caught.insert(t);
      };
      for (const Value& t : types) {
        if (t.kind == VKind::Container) {
          for (const Value& e : element(t, UINT32_MAX)) add_type(e);
        } else {
          add_type(t);
        }
      }
      if (s.target != ir::kNoExpr) assign(file, s.target, caught);
      return;
    }
    case StmtKind::Return: {
      if (s.value == ir::kNoExpr) return;
      const ValueSet v = eval(file, s.value);
      if (def_slot_[current_] != UINT32_MAX && !v.empty()) grow(def_slot_[current_], v);
      return;
    }
    case StmtKind::Raise: {
      const ValueSet v = eval(file, s.value);
      if (s.extra != ir::kNoExpr) eval(file, s.extra);
      if (s.value == ir::kNoExpr) return;
      const ir::Expr& x = ir.exprs[s.value];
      Site site{file, s.scope, std::nullopt, x.bstart, x.bend};
      for (const Value& c : v) {
        if (c.kind == VKind::Class) construct(c.a, Args{}, site);
      }
      return;
    }
    case StmtKind::ExprStmt:
    case StmtKind::Condition:
      eval(file, s.value);
      return;
    case StmtKind::Delete:
      return;
    case StmtKind::FunctionDef:
      run_function_def(file, s);
      return;
    case StmtKind::ClassDef:
      run_class_def(file, s);
      return;
    case StmtKind::Import:
      return;  // imports run from ts_imports rows (run_imports)
  }
}

ValueSet Engine::apply_decorators(uint32_t file, const ir::Stmt& s, uint32_t first, uint32_t count,
                                  ValueSet value) {
  const ir::FileIr& ir = ix_.files[file].facts->ir;
  for (uint32_t i = count; i-- > 0;) {
    const ir::ExprId d = ir.items[first + i];
    const ValueSet dv = eval(file, d);
    const ir::Expr& x = ir.exprs[d];
    Site site{file, s.scope, std::nullopt, x.bstart, x.bend};
    Args args;
    args.positional.push_back(value);
    const ValueSet out = invoke(dv, args, site, "decorator");
    bool only_external = true;
    for (const Value& v : dv) only_external &= v.kind == VKind::External;
    if (!only_external && !out.empty()) value = out;
  }
  return value;
}

void Engine::run_function_def(uint32_t file, const ir::Stmt& s) {
  const NodeId f = s.node_id;
  auto fn_it = ix_.functions.find(f);
  if (fn_it == ix_.functions.end()) return;
  const FunctionInfo& fn = fn_it->second;
  // Defaults flow into their parameters (evaluated in the defining scope).
  auto defaults = defaults_.find(f);
  if (defaults != defaults_.end()) {
    for (const auto& [param, expr] : defaults->second) bind(f, param, eval(file, expr));
  }
  // A method's first parameter holds an instance of its class (the class itself for a
  // classmethod), so that methods reached only through overriding or never called still
  // resolve `self.x` and `cls.x`.
  if (fn.class_id != 0 && !fn.is_static && !fn.params.empty() &&
      fn.params[0].kind != ParamKind::VarPositional &&
      fn.params[0].kind != ParamKind::KeywordOnly) {
    bind(f, fn.params[0],
         Value{fn.is_classmethod ? VKind::Class : VKind::Instance, 0, fn.class_id, 0});
  }
  ValueSet value;
  value.insert({VKind::Function, 0, f, 0});
  value = apply_decorators(file, s, s.items_first, s.items_count, value);
  if (def_slot_[current_] != UINT32_MAX) {
    grow(def_slot_[current_], value);
    grow(site_slot(f), value);
  }
}

void Engine::run_class_def(uint32_t file, const ir::Stmt& s) {
  const NodeId c = s.node_id;
  const ir::FileIr& ir = ix_.files[file].facts->ir;
  std::vector<std::pair<int32_t, Value>> bases;
  for (uint32_t i = 0; i < s.items_count; ++i) {
    const ValueSet v = eval(file, ir.items[s.items_first + i]);
    for (const Value& b : v) {
      if (b.kind == VKind::Class || b.kind == VKind::External)
        bases.emplace_back(static_cast<int32_t>(i), b);
    }
  }
  for (uint32_t i = 0; i < s.args_count; ++i) eval(file, ir.args[s.args_first + i].value);
  // Bases only grow (the union over rounds), which keeps the fixpoint monotone.
  auto& stored = bases_[c];
  const size_t before = stored.size();
  for (const auto& b : bases) {
    if (std::find(stored.begin(), stored.end(), b) == stored.end()) stored.push_back(b);
  }
  if (stored.size() != before) {
    std::stable_sort(stored.begin(), stored.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    bases_changed(c);
  }
  ValueSet value;
  value.insert({VKind::Class, 0, c, 0});
  value = apply_decorators(file, s, s.extra_items_first, s.extra_items_count, value);
  if (def_slot_[current_] != UINT32_MAX && !value.empty()) {
    grow(def_slot_[current_], value);
    grow(site_slot(c), value);
  }
}

}  // namespace ca::program
