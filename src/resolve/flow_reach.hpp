// Reaching definitions inside one scope, on the block tree the extractor records
// (FileFacts::flow_blocks): which binding sites of a name may reach a read of it. Works
// on structured control flow only (Python has no goto), so dominance and exclusivity
// follow from the tree: no CFG is built.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "extract/facts.hpp"

namespace ca::bind {

/// One site of a name in the scope that owns it, as the flow analysis sees it.
struct FlowSite {
  int64_t pos = 0;                ///< where the binding (or `del`) takes effect
  uint32_t block = kNoFlowBlock;  ///< kNoFlowBlock: may run at any time (a binding made
                                  ///< from a nested scope): always reaches, never kills
  bool kills = true;              ///< an unconditional rebinding (not a walrus, ...)
  bool is_del = false;            ///< `del name`: kills what is before it, binds nothing
};

/// Longest chain of blocks between a read and its scope's Root that is analysed; deeper
/// reads (and sites whose walk to the read's chain is longer) are treated conservatively.
inline constexpr uint32_t kMaxFlowDepth = 64;

/// Answers reaching-definition queries for the reads of one file. Holds scratch state
/// sized to the block table; not thread-safe, cheap to reuse across queries.
class FlowReach {
 public:
  explicit FlowReach(const std::vector<FlowBlock>& blocks);

  /// Sets reach[i] for each of `sites` (reach is resized to sites.size()): true when the
  /// binding site may reach a read at `pos` in `block` of the scope `scope_id`. Rules:
  /// a site before the read reaches it unless it lies in another arm of an exclusive
  /// construct, or a later unconditional rebinding or `del` before the read kills it; a
  /// site after the read (or in an exclusive arm) reaches it only around a loop that holds
  /// both, unless an unconditional rebinding inside that loop and before the read kills
  /// it. Returns false, leaving `reach` unspecified, when the read cannot be analysed (bad
  /// block, chain deeper than kMaxFlowDepth, other scope) or when no site reaches it: the
  /// caller then keeps every site.
  bool reaching(uint32_t block, int64_t pos, NodeId scope_id, std::span<const FlowSite> sites,
                std::vector<uint8_t>& reach);

 private:
  /// Where a site's block meets the read's chain of blocks.
  struct Meet {
    bool found = false;
    bool exclusive = false;  ///< site and read lie in different arms of one construct
    uint32_t loop = 0;       ///< chain index of the innermost loop holding both
    bool has_loop = false;
  };

  bool build_chain(uint32_t block, NodeId scope_id);
  Meet meet(uint32_t site_block) const;
  static bool is_arm(FlowKind kind) {
    return kind == FlowKind::Branch || kind == FlowKind::Handler;
  }

  const std::vector<FlowBlock>& blocks_;
  std::vector<uint32_t> stamp_;             ///< by block: epoch_ when on the current chain
  std::vector<uint32_t> chain_index_;       ///< by block: index on the current chain
  std::vector<uint32_t> chain_;             ///< the read's block, its parent, ... its Root
  std::vector<uint32_t> loop_at_or_above_;  ///< by chain index: nearest Loop index at or above
  uint32_t epoch_ = 0;
};

}  // namespace ca::bind
