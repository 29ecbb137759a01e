// The fixpoint driver and the statement rules of the points-to engine (see engine.hpp).
#include "resolve/program/engine.hpp"

#include <algorithm>

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
  t_str_ = n.intern("builtins.str");
  t_bytes_ = n.intern("builtins.bytes");
  t_int_ = n.intern("builtins.int");
  t_float_ = n.intern("builtins.float");
  t_complex_ = n.intern("builtins.complex");
  for (const FileEntry& fe : ix_.files) {
    for (const ir::ParamDefault& d : fe.facts->ir.params) {
      auto fn = ix_.functions.find(d.function_id);
      if (fn == ix_.functions.end() || d.value == ir::kNoExpr) continue;
      for (const ParamInfo& p : fn->second.params) {
        if (p.id == d.parameter_id) defaults_[d.function_id].emplace_back(p.name, d.value);
      }
    }
  }
  build_expr_cache();
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
    for (size_t e = 0; e < n; ++e) {
      const ir::Expr& x = ir.exprs[e];
      if (x.kind != ir::ExprKind::Name && x.kind != ir::ExprKind::Attribute) continue;
      const uint32_t name = ix_.names.intern(x.text);
      c.name[e] = name;
      if (x.kind != ir::ExprKind::Name) continue;
      c.slots_first[e] = static_cast<uint32_t>(cached_slots_.size());
      auto ref = ix_.refs.find(x.node_id);
      if (ref != ix_.refs.end()) {
        for (NodeId owner : ref->second.owners) cached_slots_.push_back(slot(owner, name));
        if (ref->second.unresolved) {
          c.unresolved[e] = 1;
          cached_slots_.push_back(slot(ix_.files[f].module_id, name));
        }
      } else if (auto owner = ix_.binding_owner.find(x.node_id); owner != ix_.binding_owner.end()) {
        cached_slots_.push_back(slot(owner->second, name));
      }
      c.slots_count[e] = static_cast<uint32_t>(cached_slots_.size()) - c.slots_first[e];
    }
  }
}

uint32_t Engine::slot(uint64_t owner, uint32_t name) {
  auto [it, inserted] =
      slot_ids_.emplace(OwnerName{owner, name}, static_cast<uint32_t>(slots_.size()));
  if (inserted) slots_.emplace_back();
  return it->second;
}

const ValueSet* Engine::find_slot(uint64_t owner, uint32_t name) const {
  auto it = slot_ids_.find({owner, name});
  return it == slot_ids_.end() ? nullptr : &slots_[it->second];
}

const ValueSet* Engine::var(NodeId owner, uint32_t name) const {
  return find_slot(owner, name);
}

void Engine::add(uint64_t owner, uint32_t name, const ValueSet& values) {
  if (values.empty()) return;
  if (slots_[slot(owner, name)].merge(values)) changed_ = true;
}

void Engine::add(uint64_t owner, uint32_t name, const Value& value) {
  if (slots_[slot(owner, name)].insert(value)) changed_ = true;
}

ValueSet Engine::get(uint64_t owner, uint32_t name) const {
  const ValueSet* s = find_slot(owner, name);
  return s == nullptr ? ValueSet{} : *s;
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

int Engine::run(int max_rounds, bool& converged) {
  int rounds = 0;
  converged = false;
  while (rounds < std::max(1, max_rounds)) {
    changed_ = false;
    round();
    ++rounds;
    if (!changed_) {
      converged = true;
      break;
    }
  }
  recording_ = true;
  round();
  recording_ = false;
  std::sort(edges_.begin(), edges_.end());
  edges_.erase(std::unique(edges_.begin(), edges_.end()), edges_.end());
  std::sort(attr_targets_.begin(), attr_targets_.end());
  attr_targets_.erase(std::unique(attr_targets_.begin(), attr_targets_.end()), attr_targets_.end());
  return rounds;
}

void Engine::round() {
  // Class bases that grew during the last round invalidate the MROs computed from them;
  // within a round a stale MRO only delays (never loses) what the next round finds.
  if (bases_dirty_) {
    mro_cache_.clear();
    flat_bases_.clear();
    bases_dirty_ = false;
  }
  for (uint32_t f = 0; f < ix_.files.size(); ++f) run_file(f);
}

void Engine::run_file(uint32_t file) {
  run_imports(file);
  const ir::FileIr& ir = ix_.files[file].facts->ir;
  if (ir.stmts.empty()) {
    run_definitions_only(file);
    return;
  }
  for (const ir::Stmt& s : ir.stmts) run_stmt(file, s);
}

void Engine::run_definitions_only(uint32_t file) {
  const FileFacts& ff = *ix_.files[file].facts;
  for (const DefRow& d : ff.defs) {
    if (d.kind != "CLASS" && d.kind != "FUNCTION") continue;
    auto owner = ix_.binding_owner.find(d.node_id);
    if (owner == ix_.binding_owner.end()) continue;
    add(owner->second, ix_.names.intern(d.name),
        Value{d.kind == "CLASS" ? VKind::Class : VKind::Function, 0, d.node_id, 0});
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
      changed_ = true;
      bases_dirty_ = true;
    }
  }
}

