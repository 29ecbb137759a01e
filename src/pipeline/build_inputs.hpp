// What a build's graph depends on, as digests kept in run_info: the program that builds it,
// the options that shape it (not -j: the graph is the same at any -j), and every file found
// with its module name and content. A build whose inputs equal the published graph's has
// nothing to redo: it keeps that graph and records a run whose tasks are all cache hits.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/build.hpp"
#include "scan/scanner.hpp"

namespace ca {

struct BuildInputs {
  std::string program;  ///< the executable that builds (its path, size and mtime)
  std::string options;  ///< digest of the options that shape the graph
  std::string files;    ///< digest of the files found, their modules and contents
  std::map<std::string, std::string> content;  ///< path -> content hash (or why none)
  bool reusable = true;  ///< false: the inputs cannot be known in advance (scip-python run)

  /// All three in one, as run_info's inputs_digest.
  std::string digest() const;
};

/// The scan a build of `options` makes.
ScanOptions scan_options_for(const BuildOptions& options);

/// The published graph's record of its inputs: run_info's rows and repo_files' content hash
/// by path. Throws DbError when it cannot be read.
struct RecordedInputs {
  std::map<std::string, std::string> run_info;
  std::map<std::string, std::string> files;
};
RecordedInputs read_recorded_inputs(const std::filesystem::path& db);

/// Reads every scanned file (on up to `jobs` threads) and digests what the build of
/// `options` over `scan` depends on. Does not throw for unreadable files (their error is
/// their content).
BuildInputs digest_build_inputs(const BuildOptions& options, const ScanResult& scan, int jobs);

/// The run_info rows that record `inputs` (inputs_digest, program, options_digest).
std::vector<std::pair<std::string, std::string>> inputs_run_info(const BuildInputs& inputs);

/// Why a build with `now` cannot keep a graph recorded with `before` (run_info rows and
/// repo_files path -> content_hash), for people: "2 files changed: a.py, b.py", "the program
/// changed", ...; nullopt when it can keep it.
std::optional<std::string> why_inputs_differ(const BuildInputs& now,
                                             const std::map<std::string, std::string>& run_info,
                                             const std::map<std::string, std::string>& files);

}  // namespace ca
