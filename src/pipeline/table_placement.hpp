// Where a build puts each table: in the graph file, or in an in-memory database attached
// for the build's duration. The graph (cpg_*), the scan (repo_*), the diagnostics, the run
// log and evidence_conflicts always go to the file; the evidence tables go there only when
// the build keeps them (`build --keep-evidence`): they are what the graph is built from,
// read by the views and by `export scip`, and as many rows again as the graph.
#pragma once

#include <string>
#include <string_view>

namespace ca {

/// The name of the in-memory database a build attaches for the tables it does not keep.
inline constexpr std::string_view kBuildMemoryCatalog = "build_memory";

/// Whether `table` is an evidence table: named by its layer (`ts_*`, `py_*`, `scip_*`), by
/// the resolver (`res_*`), or an intermediate view fusing them (`ev_*`, `sem_*`).
bool is_evidence_table(std::string_view table);

/// The placement of a build's tables.
struct TablePlacement {
  bool keep_evidence = true;  ///< false: evidence tables live in kBuildMemoryCatalog

  /// The in-memory database the build must attach: kBuildMemoryCatalog, or "" (none).
  std::string_view memory_catalog() const;
  /// The catalog `table` is created in: "" (the connection's default, the graph file) or
  /// kBuildMemoryCatalog.
  std::string_view catalog(std::string_view table) const;
  /// `table` as a CREATE statement names it: bare, or qualified with its catalog.
  std::string create_name(std::string_view table) const;
};

}  // namespace ca
