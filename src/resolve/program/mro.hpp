// C3 linearization (Python's method resolution order): the merge step over the MROs of a
// class's bases. The caller supplies (and caches) the bases' MROs.
#pragma once

#include <optional>
#include <vector>

#include "resolve/program/values.hpp"

namespace ca::program {

/// C3 merge: `cls` followed by the merge of `base_mros` (one list per direct base, in
/// order) and `bases`. Returns nullopt when the order is inconsistent (no head is free of
/// the other lists' tails) or `cls` reappears (a cycle).
std::optional<std::vector<Value>> c3_merge(const Value& cls,
                                           std::vector<std::vector<Value>> base_mros,
                                           const std::vector<Value>& bases);

/// Depth-first, left-to-right order of `cls` and its bases' MROs, duplicates dropped: the
/// fallback when C3 fails.
std::vector<Value> depth_first_order(const Value& cls,
                                     const std::vector<std::vector<Value>>& base_mros);

}  // namespace ca::program
