// Integrity checks of a built graph (`codeanatomy diag`): table contracts, unique ids,
// edges between existing nodes, spans inside their files and on the lines and columns
// they claim, known kinds, and no rows for files that are not in repo_files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace ca {

/// One kind of violation with a count and a few examples.
struct CheckViolation {
  std::string check;  ///< e.g. "contract", "unique_node_ids", "dangling_edges", "spans"
  int64_t count = 0;
  std::vector<std::string> examples;  ///< at most 5, readable
};

/// Runs every check on the graph at `db` (opened read-only). Line/column claims are checked
/// against the source files when the repository recorded in run_info is still readable
/// and a file's content hash is unchanged (other files are skipped, and counted).
/// Returns the violations; empty means clean. Throws when the database cannot be read.
std::vector<CheckViolation> check_graph(const std::filesystem::path& db,
                                        int64_t* files_not_rechecked = nullptr);

}  // namespace ca
