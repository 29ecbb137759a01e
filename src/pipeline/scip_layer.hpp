// Task extract_scip: the scip evidence layer. Reads the SCIP index given with
// --scip-index, or runs scip-python on the repository beside the rest of the build (started
// before the scan, waited for after extraction), and turns the index into scip_* rows
// against the build's decoded files (evidence/scip/scip_reader.hpp).
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "evidence/scip/scip_facts.hpp"
#include "pipeline/file_job.hpp"

namespace ca {

struct ScipLayerOptions {
  /// An existing index to read (--scip-index); empty: run `indexer`.
  std::filesystem::path index;
  /// The program run as `INDEXER REPO OUT.scip NAME` to produce an index: scripts/
  /// scip-python.sh of the source tree unless the environment's CODEANATOMY_SCIP_PYTHON
  /// names another (default_scip_indexer()).
  std::filesystem::path indexer;
  /// Where the generated index (scip-python.scip) and the indexer's log (scip-python.log)
  /// are kept: the build's output directory.
  std::filesystem::path work_dir;
};

/// The indexer a build runs when no index is given (see ScipLayerOptions::indexer).
std::filesystem::path default_scip_indexer();

/// One run of the layer. Constructing it checks a given index can be read (throws
/// std::runtime_error naming the file and what to do) or starts the indexer; the destructor
/// stops an indexer still running (a build that failed) and removes its partial output.
class ScipLayerRun {
 public:
  ScipLayerRun(const std::filesystem::path& repo, ScipLayerOptions options);
  ~ScipLayerRun();
  ScipLayerRun(const ScipLayerRun&) = delete;
  ScipLayerRun& operator=(const ScipLayerRun&) = delete;

  /// Waits for the indexer, then reads the index against `files` (their decoded texts).
  /// An indexer that fails gives one diagnostic row (layer scip) and no other rows; a given
  /// index that is not a SCIP index throws std::runtime_error naming it.
  ScipFacts finish(const std::vector<ExtractedFile>& files);

  /// What the layer's rows depend on besides the files: the index's content hash, or the
  /// indexer's path (for the task's fingerprint). Valid after finish().
  const std::string& digest() const { return digest_; }

 private:
  void stop_indexer();

  ScipLayerOptions options_;
  std::filesystem::path temp_index_;  ///< the indexer writes here; renamed when it succeeds
  std::filesystem::path log_;
  pid_t indexer_pid_ = -1;
  std::string spawn_error_;
  std::string digest_;
};

}  // namespace ca
