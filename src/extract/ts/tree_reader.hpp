// Small readers over a tree-sitter tree shared by the fact walk and the IR build: a node's
// children with their fields, its first named child, whether it is usable, and its text.
#pragma once

#include <tree_sitter/api.h>

#include <algorithm>
#include <string_view>
#include <vector>

namespace ca::ts {

/// A child node with the field it fills in its parent (0 when none).
struct NodeChild {
  TSNode node;
  TSFieldId field;
};

/// Fills `out` with the children of `node`, in order; with `named_only`, only named children
/// that are not `comment` symbols. Uses (and moves) `cursor`.
inline void node_children(TSTreeCursor& cursor, TSNode node, std::vector<NodeChild>& out,
                          bool named_only, TSSymbol comment) {
  out.clear();
  ts_tree_cursor_reset(&cursor, node);
  if (!ts_tree_cursor_goto_first_child(&cursor)) return;
  do {
    TSNode child = ts_tree_cursor_current_node(&cursor);
    if (named_only && (!ts_node_is_named(child) || ts_node_symbol(child) == comment)) continue;
    out.push_back(NodeChild{child, ts_tree_cursor_current_field_id(&cursor)});
  } while (ts_tree_cursor_goto_next_sibling(&cursor));
}

/// The first named child of `node` that is not a comment, or a null node.
inline TSNode first_named_child(TSTreeCursor& cursor, TSNode node, TSSymbol comment) {
  ts_tree_cursor_reset(&cursor, node);
  if (!ts_tree_cursor_goto_first_child(&cursor)) return TSNode{};
  do {
    TSNode child = ts_tree_cursor_current_node(&cursor);
    if (ts_node_is_named(child) && ts_node_symbol(child) != comment) return child;
  } while (ts_tree_cursor_goto_next_sibling(&cursor));
  return TSNode{};
}

/// Whether `node` exists, was not inserted by error recovery, and covers some text.
inline bool usable_node(TSNode node) {
  return !ts_node_is_null(node) && !ts_node_is_missing(node) &&
         ts_node_end_byte(node) > ts_node_start_byte(node);
}

/// The text of `node` in `src`, clamped to it.
inline std::string_view node_text(std::string_view src, TSNode node) {
  uint32_t start = std::min<uint32_t>(ts_node_start_byte(node), static_cast<uint32_t>(src.size()));
  uint32_t end = std::min<uint32_t>(ts_node_end_byte(node), static_cast<uint32_t>(src.size()));
  return src.substr(start, end > start ? end - start : 0);
}

}  // namespace ca::ts
