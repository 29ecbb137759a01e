// Per-file work of a build; see file_job.hpp.
#include "pipeline/file_job.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <fmt/format.h>
#include <cerrno>
#include <cstring>

#include "resolve/local_binder.hpp"
#include "scan/decode.hpp"

namespace ca {
namespace {

/// Reads a whole file; on failure returns false and sets `error` to a readable reason.
bool read_whole_file(const std::filesystem::path& path, int64_t max_size, std::string& out,
                     std::string& error, bool& too_large, int64_t& size) {
  too_large = false;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    struct stat link_info {};
    if (::lstat(path.c_str(), &link_info) == 0 && S_ISLNK(link_info.st_mode))
      error = fmt::format("cannot follow symbolic link ({}); fix or remove the link",
                          std::strerror(err));
    else
      error = fmt::format("cannot open file: {}", std::strerror(err));
    return false;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    error = "not a regular file";
    ::close(fd);
    return false;
  }
  size = info.st_size;
  if (info.st_size > max_size) {
    too_large = true;
    ::close(fd);
    return false;
  }
  out.resize(static_cast<size_t>(info.st_size));
  size_t got = 0;
  while (got < out.size()) {
    ssize_t n = ::read(fd, out.data() + got, out.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = fmt::format("read failed: {}", std::strerror(errno));
      ::close(fd);
      return false;
    }
    if (n == 0) break;  // the file shrank while being read
    got += static_cast<size_t>(n);
  }
  out.resize(got);
  size = static_cast<int64_t>(got);
  ::close(fd);
  return true;
}

std::string content_hash(std::string_view bytes) {
  XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
  return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

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

void set_extent(RepoFileRow& row, std::string_view text) {
  LineIndex lines(text);
  LineCol end = lines.locate(text.size());
  row.line_count = lines.line_count();
  row.end_line = end.line;
  row.end_col = end.col;
}

}  // namespace

ExtractedFile process_file(const ScannedFile& scanned, const FileLimits& limits,
                           PythonSyntaxExtractor& extractor) {
  ExtractedFile out;
  RepoFileRow& row = out.file;
  row.file_id = scanned.file_id;
  row.path = scanned.path;
  row.module = scanned.module;
  row.is_package_init = scanned.is_package_init;
  row.is_stub = scanned.is_stub;
  row.status = "ok";

  std::string bytes, error;
  bool too_large = false;
  int64_t size = 0;
  if (!read_whole_file(scanned.abs_path, limits.max_file_size, bytes, error, too_large, size)) {
    row.size_bytes = size;
    if (too_large) {
      row.status = "too_large";
      out.facts.diagnostics.push_back(file_diagnostic(
          scanned, "scan", "warning", "too_large",
          fmt::format("file is {} bytes, over the limit of {} bytes; raise --max-file-size to "
                      "index it",
                      size, limits.max_file_size)));
    } else {
      row.status = "unreadable";
      out.facts.diagnostics.push_back(
          file_diagnostic(scanned, "scan", "error", "unreadable", error));
    }
    return out;
  }
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
  const SourceText& text = std::get<SourceText>(decoded);
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
    if (!outcome.timed_out) bind_file_names(context, out.facts);
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
