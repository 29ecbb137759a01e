// The per-file work of a build: read, hash, decode, parse and extract, bind names.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "extract/facts.hpp"
#include "extract/ts/python_extractor.hpp"
#include "pipeline/extract_cache.hpp"
#include "scan/scanner.hpp"

namespace ca {

/// Limits applied to every file.
struct FileLimits {
  int64_t max_file_size = 10 * 1024 * 1024;
  /// Read, decode and parse only (no facts): the parse floor of a build.
  bool parse_only = false;
  /// Keep the decoded text in ExtractedFile::text (for the cpython layer; not with
  /// parse_only).
  bool keep_text = false;
};

/// How the extraction cache served a file.
enum class CacheUse : uint8_t {
  none,     ///< not looked up (no cache given or it is empty, or the file was not read)
  hit,      ///< its facts came from the cache
  miss,     ///< not in the cache: extracted
  damaged,  ///< its entry failed its checksum or did not decode: extracted
};

/// Everything one file contributes to the graph.
struct ExtractedFile {
  RepoFileRow file;
  FileFacts facts;
  double bind_ms = 0;  ///< time spent binding names (task bind_local), within the job
  /// The decoded text, when FileLimits::keep_text asked for it and the file was decoded.
  std::shared_ptr<const SourceText> text;
  CacheUse cache_use = CacheUse::none;
  /// A hit's encoded facts: a view into the cache read, which must outlive it.
  std::string_view cache_entry;
  /// Extracted anew, and fit for the next extraction cache: not changed while read, decoded,
  /// its parse not cut short.
  bool cacheable = false;
};

/// Processes one scanned file: reads it, then process_file_content. Problems with the file
/// (unreadable, too large, undecodable, syntax errors, parse time-out) are recorded in
/// file.status and facts.diagnostics; a file that changes while it is read is read again
/// (a few times) until two stats around one read agree, and gets a "changed_while_reading"
/// diagnostic; its rows always come from one read, whose bytes content_hash identifies.
/// With a `cache`, a file whose bytes it has takes its facts (and row) from there instead
/// of being decoded, parsed and bound. `known_hash`, when given, is the content hash the
/// build's input digest computed for the file: a hit on it needs no read (unless
/// limits.keep_text wants the text), and the row then records those bytes. This function
/// does not throw for bad input.
ExtractedFile process_file(const ScannedFile& scanned, const FileLimits& limits,
                           PythonSyntaxExtractor& extractor, const ExtractCache* cache = nullptr,
                           std::string_view known_hash = {});

/// The work on a file's bytes once read: hash, decode, parse and extract, bind names.
/// `limits.max_file_size` is not checked here (reading does). Does not throw for bad input;
/// the fuzz targets in tests/fuzz/ call it with arbitrary bytes.
ExtractedFile process_file_content(const ScannedFile& scanned, const FileLimits& limits,
                                   std::string_view bytes, PythonSyntaxExtractor& extractor);

}  // namespace ca
