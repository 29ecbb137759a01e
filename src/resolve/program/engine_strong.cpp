// Strong updates of container elements: `d["a"] = f2` (or `d.update({"a": f2})`) replaces
// what `d["a"]` held, so a later `d["a"]` it dominates reads only f2, not the union of
// every store the flow-insensitive engine keeps in the element slot.
//
// A load `p[k]` (p = `name[k1][k2]...`, k and the ki constants) is strongly updated by the
// nearest earlier store `p[k] = v` / `p.update({... k: v ...})` when:
//  - both stand in the same scope and their root names read the same single binding
//    (res_name_refs), so they name the same object path;
//  - the store's flow block is an ancestor-or-self of the load's, with no loop block in
//    between (a store after the load in an enclosing loop could otherwise reach it);
//  - nothing between the store and the load (in source order) could change the element:
//    no call, await, yield, `with`, import, decorated def or class statement, no statement
//    storing into or deleting anything but a plain name (an alias of the container may be
//    written), and no other mention of the root name.
// Approximation (documented, "sound-ish"): implicit dunder methods of operators, attribute
// access and subscripts of instances are assumed not to mutate the container, and other
// threads are ignored. Only dict and list containers are strongly updated (update(): dicts).
#include <algorithm>

#include "resolve/flow_reach.hpp"
#include "resolve/program/engine.hpp"

