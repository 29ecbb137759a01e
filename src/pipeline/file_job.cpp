// Per-file work of a build; see file_job.hpp.
#include "pipeline/file_job.hpp"

#include <fmt/format.h>

#include <chrono>

#include "core/file_read.hpp"
#include "extract/facts_codec.hpp"
#include "resolve/local_binder.hpp"
#include "scan/decode.hpp"

namespace ca {
namespace {

DiagnosticRow file_diagnostic(const ScannedFile& f, std::string layer, std::string severity,
                              std::string code, std::string message) {
  DiagnosticRow d;
  d.file_id = f.file_id;
  d.path = f.path;
  d.layer = std::move(layer);
  d.severity = std::move(severity);
  d.code = std::move(code);
  d.message = std::move(message);
  return d;
}

/// Fills the repo_files columns that come from the scan alone.
void describe_scanned_file(RepoFileRow& row, const ScannedFile& scanned) {
  row.file_id = scanned.file_id;
  row.path = scanned.path;
  row.module = scanned.module;
  row.is_package_init = scanned.is_package_init;
  row.is_stub = scanned.is_stub;
}

void set_extent(RepoFileRow& row, std::string_view text) {
  LineIndex lines(text);
  LineCol end = lines.locate(text.size());
  row.line_count = lines.line_count();
  row.end_line = end.line;
  row.end_col = end.col;
}

/// Fills `out` from `cache` when it has an intact entry for the file's bytes, known by their
/// content hash; otherwise notes the miss (or the damaged entry) in out.cache_use and
/// returns false.
bool take_from_cache(const ScannedFile& scanned, std::string_view hash, const ExtractCache& cache,
                     ExtractedFile& out) {
  ExtractCache::Lookup found = cache.find(ExtractCache::key(scanned, hash));
  if (found.encoded && decode_file_facts(*found.encoded, out.file, out.facts)) {
    out.cache_use = CacheUse::hit;
    out.cache_entry = *found.encoded;
    return true;
  }
  out = ExtractedFile{};
  out.cache_use = found.encoded || found.damaged ? CacheUse::damaged : CacheUse::miss;
  return false;
}

}  // namespace

ExtractedFile process_file(const ScannedFile& scanned, const FileLimits& limits,
                           PythonSyntaxExtractor& extractor, const ExtractCache* cache,
                           std::string_view known_hash) {
  const bool use_cache = cache != nullptr && cache->size() > 0 && !limits.parse_only;
  CacheUse use = CacheUse::none;
  // Bytes hashed already, when their text is not wanted: a hit needs no read.
  std::string_view looked_up;
  if (use_cache && !known_hash.empty() && !limits.keep_text) {
    ExtractedFile out;
    if (take_from_cache(scanned, known_hash, *cache, out)) return out;
    use = out.cache_use;
    looked_up = known_hash;
  }
  FileRead read = read_whole_file(scanned.abs_path, limits.max_file_size);
  if (read.result == FileRead::Result::ok) {
    // A file that changed while it was read is extracted, and not cached.
    const bool cacheable = read.changes_seen == 0 && !limits.parse_only;
    ExtractedFile out;
    if (use_cache && cacheable) {
      // Other bytes than those looked up already (the file changed since it was hashed).
      if (const std::string hash = content_hash(read.bytes); hash != looked_up) {
        if (take_from_cache(scanned, hash, *cache, out)) {
          // Only decoded files are cached, so this decodes too.
          if (limits.keep_text)
            if (auto decoded = decode_python_source(read.bytes);
                auto* text = std::get_if<SourceText>(&decoded))
              out.text = std::make_shared<const SourceText>(std::move(*text));
          return out;
        }
        use = out.cache_use;
      }
    }
    out = process_file_content(scanned, limits, read.bytes, extractor);
    out.cache_use = use;
    out.cacheable = cacheable && (out.file.status == "ok" || out.file.status == "syntax_error");
    if (read.changes_seen > 0) {
      std::string what = read.stable
                             ? fmt::format(
                                   "file changed while being read (its size or modification time "
                                   "moved during the read); indexed a later read of {} bytes that "
                                   "saw no change",
                                   read.size)
                             : fmt::format(
                                   "file kept changing while being read ({} reads, its size or "
                                   "modification time moved during each); indexed the last read "
                                   "({} bytes, content_hash {}), which may mix versions: rebuild "
                                   "once the file is no longer being written",
                                   kFileReadAttempts, read.size, out.file.content_hash);
      out.facts.diagnostics.push_back(
          file_diagnostic(scanned, "scan", "warning", "changed_while_reading", std::move(what)));
    }
    return out;
  }
  ExtractedFile out;
  RepoFileRow& row = out.file;
  describe_scanned_file(row, scanned);
  row.size_bytes = read.size;
  if (read.result == FileRead::Result::too_large) {
    row.status = "too_large";
    out.facts.diagnostics.push_back(file_diagnostic(
        scanned, "scan", "warning", "too_large",
        fmt::format("file is {} bytes, over the limit of {} bytes; raise --max-file-size to "
                    "index it",
                    read.size, limits.max_file_size)));
  } else {
    row.status = "unreadable";
    out.facts.diagnostics.push_back(
        file_diagnostic(scanned, "scan", "error", "unreadable", read.error));
  }
  return out;
}

ExtractedFile process_file_content(const ScannedFile& scanned, const FileLimits& limits,
                                   std::string_view bytes, PythonSyntaxExtractor& extractor) {
  ExtractedFile out;
  RepoFileRow& row = out.file;
  describe_scanned_file(row, scanned);
  row.status = "ok";
  row.size_bytes = static_cast<int64_t>(bytes.size());
  row.content_hash = content_hash(bytes);

  auto decoded = decode_python_source(bytes);
  if (auto* err = std::get_if<DecodeError>(&decoded)) {
    row.status = err->status;
    set_extent(row, bytes);
    DiagnosticRow d = file_diagnostic(scanned, "scan", "error", err->code, err->message);
    LineIndex lines(bytes);
    LineCol s = lines.locate(static_cast<size_t>(std::min<int64_t>(err->bstart, row.size_bytes)));
    LineCol e = lines.locate(static_cast<size_t>(std::min<int64_t>(err->bend, row.size_bytes)));
    d.bstart = err->bstart;
    d.bend = err->bend;
    d.start_line = s.line;
    d.start_col = s.col;
    d.end_line = e.line;
    d.end_col = e.col;
    out.facts.diagnostics.push_back(std::move(d));
    return out;
  }
  // Kept for the cpython layer by moving it, not copying; the extraction reads it there.
  if (limits.keep_text)
    out.text = std::make_shared<const SourceText>(std::move(std::get<SourceText>(decoded)));
  const SourceText& text = out.text ? *out.text : std::get<SourceText>(decoded);
  row.encoding = text.encoding;
  set_extent(row, text.utf8);
  // An empty __init__ is the normal way to mark a package; any other empty module is noted.
  if (bytes.empty() && !scanned.is_package_init)
    out.facts.diagnostics.push_back(
        file_diagnostic(scanned, "scan", "info", "empty_file", "file is empty"));

  if (limits.parse_only) {
    if (!extractor.parse_only(text)) row.status = "too_large";
    return out;
  }

  FileContext context;
  context.file_id = scanned.file_id;
  context.path = scanned.path;
  context.module = scanned.module;
  context.size_bytes = row.size_bytes;
  context.module_scope_id = node_id_for(scanned.path, NodeKind::Module, 0, row.size_bytes);
  try {
    ExtractOutcome outcome = extractor.extract(text, context, out.facts);
    if (outcome.timed_out)
      row.status = "too_large";
    else if (outcome.has_syntax_errors)
      row.status = "syntax_error";
    if (!outcome.timed_out) {
      const auto bind_start = std::chrono::steady_clock::now();
      bind_file_names(context, out.facts);
      out.bind_ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - bind_start)
              .count();
    }
  } catch (const std::exception& e) {
    // A defect in extraction must not cost the other files: record it against this file.
    out.facts = FileFacts{};
    out.facts.diagnostics.push_back(
        file_diagnostic(scanned, "ts", "error", "internal_error",
                        fmt::format("extraction failed ({}); please report this file", e.what())));
  }
  return out;
}

}  // namespace ca
