// Attribute rules of the points-to engine: what `obj.name` holds for modules (members,
// then submodules), classes (through the C3 MRO), instances (instance attributes assigned
// anywhere, then class attributes; methods bound to the instance; properties call their
// getter), super() proxies, externals (the dotted name extended) and containers (their
// methods); attribute stores; and the MRO cache.
#include <algorithm>
#include <string>

#include "resolve/program/engine.hpp"
#include "resolve/program/mro.hpp"

namespace ca::program {
namespace {

const char* container_type(ContKind k) {
  switch (k) {
    case ContKind::List:
      return "builtins.list";
    case ContKind::Tuple:
      return "builtins.tuple";
    case ContKind::Set:
      return "builtins.set";
    case ContKind::Dict:
    case ContKind::ItemsView:
      return "builtins.dict";
    case ContKind::Pair:
      return "builtins.tuple";
  }
  return "builtins.object";
}

}  // namespace

Value Engine::external(const std::string& qualname) {
  return {VKind::External, 0, ix_.names.intern(qualname), 0};
}

Value Engine::external_attr(uint32_t base, uint32_t name) {
  // Dotted names of externals are capped at kMaxExternalDepth components: past it the
  // external absorbs further attributes. Without the cap `x = x.parent` on an external
  // would grow a new name every round and the fixpoint would never be reached.
  constexpr size_t kMaxExternalDepth = 5;
  if (const uint32_t known = external_attr_ids_.find({base, name}); known != SlotMap::kNone) {
    return {VKind::External, 0, known, 0};
  }
  const std::string& b = str(base);
  bool inserted = false;
  if (static_cast<size_t>(std::count(b.begin(), b.end(), '.')) + 1 >= kMaxExternalDepth) {
    external_attr_ids_.emplace({base, name}, base, inserted);
    return {VKind::External, 0, base, 0};
  }
  const Value v = external(b + "." + str(name));
  external_attr_ids_.emplace({base, name}, static_cast<uint32_t>(v.a), inserted);
  return v;
}

const std::vector<Value>& Engine::flat_bases(const Value& cls) {
  auto it = flat_bases_.find(cls.a);
  if (it != flat_bases_.end()) return it->second;
  std::vector<Value> flat;
  for (const auto& [pos, v] : bases_of(cls.a)) {
    (void)pos;
    if (std::find(flat.begin(), flat.end(), v) == flat.end()) flat.push_back(v);
  }
  return flat_bases_.emplace(cls.a, std::move(flat)).first->second;
}

const ModuleInfo* Engine::submodule(NodeId module, uint32_t name) {
  uint32_t found = submodules_.find({module, name});
  if (found == SlotMap::kNone) {
    found = 0;
    auto m = ix_.module_by_id.find(module);
    if (m != ix_.module_by_id.end()) {
      if (const ModuleInfo* sub = ix_.find_module(ix_.modules[m->second].name + "." + str(name)))
        found = static_cast<uint32_t>(sub - ix_.modules.data()) + 1;
    }
    bool inserted = false;
    submodules_.emplace({module, name}, found, inserted);
  }
  return found == 0 ? nullptr : &ix_.modules[found - 1];
}

const std::vector<Value>& Engine::mro(NodeId cls) {
  if (recording()) read(bases_slot(cls));  // re-run the reader when the bases grow
  auto it = mro_cache_.find(cls);
  if (it != mro_cache_.end()) return it->second;
  const Value self{VKind::Class, 0, cls, 0};
  // A class already being linearized further up is a cycle in the bases: cut it here. Python
  // cannot build a cyclic hierarchy, so a cycle only says that a base position holds several
  // candidate classes: the hierarchy is ambiguous, not inconsistent.
  if (std::find(mro_active_.begin(), mro_active_.end(), cls) != mro_active_.end() ||
      mro_active_.size() > 200) {
    ambiguous_hierarchy_.insert(cls);
    static const std::vector<Value> kNone;
    return kNone;
  }
  mro_active_.push_back(cls);
  const std::vector<Value> bases = flat_bases(self);
  std::vector<std::vector<Value>> base_mros;
  for (const Value& b : bases) {
    if (b.kind == VKind::Class) {
      std::vector<Value> m = mro(b.a);
      if (m.empty()) m.push_back(b);
      base_mros.push_back(std::move(m));
    } else {
      base_mros.push_back({b});
    }
  }
  mro_active_.pop_back();
  // Several candidate classes for one base position (here or anywhere above) make the
  // hierarchy ambiguous rather than inconsistent: only unambiguous ones are reported.
  const auto& pairs = bases_of(cls);
  bool ambiguous = false;
  for (size_t i = 1; i < pairs.size(); ++i) ambiguous |= pairs[i].first == pairs[i - 1].first;
  for (const Value& b : bases)
    ambiguous |= b.kind == VKind::Class && ambiguous_hierarchy_.count(b.a) != 0;
  if (ambiguous) ambiguous_hierarchy_.insert(cls);
  auto order = c3_merge(self, base_mros, bases);
  if (!order) {
    if (!ambiguous) mro_conflicts_.insert(cls);
    order = depth_first_order(self, base_mros);
  }
  for (const Value& k : *order) {
    if (k.kind == VKind::Class && k.a != cls) mro_users_[k.a].push_back(cls);
  }
  return mro_cache_.emplace(cls, std::move(*order)).first->second;
}

const Engine::AttrPath& Engine::attr_path(NodeId cls, uint32_t name) {
  bool inserted = false;
  const uint32_t id =
      attr_path_ids_.emplace({cls, name}, static_cast<uint32_t>(attr_paths_.size()), inserted);
  if (inserted) {
    attr_paths_.emplace_back();
    attr_paths_of_class_[cls].push_back(id);
  }
  if (!attr_paths_[id].valid) {
    AttrPath path;
    path.valid = true;
    path.bases_slot = bases_slot(cls);
    for (const Value& k : mro(cls)) {
      AttrStep step{k, SlotMap::kNone, SlotMap::kNone, false};
      if (k.kind == VKind::Class) {
        step.instance_slot = slot(owner_key(k.a, kInstanceSlots), name);
        step.class_slot = slot(k.a, name);
        step.bound = !ix_.bindings_for(k.a, name).empty();
      }
      path.steps.push_back(step);
    }
    attr_paths_[id] = std::move(path);
  }
  read(attr_paths_[id].bases_slot);  // re-run the reader when the MRO changes
  return attr_paths_[id];
}

ValueSet Engine::class_attr(NodeId cls, uint32_t name, NodeId after, Value& found_in) {
  const std::vector<AttrStep>& steps = attr_path(cls, name).steps;
  size_t start = 0;
  if (after != 0) {
    start = steps.size();
    for (size_t i = 0; i < steps.size(); ++i) {
      if (steps[i].cls.kind == VKind::Class && steps[i].cls.a == after) {
        start = i + 1;
        break;
      }
    }
  }
  for (size_t i = start; i < steps.size(); ++i) {
    const AttrStep& k = steps[i];
    if (k.cls.kind == VKind::Class) {
      const ValueSet& s = read(k.class_slot);
      if (!s.empty() || k.bound) {
        found_in = k.cls;
        return s;
      }
    } else if (k.cls.kind == VKind::External) {
      if (k.cls.a == t_object_) continue;
      found_in = k.cls;
      ValueSet out;
      out.insert(external_attr(static_cast<uint32_t>(k.cls.a), name));
      return out;
    }
  }
  found_in = Value{};
  return {};
}

ValueSet Engine::bind_method(const ValueSet& raw, const Value& self, const Site& site,
                             bool via_instance) {
  ValueSet out;
  for (const Value& v : raw) {
    if (v.kind != VKind::Function) {
      out.insert(v);
      continue;
    }
    auto info = ix_.functions.find(v.a);
    if (info == ix_.functions.end() || info->second.is_static || info->second.class_id == 0) {
      out.insert(v);
      continue;
    }
    if (info->second.is_classmethod) {
      out.insert({VKind::BoundMethod, static_cast<uint8_t>(VKind::Class), v.a, self.a});
      continue;
    }
    if (!via_instance) {
      out.insert(v);
      continue;
    }
    if (info->second.is_property) {
      Site implicit = site;
      implicit.call_id = std::nullopt;
      record(implicit, v, "property");
      out.merge(call_function(v.a, self, Args{}));
      continue;
    }
    out.insert({VKind::BoundMethod, static_cast<uint8_t>(self.kind), v.a, self.a});
  }
  return out;
}

void Engine::note_attr(NodeId ref_id, uint32_t file, NodeId owner, uint32_t name,
                       const char* resolution) {
  if (!recording() || ref_id == 0) return;
  for (NodeId b : ix_.bindings_for(owner, name))
    unit_attrs_[current_].push_back({ref_id, file, b, UINT32_MAX, resolution});
}

void Engine::note_attr_external(NodeId ref_id, uint32_t file, uint32_t qualname) {
  if (!recording() || ref_id == 0) return;
  unit_attrs_[current_].push_back({ref_id, file, 0, qualname, "attribute"});
}

ValueSet Engine::load_attr(const ValueSet& objects, uint32_t name, const Site& site,
                           NodeId ref_id) {
  ValueSet out;
  for (const Value& o : objects) {
    switch (o.kind) {
      case VKind::Module: {
        const ValueSet& s = read(o.a, name);
        if (!s.empty() || !ix_.bindings_for(o.a, name).empty()) {
          out.merge(s);
          note_attr(ref_id, site.file, o.a, name, "attribute");
          break;
        }
        if (const ModuleInfo* sub = submodule(o.a, name)) {
          out.insert({VKind::Module, 0, sub->id, 0});
          if (recording() && ref_id != 0)
            unit_attrs_[current_].push_back({ref_id, site.file, sub->id, UINT32_MAX, "attribute"});
        }
        break;
      }
      case VKind::Class: {
        Value where;
        const ValueSet raw = class_attr(o.a, name, 0, where);
        out.merge(bind_method(raw, o, site, false));
        if (where.kind == VKind::Class) {
          note_attr(ref_id, site.file, where.a, name, where.a == o.a ? "attribute" : "mro");
        } else if (where.kind == VKind::External && !raw.empty()) {
          note_attr_external(ref_id, site.file, static_cast<uint32_t>(raw.begin()->a));
        }
        break;
      }
      case VKind::Instance: {
        bool found = false;
        const std::vector<AttrStep>& steps = attr_path(o.a, name).steps;
        for (size_t i = 0; i < steps.size(); ++i) {
          if (steps[i].cls.kind != VKind::Class) continue;
          const uint32_t sid = steps[i].instance_slot;
          const ValueSet& values = read(sid);
          // An attribute the instance is given is one even when nothing is known of its
          // value (`self.flag = flag` with an unknown argument).
          auto sites = store_sites_.find(sid);
          const bool stored = sites != store_sites_.end() && !sites->second.empty();
          if (values.empty() && !stored) continue;
          found = true;
          out.merge(values);
          if (ref_id != 0 && stored) {
            for (NodeId st : sites->second)
              unit_attrs_[current_].push_back(
                  {ref_id, site.file, st, UINT32_MAX, "instance_attribute"});
          }
        }
        Value where;
        const ValueSet raw = class_attr(o.a, name, 0, where);
        if (where.kind == VKind::Class) {
          out.merge(bind_method(raw, o, site, true));
          note_attr(ref_id, site.file, where.a, name, where.a == o.a ? "attribute" : "mro");
        } else if (where.kind == VKind::External && !found) {
          out.merge(raw);
          if (!raw.empty())
            note_attr_external(ref_id, site.file, static_cast<uint32_t>(raw.begin()->a));
        }
        break;
      }
      case VKind::Super: {
        Value where;
        const ValueSet raw = class_attr(o.a, name, o.b, where);
        const Value self{static_cast<VKind>(o.sub), 0, o.a, 0};
        out.merge(bind_method(raw, self, site, self.kind == VKind::Instance));
        if (where.kind == VKind::Class) note_attr(ref_id, site.file, where.a, name, "super");
        break;
      }
      case VKind::External:
      case VKind::ExtInstance:
      case VKind::IntConst: {
        const uint32_t base = o.kind == VKind::IntConst ? t_int_ : static_cast<uint32_t>(o.a);
        const Value e = external_attr(base, name);
        if (o.kind == VKind::External && o.sub == kExternalCallResult) {
          out.insert({VKind::External, kExternalCallResult, e.a, 0});  // a guess: no reference
          break;
        }
        out.insert(e);
        note_attr_external(ref_id, site.file, static_cast<uint32_t>(e.a));
        break;
      }
      case VKind::Container: {
        uint32_t q = container_methods_.find({o.sub, name});
        if (q == SlotMap::kNone) {
          q = ix_.names.intern(std::string(container_type(static_cast<ContKind>(o.sub))) + "." +
                               str(name));
          bool inserted = false;
          container_methods_.emplace({o.sub, name}, q, inserted);
        }
        out.insert({VKind::BuiltinMethod, o.sub, o.a, q});
        break;
      }
      default:
        break;
    }
  }
  return out;
}

void Engine::store_attr(const ValueSet& objects, uint32_t name, const ValueSet& values,
                        NodeId ref_id, uint32_t file) {
  (void)file;
  for (const Value& o : objects) {
    if (o.kind == VKind::Instance) {
      const uint32_t sid = slot(owner_key(o.a, kInstanceSlots), name);
      grow(sid, values);
      if (ref_id != 0) {
        auto& sites = store_sites_[sid];
        if (std::find(sites.begin(), sites.end(), ref_id) == sites.end()) {
          sites.push_back(ref_id);
          touch(sid);  // its readers record the store sites
        }
      }
    } else if (o.kind == VKind::Class || o.kind == VKind::Module) {
      add(o.a, name, values);
      add(owner_key(o.a, kOuterSlots), name, values);  // not a binding site
    }
  }
}

}  // namespace ca::program
