// Control-flow blocks (FileFacts::flow_blocks) of compound statements: which block each
// part of an if, loop, try, with or match statement is walked in; see fact_walker.hpp and
// FlowBlock in extract/facts.hpp. The binder uses the blocks to tell which bindings of a
// name may reach a read.
#include <algorithm>

#include "extract/ts/fact_walker.hpp"

namespace ca::ts {

uint32_t FactWalker::open_block(FlowKind kind, uint32_t parent, uint32_t scope, uint32_t construct,
                                uint32_t arm) {
  FlowBlock block;
  block.parent = parent;
  block.scope_id = scopes_[scope].id;
  block.kind = kind;
  block.construct = construct;
  block.arm = arm;
  const auto index = static_cast<uint32_t>(facts_->flow_blocks.size());
  facts_->flow_blocks.push_back(block);
  return index;
}

uint32_t FactWalker::open_root(uint32_t scope) {
  return open_block(FlowKind::Root, cur_block_, scope);
}

uint32_t FactWalker::enclosing_block(uint32_t block) const {
  const FlowBlock& b = facts_->flow_blocks[block];
  return b.kind == FlowKind::Root && b.parent != kNoFlowBlock ? b.parent : block;
}

int64_t FactWalker::flow_pos(TSNode identifier) const {
  const size_t size = src_.size();
  const size_t start = std::min<size_t>(ts_node_start_byte(identifier), size);
  const size_t at = std::max(start, std::min<size_t>(cur_bind_end_, size));
  return text_->original_offset(at);
}

void FactWalker::visit_if(const Task& task) {
  // `if A: x elif B: y else: z` runs as `if A: x else: (B; if B: y else: z)`: each elif
  // opens the second arm of the construct before it, holding its condition and a new
  // construct of its own.
  const uint32_t scope = task.scope;
  uint32_t parent = cur_block_;
  uint32_t construct = new_construct();
  collect(task.node, children_);
  for (const Child& c : children_) {
    if (!ts_node_is_named(c.node)) continue;
    if (c.field == sym_.f_condition) {
      later_in(c.node, scope, parent);
    } else if (c.field == sym_.f_consequence) {
      later_in(c.node, scope, open_block(FlowKind::Branch, parent, scope, construct, 0));
    } else if (c.field == sym_.f_alternative) {
      const uint32_t rest = open_block(FlowKind::Branch, parent, scope, construct, 1);
      if (ts_node_symbol(c.node) != sym_.elif_clause) {
        later_in(c.node, scope, rest);  // else:
        continue;
      }
      parent = rest;
      construct = new_construct();
      collect(c.node, inner_);
      for (const Child& e : inner_) {
        if (!ts_node_is_named(e.node)) continue;
        const bool body = e.field == sym_.f_consequence;
        later_in(e.node, scope,
                 body ? open_block(FlowKind::Branch, rest, scope, construct, 0) : rest);
      }
    } else {
      later_in(c.node, scope, parent);  // comments, recovered errors
    }
  }
}

void FactWalker::visit_loop(const Task& task, bool is_for) {
  // The body (with a while's condition and a for's target) is the Loop block; a for's
  // iterable is evaluated once, before it; the `else:` may be skipped by `break`.
  const uint32_t scope = task.scope;
  const uint32_t outer = cur_block_;
  const uint32_t loop = open_block(FlowKind::Loop, outer, scope);
  uint32_t iterable_end = 0;
  if (is_for) {
    TSNode right = ts_node_child_by_field_id(task.node, sym_.f_right);
    if (!ts_node_is_null(right)) iterable_end = ts_node_end_byte(right);
  }
  collect(task.node, children_);
  for (const Child& c : children_) {
    if (!ts_node_is_named(c.node)) continue;
    if (is_for && c.field == sym_.f_left) {
      later_in(c.node, scope, loop, Mode::Target, Bind::For, iterable_end);
    } else if (c.field == sym_.f_body || (!is_for && c.field == sym_.f_condition)) {
      later_in(c.node, scope, loop);
    } else if (c.field == sym_.f_alternative) {
      later_in(c.node, scope, open_block(FlowKind::Plain, outer, scope));
    } else {
      later_in(c.node, scope, outer);
    }
  }
}

void FactWalker::visit_try(const Task& task) {
  // except arms and the try's else: one exclusive construct; finally: a block of its own.
  const uint32_t scope = task.scope;
  const uint32_t outer = cur_block_;
  const uint32_t construct = new_construct();
  uint32_t arm = 0;
  collect(task.node, children_);
  for (const Child& c : children_) {
    if (!ts_node_is_named(c.node)) continue;
    const TSSymbol symbol = ts_node_symbol(c.node);
    uint32_t block = outer;
    if (c.field == sym_.f_body) {
      block = open_block(FlowKind::TryBody, outer, scope);
    } else if (symbol == sym_.except_clause || symbol == sym_.else_clause) {
      block = open_block(FlowKind::Handler, outer, scope, construct, arm++);
    } else if (symbol == sym_.finally_clause) {
      block = open_block(FlowKind::Finally, outer, scope);
    }
    later_in(c.node, scope, block);
  }
}

void FactWalker::visit_with(const Task& task) {
  // The items are evaluated in the enclosing block; the body may be cut short by an
  // exception that the context manager swallows.
  const uint32_t scope = task.scope;
  const uint32_t outer = cur_block_;
  collect(task.node, children_);
  for (const Child& c : children_) {
    if (!ts_node_is_named(c.node)) continue;
    const bool body = c.field == sym_.f_body;
    later_in(c.node, scope, body ? open_block(FlowKind::Plain, outer, scope) : outer);
  }
}

void FactWalker::visit_match(const Task& task) {
  // The subject is evaluated in the enclosing block; the cases are arms of one construct.
  const uint32_t scope = task.scope;
  const uint32_t outer = cur_block_;
  const uint32_t construct = new_construct();
  uint32_t arm = 0;
  collect(task.node, children_);
  for (const Child& c : children_) {
    if (!ts_node_is_named(c.node)) continue;
    if (c.field != sym_.f_body) {
      later_in(c.node, scope, outer);
      continue;
    }
    collect(c.node, inner_);
    for (const Child& k : inner_) {
      if (!ts_node_is_named(k.node)) continue;
      const bool is_case = ts_node_symbol(k.node) == sym_.case_clause;
      later_in(k.node, scope,
               is_case ? open_block(FlowKind::Branch, outer, scope, construct, arm++) : outer);
    }
  }
}

}  // namespace ca::ts