namespace ca::program {
namespace {

uint64_t site_key(uint32_t file, ir::ExprId e) {
  return (static_cast<uint64_t>(file) << 32) | e;
}

}  // namespace

void Engine::add_keyed(uint64_t owner, uint32_t key, const ValueSet& values) {
  add(owner, key, values);
  add(owner, n_keys_, Value{VKind::External, 0, key, 0});  // a marker: the key exists
}

NodeId Engine::single_binding(NodeId ref) const {
  auto it = ix_.refs.find(ref);
  if (it == ix_.refs.end() || it->second.unresolved || it->second.bindings.size() != 1) return 0;
  return it->second.bindings.front();
}

ir::ExprId Engine::container_path(uint32_t file, ir::ExprId e, std::vector<uint32_t>& path) const {
  const ir::FileIr& ir = ix_.files[file].facts->ir;
  path.clear();
  constexpr size_t kMaxPath = 8;
  while (e != ir::kNoExpr && e < ir.exprs.size() && path.size() <= kMaxPath) {
    const ir::Expr& x = ir.exprs[e];
    if (x.kind == ir::ExprKind::Name) {
      std::reverse(path.begin(), path.end());
      return e;
    }
    if (x.kind != ir::ExprKind::Subscript) break;
    const uint32_t k = const_key(file, x.b);
    if (k == UINT32_MAX) break;
    path.push_back(k);
    e = x.a;
  }
  return ir::kNoExpr;
}

void Engine::build_strong_index(uint32_t file) {
  StrongIndex& si = strong_[file];
  si.built = true;
  const ir::FileIr& ir = ix_.files[file].facts->ir;
  std::vector<uint32_t> path;
  auto make = [&](const ir::Stmt& s, ir::ExprId container, uint32_t key, uint32_t slot_id,
                  bool dict_only) {
    const ir::ExprId root = container_path(file, container, path);
    if (root == ir::kNoExpr) return;
    const NodeId binding = single_binding(ir.exprs[root].node_id);
    if (binding == 0) return;
    si.stores.push_back({s.scope, ir.exprs[root].node_id, binding, cache_[file].name[root], path,
                         key, slot_id, dict_only, s.bstart, s.bend});
  };
  for (const ir::Stmt& s : ir.stmts) {
    if (s.kind == ir::StmtKind::Assign && s.target != ir::kNoExpr &&
        ir.exprs[s.target].kind == ir::ExprKind::Subscript) {
      const ir::Expr& t = ir.exprs[s.target];
      const uint32_t key = const_key(file, t.b);
      if (key == UINT32_MAX) continue;
      make(s, t.a, key, slot(owner_key(site_key(file, s.target), kStoreSlots), n_all_), false);
    } else if (s.kind == ir::StmtKind::ExprStmt && s.value != ir::kNoExpr &&
               ir.exprs[s.value].kind == ir::ExprKind::Call) {
      // d.update({"k": v, ...}) with constant keys only.
      const ir::Expr& c = ir.exprs[s.value];
      if (c.a == ir::kNoExpr || c.items_count != 1) continue;
      const ir::Expr& callee = ir.exprs[c.a];
      if (callee.kind != ir::ExprKind::Attribute || cache_[file].name[c.a] != n_update_) continue;
      const ir::Arg& arg = ir.args[c.items_first];
      if (!arg.keyword.empty() || arg.value == ir::kNoExpr) continue;
      const ir::Expr& d = ir.exprs[arg.value];
      if (d.kind != ir::ExprKind::Dict) continue;
      bool constant = true;
      for (uint32_t i = 0; i < d.items_count; i += 2)
        constant &= const_key(file, ir.items[d.items_first + i]) != UINT32_MAX;
      if (!constant) continue;
      const uint64_t owner = owner_key(site_key(file, arg.value), kElementSlots);
      for (uint32_t i = 0; i < d.items_count; i += 2) {
        const uint32_t key = const_key(file, ir.items[d.items_first + i]);
        make(s, callee.a, key, slot(owner, key), true);
      }
    }
  }
  if (si.stores.empty()) return;
  for (const NameRow& n : ix_.files[file].facts->names) {
    if (!n.is_attribute) si.block_of.emplace(n.node_id, n.flow_block);
  }
  si.store_of_read.assign(ir.exprs.size(), 0);
  si.done.assign(ir.exprs.size(), 0);
}

bool Engine::dominates(uint32_t file, const StoreSite& store, NodeId read_ref, NodeId scope) const {
  const StrongIndex& si = strong_[file];
  const std::vector<FlowBlock>& blocks = ix_.files[file].facts->flow_blocks;
  auto sb = si.block_of.find(store.root_ref);
  auto rb = si.block_of.find(read_ref);
  if (blocks.empty() || sb == si.block_of.end() || rb == si.block_of.end()) return false;
  // Walk up from the read's block: the store's block must come before any loop block or
  // the scope's Root.
  uint32_t b = rb->second;
  for (uint32_t depth = 0; depth < bind::kMaxFlowDepth && b < blocks.size(); ++depth) {
    if (b == sb->second) return true;
    const FlowBlock& fb = blocks[b];
    if (fb.scope_id != scope || fb.kind == FlowKind::Loop || fb.kind == FlowKind::Root)
      return false;
    b = fb.parent;
  }
  return false;
}

bool Engine::quiet_between(uint32_t file, const StoreSite& store, int64_t read_start) const {
  const ir::FileIr& ir = ix_.files[file].facts->ir;
  for (size_t e = 0; e < ir.exprs.size(); ++e) {
    const ir::Expr& x = ir.exprs[e];
    if (x.bstart < store.bend || x.bend > read_start) continue;
    switch (x.kind) {
      case ir::ExprKind::Call:
      case ir::ExprKind::Await:
      case ir::ExprKind::Yield:
      case ir::ExprKind::YieldFrom:
        return false;
      case ir::ExprKind::Name:
        if (cache_[file].name[e] == store.root_name) return false;
        break;
      default:
        break;
    }
  }
  for (const ir::Stmt& s : ir.stmts) {
    if (s.bstart < store.bend || s.bstart >= read_start) continue;
    switch (s.kind) {
      case ir::StmtKind::With:
      case ir::StmtKind::Import:
      case ir::StmtKind::ClassDef:
        return false;
      case ir::StmtKind::FunctionDef:
        if (s.items_count != 0) return false;  // decorators are calls
        break;
      case ir::StmtKind::Assign:
      case ir::StmtKind::AugAssign:
      case ir::StmtKind::AnnAssign:
      case ir::StmtKind::Delete:
      case ir::StmtKind::For:
      case ir::StmtKind::ExceptAs:
        // A store into an element or attribute (maybe through an alias of the container).
        if (s.target != ir::kNoExpr && ir.exprs[s.target].kind != ir::ExprKind::Name) return false;
        break;
      default:
        break;
    }
  }
  return true;
}

const Engine::StoreSite* Engine::strong_store(uint32_t file, ir::ExprId e) {
  if (strong_.empty()) strong_.resize(ix_.files.size());
  StrongIndex& si = strong_[file];
  if (!si.built) build_strong_index(file);
  if (si.stores.empty() || e >= si.done.size()) return nullptr;
  if (si.done[e] != 0) {
    return si.store_of_read[e] == 0 ? nullptr : &si.stores[si.store_of_read[e] - 1];
  }
  si.done[e] = 1;
  const ir::FileIr& ir = ix_.files[file].facts->ir;
  const ir::Expr& x = ir.exprs[e];
  const uint32_t key = const_key(file, x.b);
  if (key == UINT32_MAX) return nullptr;
  std::vector<uint32_t> path;
  const ir::ExprId root = container_path(file, x.a, path);
  if (root == ir::kNoExpr) return nullptr;
  const NodeId read_ref = ir.exprs[root].node_id;
  const NodeId binding = single_binding(read_ref);
  if (binding == 0) return nullptr;
  const StoreSite* best = nullptr;
  uint32_t best_index = 0;
  for (uint32_t i = 0; i < si.stores.size(); ++i) {
    const StoreSite& s = si.stores[i];
    if (s.scope != x.scope || s.root_binding != binding || s.key != key || s.path != path ||
        s.bend > x.bstart) {
      continue;
    }
    if (best == nullptr || s.bstart > best->bstart) {
      best = &s;
      best_index = i;
    }
  }
  if (best == nullptr || !dominates(file, *best, read_ref, x.scope) ||
      !quiet_between(file, *best, x.bstart)) {
    return nullptr;
  }
  si.store_of_read[e] = best_index + 1;
  return best;
}

const ValueSet* Engine::strong_read(uint32_t file, ir::ExprId e, const Value& o) {
  const auto kind = static_cast<ContKind>(o.sub);
  if (kind != ContKind::Dict && kind != ContKind::List) return nullptr;
  const StoreSite* store = strong_store(file, e);
  if (store == nullptr || (store->dict_only && kind != ContKind::Dict)) return nullptr;
  return &read(store->slot);
}

}  // namespace ca::program
