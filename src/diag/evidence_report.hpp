// `codeanatomy diag DIR --evidence`: how far the evidence layers of a built graph agree —
// confirmation rates of nodes and edges per kind and layer, the agreement of our scope
// classification with CPython's symtable and of our REFERS_TO targets with SCIP's, and the
// conflicts by class with examples (from the fusion views ev_* and evidence_conflicts).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ca {

/// How many facts of one kind a layer judged.
struct EvidenceRate {
  std::string subject;  ///< a node or edge kind ("FUNCTION", "REFERS_TO") or a comparison
  std::string layer;    ///< cpython, scip
  int64_t total = 0;    ///< facts of the kind (for a comparison: the sites compared)
  int64_t confirmed = 0;
  int64_t contradicted = 0;
};

/// One class of evidence_conflicts with its count and a few examples.
struct EvidenceConflictClass {
  std::string conflict;
  std::string layer;
  int64_t count = 0;
  std::vector<std::string> examples;  ///< "path:line ours | theirs | detail", at most 3
};

struct EvidenceReport {
  std::vector<std::string> layers;  ///< the layers the build ran (run_info)
  std::vector<EvidenceRate> nodes;  ///< per node kind and layer
  std::vector<EvidenceRate> edges;  ///< per edge kind and layer
  /// Comparisons site by site: "scope classification" (symtable, per scope kind) and
  /// "REFERS_TO target" (SCIP, per our resolution).
  std::vector<EvidenceRate> comparisons;
  std::vector<EvidenceConflictClass> conflicts;
};

/// Reads the report from the graph at `db` (opened read-only). Throws when it cannot be
/// read or was built before the evidence views existed.
EvidenceReport evidence_report(const std::filesystem::path& db);

/// The report as text for people.
std::string format_evidence_report(const EvidenceReport& report);

}  // namespace ca
