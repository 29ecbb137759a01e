// Reaching definitions on the block tree; see flow_reach.hpp. A query marks the read's
// chain of blocks (read block up to its scope's Root) with an epoch stamp, so that "is
// this site's block an ancestor of the read" is one lookup and the meeting point of a
// site with the chain is found by walking up from the site until a stamped block.
#include "resolve/flow_reach.hpp"

#include <algorithm>
#include <limits>

namespace ca::bind {
namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

}  // namespace

FlowReach::FlowReach(const std::vector<FlowBlock>& blocks)
    : blocks_(blocks), stamp_(blocks.size(), 0), chain_index_(blocks.size(), 0) {}

bool FlowReach::build_chain(uint32_t block, NodeId scope_id) {
  chain_.clear();
  loop_at_or_above_.clear();
  if (++epoch_ == 0) {  // wrapped: forget every stamp
    std::fill(stamp_.begin(), stamp_.end(), 0);
    epoch_ = 1;
  }
  uint32_t b = block;
  for (;;) {
    if (b >= blocks_.size() || chain_.size() >= kMaxFlowDepth) return false;
    if (stamp_[b] == epoch_) return false;  // a cycle: not a tree
    stamp_[b] = epoch_;
    chain_index_[b] = static_cast<uint32_t>(chain_.size());
    chain_.push_back(b);
    if (blocks_[b].kind == FlowKind::Root) break;
    b = blocks_[b].parent;
  }
  if (blocks_[chain_.back()].scope_id != scope_id) return false;
  // Nearest loop at or above each chain index, filled from the Root down.
  loop_at_or_above_.assign(chain_.size(), kNone);
  uint32_t loop = kNone;
  for (size_t i = chain_.size(); i-- > 0;) {
    if (blocks_[chain_[i]].kind == FlowKind::Loop) loop = static_cast<uint32_t>(i);
    loop_at_or_above_[i] = loop;
  }
  return true;
}

FlowReach::Meet FlowReach::meet(uint32_t site_block) const {
  Meet m;
  uint32_t below = kNone;  // the block on the site's side just below the meeting point
  uint32_t b = site_block;
  for (uint32_t steps = 0; steps <= kMaxFlowDepth; ++steps) {
    if (b >= blocks_.size()) return m;
    if (stamp_[b] == epoch_) {
      const uint32_t at = chain_index_[b];
      m.found = true;
      if (below != kNone && at > 0) {
        const FlowBlock& s = blocks_[below];
        const FlowBlock& r = blocks_[chain_[at - 1]];
        m.exclusive =
            is_arm(s.kind) && s.kind == r.kind && s.construct == r.construct && s.arm != r.arm;
      }
      if (loop_at_or_above_[at] != kNone) {
        m.has_loop = true;
        m.loop = loop_at_or_above_[at];
      }
      return m;
    }
    if (blocks_[b].kind == FlowKind::Root) return m;  // another scope's Root
    below = b;
    b = blocks_[b].parent;
  }
  return m;
}

bool FlowReach::reaching(uint32_t block, int64_t pos, NodeId scope_id,
                         std::span<const FlowSite> sites, std::vector<uint8_t>& reach) {
  if (!build_chain(block, scope_id)) return false;

  // Killers: unconditional rebindings and dels before the read whose block is on the
  // read's chain (they run on every path to the read). The last one cuts off the sites
  // before it; the innermost one (lowest chain index) cuts the back edges of every loop
  // that holds it.
  int64_t last_kill = std::numeric_limits<int64_t>::min();
  uint32_t kill_index = kNone;
  for (const FlowSite& s : sites) {
    if (!s.kills || s.pos >= pos || s.block >= blocks_.size() || stamp_[s.block] != epoch_) {
      continue;
    }
    if (s.pos > last_kill) last_kill = s.pos;
    const uint32_t at = chain_index_[s.block];
    if (kill_index == kNone || at < kill_index) kill_index = at;
  }

  reach.assign(sites.size(), 0);
  bool any = false;
  for (size_t i = 0; i < sites.size(); ++i) {
    const FlowSite& s = sites[i];
    if (s.is_del) continue;
    bool reaches = true;
    if (s.block != kNoFlowBlock) {
      const Meet m = meet(s.block);
      if (m.found) {
        if (s.pos < pos && !m.exclusive) {
          reaches = s.pos >= last_kill;
        } else {
          // Around a loop holding both, unless a killer inside that loop runs first.
          reaches = m.has_loop && (kill_index == kNone || kill_index > m.loop);
        }
      }
      // Not found: the site's block does not meet the read's chain within the depth
      // limit (or lies in another scope); keep it.
    }
    reach[i] = reaches ? 1 : 0;
    any |= reaches;
  }
  return any;
}

}  // namespace ca::bind
