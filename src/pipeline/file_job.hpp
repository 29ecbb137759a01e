// The per-file work of a build: read, hash, decode, parse and extract, bind names.
#pragma once

#include <cstdint>

#include "extract/facts.hpp"
#include "extract/ts/python_extractor.hpp"
#include "scan/scanner.hpp"

namespace ca {

/// Limits applied to every file.
struct FileLimits {
  int64_t max_file_size = 10 * 1024 * 1024;
  /// Read, decode and parse only (no facts): the parse floor of a build.
  bool parse_only = false;
};

/// Everything one file contributes to the graph.
struct ExtractedFile {
  RepoFileRow file;
  FileFacts facts;
};

/// Processes one scanned file. Problems with the file (unreadable, too large, undecodable,
/// syntax errors, parse time-out) are recorded in file.status and facts.diagnostics; this
/// function does not throw for bad input.
ExtractedFile process_file(const ScannedFile& scanned, const FileLimits& limits,
                           PythonSyntaxExtractor& extractor);

}  // namespace ca
