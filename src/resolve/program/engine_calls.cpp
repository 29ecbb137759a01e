// Call rules of the points-to engine: argument evaluation, what each kind of callee does
// (functions, bound methods, classes and their constructors, callable instances,
// externals, container methods), parameter binding, and the builtins that call or look
// up their arguments (super, getattr, setattr, map, filter, sorted, min, max, next...).
#include <string>
#include <string_view>

#include "resolve/program/engine.hpp"

namespace ca::program {
namespace {

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

std::string_view last_component(std::string_view s) {
  const auto dot = s.rfind('.');
  return dot == std::string_view::npos ? s : s.substr(dot + 1);
}

}  // namespace

ValueSet Engine::eval_call(uint32_t file, ir::ExprId e, const ir::Expr& x) {
  (void)e;
  const ir::FileIr& ir = ix_.files[file].facts->ir;
  const ValueSet callee = eval(file, x.a);
  Args args;
  Site site{file, x.scope, x.node_id, x.bstart, x.bend};
  for (uint32_t i = 0; i < x.items_count && x.items_first + i < ir.args.size(); ++i) {
    const ir::Arg& arg = ir.args[x.items_first + i];
    if (arg.value == ir::kNoExpr) continue;
    const ir::Expr& v = ir.exprs[arg.value];
    if (v.kind == ir::ExprKind::Starred) {
      args.star.merge(eval(file, arg.value));  // Starred evaluates to the elements
    } else if (v.kind == ir::ExprKind::DoubleStarred) {
      for (const Value& d : eval(file, v.a)) {
        if (d.kind == VKind::Container) args.dstar.merge(element(d, UINT32_MAX));
      }
    } else if (!arg.keyword.empty()) {
      args.keywords.emplace_back(cache_[file].keyword[x.items_first + i], eval(file, arg.value));
    } else {
      args.positional.push_back(eval(file, arg.value));
      args.positional_exprs.push_back(arg.value);
    }
  }
  return invoke(callee, args, site, nullptr);
}

ValueSet Engine::invoke(const ValueSet& callees, const Args& args, const Site& site,
                        const char* resolution) {
  ValueSet out;
  for (const Value& v : callees) out.merge(invoke_one(v, args, site, resolution));
  return out;
}

void Engine::record(const Site& site, const Value& callee, const char* resolution) {
  if (!recording()) return;
  unit_edges_[current_].push_back({site.call_id, ix_.caller_of(site.scope), callee, site.file,
                                   site.bstart, site.bend, resolution});
}

ValueSet Engine::invoke_one(const Value& callee, const Args& args, const Site& site,
                            const char* resolution) {
  switch (callee.kind) {
    case VKind::Function:
      record(site, callee, resolution != nullptr ? resolution : "direct");
      return call_function(callee.a, std::nullopt, args);
    case VKind::BoundMethod: {
      record(site, Value{VKind::Function, 0, callee.a, 0},
             resolution != nullptr ? resolution : "method");
      const Value self{static_cast<VKind>(callee.sub), 0, callee.b, 0};
      return call_function(callee.a, self, args);
    }
    case VKind::Class:
      record(site, callee, resolution != nullptr ? resolution : "constructor");
      return construct(callee.a, args, site);
    case VKind::External: {
      const std::string& q = str(static_cast<uint32_t>(callee.a));
      // Applying the builtin descriptors (@staticmethod, @classmethod, @property) is not
      // a call of user code: not in the graph, as in PyCG.
      if (std::string_view(resolution != nullptr ? resolution : "") == "decorator" &&
          (q == "builtins.staticmethod" || q == "builtins.classmethod" ||
           q == "builtins.property")) {
        return {};
      }
      // The external itself is the callee, whether the value is a call result or not.
      record(site, Value{VKind::External, 0, callee.a, 0},
             resolution != nullptr ? resolution
                                   : (starts_with(q, "builtins.") ? "builtin" : "external"));
      return call_builtin(callee, args, site);
    }
    case VKind::Instance: {
      Value where;
      const ValueSet call = class_attr(callee.a, n_call_, 0, where);
      if (call.empty() || where.kind != VKind::Class) return {};
      return invoke(bind_method(call, callee, site, true), args, site, "method");
    }
    case VKind::BuiltinMethod: {
      // Mutators the analysis models as data flow (append, update, ...) are not calls in
      // the graph, as in PyCG; accessors (items, get, ...) are.
      const std::string_view method = last_component(str(static_cast<uint32_t>(callee.b)));
      if (method != "append" && method != "extend" && method != "update" && method != "insert" &&
          method != "add" && method != "setdefault") {
        record(site, Value{VKind::External, 0, callee.b, 0},
               resolution != nullptr ? resolution : "method");
      }
      return call_container_method(callee, args);
    }
    default:
      return {};
  }
}

ValueSet Engine::call_function(NodeId fn, std::optional<Value> self, const Args& args) {
  auto it = ix_.functions.find(fn);
  if (it == ix_.functions.end()) return {};
  const FunctionInfo& info = it->second;
  const auto& params = info.params;
  const size_t through_index =
      info.passthrough >= 0 ? static_cast<size_t>(info.passthrough) : params.size();
  ValueSet through;  // what this call passes to the parameter a passthrough function returns
  size_t next = 0;
  if (self && !info.is_static && !params.empty() &&
      (params[0].kind == ParamKind::Positional || params[0].kind == ParamKind::PositionalOnly)) {
    bind(fn, params[0], *self);
    if (through_index == 0) through.insert(*self);
    next = 1;
  }
  const size_t first_free = next;
  const ParamInfo* var_pos = nullptr;
  const ParamInfo* var_kw = nullptr;
  for (const ParamInfo& p : params) {
    if (p.kind == ParamKind::VarPositional) var_pos = &p;
    if (p.kind == ParamKind::VarKeyword) var_kw = &p;
  }
  const uint64_t varargs_site = owner_key(fn, kVarArgSlots);
  const uint64_t kwargs_site = owner_key(fn, kKwArgSlots);
  if (var_pos != nullptr)
    bind(fn, *var_pos,
         Value{VKind::Container, static_cast<uint8_t>(ContKind::Tuple), varargs_site, 0});
  if (var_kw != nullptr)
    bind(fn, *var_kw,
         Value{VKind::Container, static_cast<uint8_t>(ContKind::Dict), kwargs_site, 0});
  size_t extra = 0;
  for (const ValueSet& a : args.positional) {
    while (next < params.size() && params[next].kind != ParamKind::Positional &&
           params[next].kind != ParamKind::PositionalOnly) {
      if (params[next].kind == ParamKind::VarPositional ||
          params[next].kind == ParamKind::KeywordOnly ||
          params[next].kind == ParamKind::VarKeyword) {
        next = params.size();
        break;
      }
      ++next;
    }
    if (next < params.size()) {
      bind(fn, params[next], a);
      if (next == through_index) through.merge(a);
      ++next;
    } else if (var_pos != nullptr) {
      const uint64_t owner = owner_key(varargs_site, kElementSlots);
      add(owner, n_all_, a);
      add(owner, position_name(extra), a);
      ++extra;
    }
  }
  for (const auto& [name, values] : args.keywords) {
    bool matched = false;
    for (const ParamInfo& p : params) {
      if (p.name == name && p.kind != ParamKind::PositionalOnly &&
          p.kind != ParamKind::VarPositional && p.kind != ParamKind::VarKeyword) {
        bind(fn, p, values);
        if (&p - params.data() == static_cast<std::ptrdiff_t>(through_index)) through.merge(values);
        matched = true;
        break;
      }
    }
    if (!matched && var_kw != nullptr) {
      const uint64_t owner = owner_key(kwargs_site, kElementSlots);
      add(owner, n_all_, values);
      add_keyed(owner, ix_.names.intern("[s:" + str(name) + "]"), values);
    }
  }
  if (!args.star.empty() || !args.dstar.empty()) {
    for (size_t i = first_free; i < params.size(); ++i) {
      const ParamInfo& p = params[i];
      if (p.kind == ParamKind::Positional || p.kind == ParamKind::PositionalOnly)
        bind(fn, p, args.star);
      if (p.kind != ParamKind::VarPositional && p.kind != ParamKind::VarKeyword)
        bind(fn, p, args.dstar);
    }
    if (var_pos != nullptr) add(owner_key(varargs_site, kElementSlots), n_all_, args.star);
    if (var_kw != nullptr) add(owner_key(kwargs_site, kElementSlots), n_all_, args.dstar);
  }
  ValueSet out;
  if (info.has_yield) {
    out.insert({VKind::Generator, 0, fn, 0});
  } else if (info.passthrough >= 0 && !through.empty()) {
    out = through;  // the function returns this call's argument unchanged
  } else {
    out = read(owner_key(fn, kReturnSlots), n_return_);
  }
  return out;
}

ValueSet Engine::construct(NodeId cls, const Args& args, const Site& site) {
  const Value instance{VKind::Instance, 0, cls, 0};
  Value where;
  const ValueSet init = class_attr(cls, n_init_, 0, where);
  for (const Value& f : init) {
    if (f.kind == VKind::Function) {
      record(site, f, "constructor");
      call_function(f.a, instance, args);
    } else if (f.kind == VKind::External &&
               !starts_with(str(static_cast<uint32_t>(f.a)), "builtins.")) {
      record(site, f, "constructor");
    }
  }
  const ValueSet make = class_attr(cls, n_new_, 0, where);
  for (const Value& f : make) {
    if (f.kind != VKind::Function) continue;
    record(site, f, "constructor");
    call_function(f.a, Value{VKind::Class, 0, cls, 0}, args);
  }
  ValueSet out;
  out.insert(instance);
  return out;
}

ValueSet Engine::call_builtin(const Value& callee, const Args& args, const Site& site) {
  ValueSet out;
  const std::string& q = str(static_cast<uint32_t>(callee.a));
  if (!starts_with(q, "builtins.")) {
    // A CapWords name is taken for a class: its result, an instance, has the class's
    // attributes. Anything else gives a call result (values.hpp).
    const std::string_view last = last_component(q);
    const bool looks_like_class = !last.empty() && last[0] >= 'A' && last[0] <= 'Z';
    out.insert({VKind::External, looks_like_class ? uint8_t{0} : kExternalCallResult, callee.a, 0});
    return out;
  }
  const std::string_view name = std::string_view(q).substr(9);
  auto arg = [&](size_t i) -> const ValueSet& {
    static const ValueSet kEmpty;
    return i < args.positional.size() ? args.positional[i] : kEmpty;
  };
  auto keyword = [&](std::string_view k) -> ValueSet {
    for (const auto& [n, v] : args.keywords) {
      if (str(n) == k) return v;
    }
    return {};
  };
  auto new_container = [&](ContKind kind, const ValueSet& elems) {
    const uint64_t key =
        owner_key(site.call_id.value_or(static_cast<uint64_t>(site.bstart)), kVarArgSlots);
    add(owner_key(key, kElementSlots), n_all_, elems);
    out.insert({VKind::Container, static_cast<uint8_t>(kind), key, 0});
  };
  if (name == "super") {
    if (args.positional.size() >= 2) {
      for (const Value& c : arg(0)) {
        if (c.kind != VKind::Class) continue;
        for (const Value& s : arg(1)) {
          if (s.kind == VKind::Instance || s.kind == VKind::Class) {
            out.insert({VKind::Super, static_cast<uint8_t>(s.kind), s.a, c.a});
          }
        }
      }
      return out;
    }
    const NodeId fn = ix_.function_of(site.scope);
    auto info = ix_.functions.find(fn);
    if (info == ix_.functions.end() || info->second.class_id == 0 || info->second.params.empty())
      return out;
    for (const Value& s : get(fn, info->second.params[0].name)) {
      if (s.kind == VKind::Instance || s.kind == VKind::Class) {
        out.insert({VKind::Super, static_cast<uint8_t>(s.kind), s.a, info->second.class_id});
      }
    }
    return out;
  }
  if (name == "getattr" || name == "setattr" || name == "hasattr") {
    if (args.positional_exprs.size() < 2) return out;
    const auto attr = const_str(site.file, args.positional_exprs[1]);
    if (!attr) return out;
    const uint32_t n = ix_.names.intern(*attr);
    if (name == "getattr") {
      Site attr_site = site;
      attr_site.call_id = std::nullopt;
      out = load_attr(arg(0), n, attr_site, 0);
      out.merge(arg(2));
    } else if (name == "setattr") {
      store_attr(arg(0), n, arg(2), 0, site.file);
    }
    return out;
  }
  if (name == "map" || name == "filter") {
    // The callable may be any argument (PyCG's suite passes it last too): every function
    // value among the arguments is called with the elements of the others.
    ValueSet elems;
    ValueSet callables;
    for (size_t i = 0; i < args.positional.size(); ++i) {
      elems.merge(iterate(arg(i), site));
      for (const Value& v : arg(i)) {
        if (v.kind == VKind::Function || v.kind == VKind::BoundMethod || v.kind == VKind::Class) {
          callables.insert(v);
        }
      }
    }
    Args call;
    call.positional.push_back(elems);
    const ValueSet results = invoke(callables, call, site, "callback");
    new_container(ContKind::List, name == "map" ? results : elems);
    return out;
  }
  if (name == "sorted" || name == "min" || name == "max" || name == "reversed" || name == "list" ||
      name == "tuple" || name == "set" || name == "frozenset" || name == "iter" ||
      name == "enumerate") {
    ValueSet elems = iterate(arg(0), site);
    const ValueSet key = keyword("key");
    if (!key.empty()) {
      Args call;
      call.positional.push_back(elems);
      invoke(key, call, site, "callback");
    }
    if (name == "min" || name == "max") return elems;
    if (name == "iter") return arg(0);
    new_container(name == "tuple"                        ? ContKind::Tuple
                  : name == "set" || name == "frozenset" ? ContKind::Set
                                                         : ContKind::List,
                  elems);
    return out;
  }
  if (name == "next") {
    for (const Value& v : arg(0)) {
      if (v.kind == VKind::Generator) {
        out.merge(get(owner_key(v.a, kYieldSlots), n_yield_));
      } else if (v.kind == VKind::Instance) {
        Value where;
        const ValueSet next = class_attr(v.a, n_next_, 0, where);
        Site implicit = site;
        implicit.call_id = std::nullopt;
        out.merge(invoke(bind_method(next, v, implicit, true), Args{}, implicit, "method"));
      } else if (v.kind == VKind::Container) {
        out.merge(element(v, UINT32_MAX));
      }
    }
    return out;
  }
  if (name == "dict") {
    new_container(ContKind::Dict, {});
    return out;
  }
  if (name == "str" || name == "int" || name == "float" || name == "bytes" || name == "bool" ||
      name == "repr" || name == "format" || name == "chr" || name == "hex" || name == "oct" ||
      name == "bin" || name == "complex" || name == "len" || name == "hash" || name == "ord" ||
      name == "id") {
    uint32_t type = t_str_;
    if (name == "int" || name == "len" || name == "hash" || name == "ord" || name == "id")
      type = t_int_;
    if (name == "float") type = t_float_;
    if (name == "bytes") type = t_bytes_;
    if (name == "bool") type = t_bool_;
    if (name == "complex") type = t_complex_;
    out.insert({VKind::ExtInstance, 0, type, 0});
    return out;
  }
  return out;
}

ValueSet Engine::call_container_method(const Value& m, const Args& args) {
  ValueSet out;
  const uint64_t owner = owner_key(m.a, kElementSlots);
  const std::string_view name = last_component(str(static_cast<uint32_t>(m.b)));
  auto last = [&]() -> ValueSet {
    return args.positional.empty() ? ValueSet{} : args.positional.back();
  };
  if (name == "append" || name == "add" || name == "insert" || name == "appendleft") {
    add(owner, n_all_, last());
  } else if (name == "extend" || name == "update") {
    for (const ValueSet& a : args.positional) {
      for (const Value& c : a) {
        if (c.kind != VKind::Container) continue;
        const uint64_t from = owner_key(c.a, kElementSlots);
        add(owner, n_all_, get(from, n_all_));
        // dict.update replaces the keys it copies: keep them per key.
        const ValueSet keys = get(from, n_keys_);
        for (const Value& k : keys) {
          const auto key = static_cast<uint32_t>(k.a);
          add_keyed(owner, key, get(from, key));
        }
      }
    }
    for (const auto& [k, v] : args.keywords) {
      add(owner, n_all_, v);
      add_keyed(owner, ix_.names.intern("[s:" + str(k) + "]"), v);
    }
  } else if (name == "setdefault") {
    if (args.positional.size() >= 2) add(owner, n_all_, args.positional[1]);
    out = get(owner, n_all_);
  } else if (name == "get" || name == "pop" || name == "popleft" || name == "popitem") {
    out = get(owner, n_all_);
    if (name == "get" && args.positional.size() >= 2) out.merge(args.positional[1]);
  } else if (name == "items") {
    out.insert({VKind::Container, static_cast<uint8_t>(ContKind::ItemsView), m.a, 0});
  } else if (name == "values" || name == "copy") {
    out.insert(
        {VKind::Container,
         static_cast<uint8_t>(name == "copy" ? static_cast<ContKind>(m.sub) : ContKind::List), m.a,
         0});
  }
  return out;
}

}  // namespace ca::program
