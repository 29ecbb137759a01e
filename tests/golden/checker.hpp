// Checks the assertions of a golden case against the graph built from it.
#pragma once

#include <optional>
#include <string>

#include "golden/assertion.hpp"
#include "golden/case_file.hpp"
#include "golden/graph_snapshot.hpp"

namespace ca::golden {

/// nullopt when `a` holds in `graph`; otherwise why not, with what the graph has instead
/// (e.g. the actual REFERS_TO targets, or the nodes found at the caret).
std::optional<std::string> check_assertion(const Assertion& a, const CaseFile& c,
                                           const GraphSnapshot& graph);

}  // namespace ca::golden
