// Expression rules of the points-to engine: names, attributes, subscripts, literals and
// displays, lambdas, comprehensions, yields; assignment to targets (names, attributes,
// subscripts, unpacking) and iteration.
#include <charconv>
#include <optional>
#include <string>

#include "resolve/program/engine.hpp"
#include "resolve/program/python_names.hpp"

namespace ca::program {
namespace {

/// Expressions nested deeper than this are not evaluated (values unknown): keeps the
/// recursive evaluator within the stack on generated code.
constexpr int kMaxDepth = 400;

struct DepthGuard {
  int& depth;
  explicit DepthGuard(int& d) : depth(d) { ++depth; }
  ~DepthGuard() { --depth; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;
};

uint64_t site_key(uint32_t file, ir::ExprId e) {
  return (static_cast<uint64_t>(file) << 32) | e;
}

/// Whether a set holds an int (IntConst values sort last).
bool has_int(const ValueSet& s) {
  return !s.empty() && (s.end() - 1)->kind == VKind::IntConst;
}

/// Largest magnitude of an int constant tracked as an IntConst value.
constexpr int64_t kMaxIntConst = 1 << 20;

/// The value of a small decimal int constant expression.
std::optional<int64_t> int_value(const ir::Expr& x) {
  if (x.kind != ir::ExprKind::Constant || x.const_kind != ir::ConstKind::Int) return std::nullopt;
  int64_t v = 0;
  const char* end = x.text.data() + x.text.size();
  auto [p, ec] = std::from_chars(x.text.data(), end, v);
  if (ec != std::errc{} || p != end || v > kMaxIntConst || v < -kMaxIntConst) return std::nullopt;
  return v;
}

}  // namespace

uint32_t Engine::const_key(uint32_t file, ir::ExprId e) const {
  if (e == ir::kNoExpr || e >= cache_[file].key.size()) return UINT32_MAX;
  return cache_[file].key[e];
}

std::optional<std::string> Engine::const_str(uint32_t file, ir::ExprId e) const {
  if (e == ir::kNoExpr) return std::nullopt;
  const ir::Expr& x = ix_.files[file].facts->ir.exprs[e];
  if (x.kind != ir::ExprKind::Constant || x.const_kind != ir::ConstKind::Str) return std::nullopt;
  return x.text;
}

ValueSet Engine::eval(uint32_t file, ir::ExprId e) {
  const ir::FileIr& ir = ix_.files[file].facts->ir;
  if (e == ir::kNoExpr || e >= ir.exprs.size() || depth_ > kMaxDepth) return {};
  DepthGuard guard(depth_);
  const ir::Expr& x = ir.exprs[e];
  auto eval_items = [&]() {
    for (uint32_t i = 0; i < x.items_count; ++i) eval(file, ir.items[x.items_first + i]);
  };
  using ir::ExprKind;
  switch (x.kind) {
    case ExprKind::Name:
      return eval_name(file, x);
    case ExprKind::Attribute: {
      const ValueSet objs = eval(file, x.a);
      Site site{file, x.scope, std::nullopt, x.bstart, x.bend};
      return load_attr(objs, cache_[file].name[e], site, x.node_id);
    }
    case ExprKind::Call:
      return eval_call(file, e, x);
    case ExprKind::Subscript:
      return eval_subscript(file, x);
    case ExprKind::Constant: {
      ValueSet out;
      uint32_t type = UINT32_MAX;
      switch (x.const_kind) {
        case ir::ConstKind::Str:
          type = t_str_;
          break;
        case ir::ConstKind::Bytes:
          type = t_bytes_;
          break;
        case ir::ConstKind::Int:
          type = t_int_;
          break;
        case ir::ConstKind::Float:
          type = t_float_;
          break;
        case ir::ConstKind::Complex:
          type = t_complex_;
          break;
        default:
          break;
      }
      if (const auto v = int_value(x); v) {
        out.insert({VKind::IntConst, 0, static_cast<uint64_t>(*v), 0});
      } else if (type != UINT32_MAX) {
        out.insert({VKind::ExtInstance, 0, type, 0});
      }
      return out;
    }
    case ExprKind::FString: {
      eval_items();
      ValueSet out;
      out.insert({VKind::ExtInstance, 0, t_str_, 0});
      return out;
    }
    case ExprKind::Tuple:
    case ExprKind::List:
    case ExprKind::Set:
    case ExprKind::Dict:
      return eval_display(file, e, x);
    case ExprKind::Lambda: {
      auto defaults = defaults_.find(x.scope);
      if (defaults != defaults_.end()) {
        for (const auto& [param, expr] : defaults->second) bind(x.scope, param, eval(file, expr));
      }
      add(owner_key(x.scope, kReturnSlots), n_return_, eval(file, x.a));
      ValueSet out;
      out.insert({VKind::Function, 0, x.scope, 0});
      return out;
    }
    case ExprKind::Comprehension: {
      ContKind kind = ContKind::List;
      if (x.const_kind == ir::ConstKind::SetComp) kind = ContKind::Set;
      if (x.const_kind == ir::ConstKind::DictComp) kind = ContKind::Dict;
      const uint64_t key = site_key(file, e);
      const ValueSet elem = eval(file, x.a);
      const ValueSet val = eval(file, x.b);
      add(owner_key(key, kElementSlots), n_all_, kind == ContKind::Dict ? val : elem);
      eval_items();
      ValueSet out;
      out.insert({VKind::Container, static_cast<uint8_t>(kind), key, 0});
      return out;
    }
    case ExprKind::Starred: {
      Site site{file, x.scope, std::nullopt, x.bstart, x.bend};
      return iterate(eval(file, x.a), site);
    }
    case ExprKind::DoubleStarred:
    case ExprKind::Await:
      return eval(file, x.a);
    case ExprKind::Yield:
    case ExprKind::YieldFrom: {
      ValueSet v = eval(file, x.a);
      if (x.kind == ExprKind::YieldFrom) {
        Site site{file, x.scope, std::nullopt, x.bstart, x.bend};
        v = iterate(v, site);
      }
      const NodeId fn = ix_.function_of(x.scope);
      if (fn != 0) add(owner_key(fn, kYieldSlots), n_yield_, v);
      return {};
    }
    case ExprKind::Conditional: {
      eval_items();
      ValueSet out = eval(file, x.a);
      out.merge(eval(file, x.b));
      return out;
    }
    case ExprKind::BoolOp: {
      ValueSet out;
      for (uint32_t i = 0; i < x.items_count; ++i)
        out.merge(eval(file, ir.items[x.items_first + i]));
      return out;
    }
    case ExprKind::NamedExpr: {
      ValueSet v = eval(file, x.b);
      assign(file, x.a, v);
      return v;
    }
    case ExprKind::Operator: {
      // Arithmetic on an int gives some int (`i + 1` is not the constant i held); other
      // operator results stay unknown.
      bool ints = false;
      for (uint32_t i = 0; i < x.items_count; ++i)
        ints |= has_int(eval(file, ir.items[x.items_first + i]));
      eval(file, x.a);
      eval(file, x.b);
      ValueSet out;
      if (ints) out.insert(kAnyInt);
      return out;
    }
    case ExprKind::Slice:
    case ExprKind::Unknown:
      eval(file, x.a);
      eval(file, x.b);
      eval_items();
      return {};
  }
  return {};
}

ValueSet Engine::eval_name(uint32_t file, const ir::Expr& x) {
  ValueSet out;
  const ir::FileIr& ir = ix_.files[file].facts->ir;
  const auto e = static_cast<size_t>(&x - ir.exprs.data());
  if (e >= ir.exprs.size()) {
    // Not an expression of the file's IR (bases read from ts rows): look the name up.
    const uint32_t name = ix_.names.intern(x.text);
    auto ref = ix_.refs.find(x.node_id);
    if (ref == ix_.refs.end()) return out;
    for (NodeId owner : ref->second.owners) out.merge(get(owner, name));
    if (ref->second.unresolved) out.merge(get(ix_.files[file].module_id, name));
    if (ref->second.unresolved && out.empty() && is_builtin_name(x.text)) {
      out.insert(external("builtins." + x.text));
    }
    return out;
  }
  const ExprCache& c = cache_[file];
  for (uint32_t i = 0; i < c.slots_count[e]; ++i)
    out.merge(read(cached_slots_[c.slots_first[e] + i]));
  if (c.builtin[e] != UINT32_MAX && out.empty()) {
    // Not bound in the file and not star-imported: a builtin.
    out.insert({VKind::External, 0, c.builtin[e], 0});
  }
  return out;
}

ValueSet Engine::eval_display(uint32_t file, ir::ExprId e, const ir::Expr& x) {
  const ir::FileIr& ir = ix_.files[file].facts->ir;
  const uint64_t key = site_key(file, e);
  const uint64_t owner = owner_key(key, kElementSlots);
  ContKind kind = ContKind::List;
  if (x.kind == ir::ExprKind::Tuple) kind = ContKind::Tuple;
  if (x.kind == ir::ExprKind::Set) kind = ContKind::Set;
  if (x.kind == ir::ExprKind::Dict) kind = ContKind::Dict;
  if (kind == ContKind::Dict) {
    for (uint32_t i = 0; i < x.items_count; i += 2) {
      const ir::ExprId k = ir.items[x.items_first + i];
      const ir::ExprId v = i + 1 < x.items_count ? ir.items[x.items_first + i + 1] : ir::kNoExpr;
      const ValueSet vals = eval(file, v);
      if (k == ir::kNoExpr) {
        for (const Value& c : vals) {
          if (c.kind == VKind::Container)
            add(owner, n_all_, get(owner_key(c.a, kElementSlots), n_all_));
        }
        continue;
      }
      eval(file, k);
      add(owner, n_all_, vals);
      if (const uint32_t ck = const_key(file, k); ck != UINT32_MAX) add_keyed(owner, ck, vals);
    }
  } else {
    bool known_position = true;
    for (uint32_t i = 0; i < x.items_count; ++i) {
      const ir::ExprId item = ir.items[x.items_first + i];
      const ValueSet vals = eval(file, item);
      add(owner, n_all_, vals);
      if (ir.exprs[item].kind == ir::ExprKind::Starred) known_position = false;
      if (known_position) add(owner, position_name(i), vals);
    }
  }
  ValueSet out;
  out.insert({VKind::Container, static_cast<uint8_t>(kind), key, 0});
  return out;
}

ValueSet Engine::element(const Value& container, uint32_t key) {
  const uint64_t owner = owner_key(container.a, kElementSlots);
  const auto kind = static_cast<ContKind>(container.sub);
  if (kind == ContKind::ItemsView) {
    ValueSet out;
    out.insert({VKind::Container, static_cast<uint8_t>(ContKind::Pair), container.a, 0});
    return out;
  }
  if (kind == ContKind::Pair) {
    if (key == position_name(0)) return {};
    return read(owner, n_all_);
  }
  if (key != UINT32_MAX) {
    if (const ValueSet& s = read(owner, key); !s.empty()) return s;
  }
  return read(owner, n_all_);
}

uint32_t Engine::int_key(int64_t v) {
  if (v >= 0 && v < 64) return position_name(static_cast<size_t>(v));
  return ix_.names.intern("[i:" + std::to_string(v) + "]");
}

// An index is known when every value it may hold is an IntConst. Like every rule of the
// engine, this trusts that the value set is complete: a source the analysis knows nothing
// about (an operator's result, an unresolved call) contributes no value rather than an
// unknown one, so such an index may look known.
std::optional<std::vector<uint32_t>> Engine::int_keys(const ValueSet& index) {
  if (index.empty() || index.imprecise()) return std::nullopt;
  std::vector<uint32_t> keys;
  for (const Value& v : index) {
    if (v.kind != VKind::IntConst || v.sub != 0) return std::nullopt;
    keys.push_back(int_key(static_cast<int64_t>(v.a)));
  }
  return keys;
}

std::optional<int64_t> Engine::single_int(uint32_t file, ir::ExprId e, int64_t absent) {
  if (e == ir::kNoExpr) return absent;
  const ValueSet v = eval(file, e);
  if (v.size() != 1 || v.imprecise() || v.begin()->kind != VKind::IntConst || v.begin()->sub != 0)
    return std::nullopt;
  return static_cast<int64_t>(v.begin()->a);
}

ValueSet Engine::slice_of(uint32_t file, ir::ExprId e, const ir::Expr& slice, const Value& o) {
  // A slice copies the elements: a new container at the subscript, holding every element
  // of `o` and, when the bounds and step are known non-negative constants, the elements
  // at their shifted positions (a missing upper bound: as far as positions are known).
  const ir::FileIr& ir = ix_.files[file].facts->ir;
  const uint64_t key = site_key(file, e);
  const uint64_t owner = owner_key(key, kElementSlots);
  const uint64_t from = owner_key(o.a, kElementSlots);
  add(owner, n_all_, read(from, n_all_));
  const auto lower = single_int(file, slice.a, 0);
  const auto upper = single_int(file, slice.b, kMaxIntConst);
  const auto step =
      single_int(file, slice.items_count == 1 ? ir.items[slice.items_first] : ir::kNoExpr, 1);
  if (lower && upper && step && *lower >= 0 && *upper >= 0 && *step > 0) {
    constexpr int64_t kMaxPositions = 64;
    for (int64_t j = 0, i = *lower; i < *upper && j < kMaxPositions; ++j, i += *step) {
      const ValueSet& elem = read(from, int_key(i));
      if (elem.empty()) break;
      add(owner, int_key(j), elem);
    }
  }
  ValueSet out;
  out.insert({VKind::Container, o.sub, key, 0});
  return out;
}

ValueSet Engine::eval_subscript(uint32_t file, const ir::Expr& x) {
  const ir::FileIr& ir = ix_.files[file].facts->ir;
  const auto e = static_cast<ir::ExprId>(&x - ir.exprs.data());
  const ValueSet objs = eval(file, x.a);
  const ValueSet index = eval(file, x.b);
  const bool is_slice = x.b != ir::kNoExpr && ir.exprs[x.b].kind == ir::ExprKind::Slice;
  const auto key = const_key(file, x.b);
  // A non-literal index known to hold only small int constants selects those elements.
  const auto keys = key == UINT32_MAX && !is_slice ? int_keys(index) : std::nullopt;
  ValueSet out;
  for (const Value& o : objs) {
    if (o.kind == VKind::Container) {
      const auto kind = static_cast<ContKind>(o.sub);
      if (is_slice && (kind == ContKind::List || kind == ContKind::Tuple)) {
        out.merge(slice_of(file, e, ir.exprs[x.b], o));
      } else if (is_slice) {
        out.insert(o);
      } else if (const ValueSet* strong = strong_read(file, e, o); strong != nullptr) {
        out.merge(*strong);
      } else if (keys) {
        for (uint32_t k : *keys) out.merge(element(o, k));
      } else {
        out.merge(element(o, key));
      }
    } else if (o.kind == VKind::Instance) {
      Value where;
      const ValueSet getitem = class_attr(o.a, n_getitem_, 0, where);
      if (getitem.empty()) continue;
      Site site{file, x.scope, std::nullopt, x.bstart, x.bend};
      Args args;
      args.positional.push_back(index);
      args.positional_exprs.push_back(x.b);
      out.merge(invoke(bind_method(getitem, o, site, true), args, site, "method"));
    }
  }
  return out;
}

void Engine::assign(uint32_t file, ir::ExprId target, const ValueSet& values) {
  const ir::FileIr& ir = ix_.files[file].facts->ir;
  if (target == ir::kNoExpr || target >= ir.exprs.size()) return;
  const ir::Expr& x = ir.exprs[target];
  switch (x.kind) {
    case ir::ExprKind::Name: {
      if (values.empty()) return;
      const ExprCache& c = cache_[file];
      const uint32_t count =
          c.unresolved[target] != 0 ? c.slots_count[target] - 1 : c.slots_count[target];
      for (uint32_t i = 0; i < count; ++i) {
        grow(cached_slots_[c.slots_first[target] + i], values);
      }
      return;
    }
    case ir::ExprKind::Attribute: {
      const ValueSet objs = eval(file, x.a);
      store_attr(objs, cache_[file].name[target], values, x.node_id, file);
      return;
    }
    case ir::ExprKind::Subscript: {
      const ValueSet objs = eval(file, x.a);
      const ValueSet index = eval(file, x.b);
      const uint32_t key = const_key(file, x.b);
      const auto keys = key == UINT32_MAX ? int_keys(index) : std::nullopt;
      for (const Value& o : objs) {
        if (o.kind != VKind::Container) continue;
        const uint64_t owner = owner_key(o.a, kElementSlots);
        add(owner, n_all_, values);
        const bool dict = static_cast<ContKind>(o.sub) == ContKind::Dict;
        if (key != UINT32_MAX) dict ? add_keyed(owner, key, values) : add(owner, key, values);
        if (keys) {
          for (uint32_t k : *keys) dict ? add_keyed(owner, k, values) : add(owner, k, values);
        }
      }
      // What this store writes, for the reads it strongly updates (engine_strong.cpp).
      if (key != UINT32_MAX) add(owner_key(site_key(file, target), kStoreSlots), n_all_, values);
      return;
    }
    case ir::ExprKind::Tuple:
    case ir::ExprKind::List: {
      bool known_position = true;
      Site site{file, x.scope, std::nullopt, x.bstart, x.bend};
      for (uint32_t i = 0; i < x.items_count; ++i) {
        const ir::ExprId item = ir.items[x.items_first + i];
        const bool starred = ir.exprs[item].kind == ir::ExprKind::Starred;
        if (starred) known_position = false;
        ValueSet part;
        for (const Value& v : values) {
          if (starred) {
            if (v.kind == VKind::Container) part.insert(v);
            continue;
          }
          if (v.kind == VKind::Container) {
            part.merge(element(v, known_position ? position_name(i) : UINT32_MAX));
          } else {
            ValueSet one;
            one.insert(v);
            part.merge(iterate(one, site));
          }
        }
        assign(file, starred ? ir.exprs[item].a : item, part);
      }
      return;
    }
    case ir::ExprKind::Starred:
      assign(file, x.a, values);
      return;
    default:
      eval(file, target);
      return;
  }
}

ValueSet Engine::iterate(const ValueSet& values, const Site& site) {
  ValueSet out;
  for (const Value& v : values) {
    switch (v.kind) {
      case VKind::Container:
        if (static_cast<ContKind>(v.sub) != ContKind::Dict) out.merge(element(v, UINT32_MAX));
        break;
      case VKind::Generator:
        out.merge(get(owner_key(v.a, kYieldSlots), n_yield_));
        break;
      case VKind::ExtInstance:
        if (v.a == t_str_) out.insert(v);
        break;
      case VKind::Instance: {
        Value where;
        const ValueSet iter = class_attr(v.a, n_iter_, 0, where);
        if (iter.empty()) break;
        const ValueSet iterators = invoke(bind_method(iter, v, site, true), Args{}, site, "method");
        for (const Value& it : iterators) {
          if (it.kind == VKind::Instance) {
            const ValueSet next = class_attr(it.a, n_next_, 0, where);
            out.merge(invoke(bind_method(next, it, site, true), Args{}, site, "method"));
          } else if (it.kind == VKind::Generator) {
            out.merge(get(owner_key(it.a, kYieldSlots), n_yield_));
          } else if (it.kind == VKind::Container) {
            out.merge(element(it, UINT32_MAX));
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return out;
}

}  // namespace ca::program