void Engine::run_imports(uint32_t file) {
  const FileEntry& fe = ix_.files[file];
  for (const ImportRow& im : fe.facts->imports) {
    auto owner_it = ix_.binding_owner.find(im.node_id);
    const NodeId owner = owner_it == ix_.binding_owner.end() ? im.scope_id : owner_it->second;
    if (!im.is_from) {
      if (!im.bound_name) continue;
      const bool aliased = im.alias.has_value();
      const std::string target = aliased ? im.module : im.module.substr(0, im.module.find('.'));
      const ModuleInfo* m = ix_.find_module(target);
      add(owner, ix_.names.intern(*im.bound_name),
          m != nullptr ? Value{VKind::Module, 0, m->id, 0} : external(target));
      continue;
    }
    const auto base = ix_.import_base(im, file);
    if (!base) continue;
    const ModuleInfo* m = ix_.find_module(*base);
    if (im.is_star) {
      if (m == nullptr) continue;
      auto cached = star_cache_.find(m->id);
      if (cached == star_cache_.end())
        cached = star_cache_.emplace(m->id, ix_.star_names(*m)).first;
      for (uint32_t name : cached->second) add(fe.module_id, name, get(m->id, name));
      continue;
    }
    if (!im.name || !im.bound_name) continue;
    const uint32_t bound = ix_.names.intern(*im.bound_name);
    const uint32_t name = ix_.names.intern(*im.name);
    if (m == nullptr) {
      add(owner, bound, external(*base + "." + *im.name));
      continue;
    }
    const ValueSet* held = find_slot(m->id, name);
    if (held != nullptr && !held->empty()) {
      const ValueSet copy = *held;
      add(owner, bound, copy);
    } else if (const ModuleInfo* sub = ix_.find_module(*base + "." + *im.name)) {
      add(owner, bound, Value{VKind::Module, 0, sub->id, 0});
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
      const ValueSet v = eval(file, s.value);
      if (s.target != ir::kNoExpr) {
        if (s.kind == StmtKind::AugAssign && ir.exprs[s.target].kind != ir::ExprKind::Name) {
          eval(file, s.target);
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
          for (const Value& e : element(t, std::nullopt)) add_type(e);
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
      const NodeId fn = ix_.function_of(s.scope);
      if (fn != 0) add(owner_key(fn, kReturnSlots), n_return_, v);
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
    for (const auto& [name, expr] : defaults->second) add(f, name, eval(file, expr));
  }
  // A method's first parameter holds an instance of its class (the class itself for a
  // classmethod), so that methods reached only through overriding or never called still
  // resolve `self.x` and `cls.x`.
  if (fn.class_id != 0 && !fn.is_static && !fn.params.empty() &&
      fn.params[0].kind != ParamKind::VarPositional &&
      fn.params[0].kind != ParamKind::KeywordOnly) {
    add(f, fn.params[0].name,
        Value{fn.is_classmethod ? VKind::Class : VKind::Instance, 0, fn.class_id, 0});
  }
  ValueSet value;
  value.insert({VKind::Function, 0, f, 0});
  value = apply_decorators(file, s, s.items_first, s.items_count, value);
  auto owner = ix_.binding_owner.find(f);
  if (owner != ix_.binding_owner.end() && fn.def != nullptr) {
    add(owner->second, ix_.names.intern(fn.def->name), value);
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
    changed_ = true;
    bases_dirty_ = true;
  }
  ValueSet value;
  value.insert({VKind::Class, 0, c, 0});
  value = apply_decorators(file, s, s.extra_items_first, s.extra_items_count, value);
  auto owner = ix_.binding_owner.find(c);
  auto def = ix_.defs.find(c);
  if (owner != ix_.binding_owner.end() && def != ix_.defs.end()) {
    add(owner->second, ix_.names.intern(def->second->name), value);
  }
}

}  // namespace ca::program
