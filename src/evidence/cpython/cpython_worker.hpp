// The cpython evidence layer: CPython 3.11 (Debian's libpython3.11, embedded with an
// isolated configuration) runs `ast`, `symtable` and `dis` over each file in worker
// processes, so the GIL never serialises a build. A worker is this program itself started
// as `<exe> __cpython-worker` (posix_spawn, safe in a threaded process); it talks over a
// socket pair on its stdin/stdout:
//   request: "<nbytes>\n" followed by the file's UTF-8 text (BOM removed, decoded per PEP 263)
//   reply:   tab-separated lines (\\ \t \n \r escaped), one per row, then "END"
//            A ast node, S scope, Y symbol, B instruction, E compile error, X driver failure
// CPython's positions (1-based line, 0-based UTF-8 byte column into that text) are turned
// into canonical spans (original file bytes) with the file's LineIndex and SourceText.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/source_text.hpp"
#include "evidence/cpython/cpython_facts.hpp"

namespace ca {

/// The argument that starts a worker: `codeanatomy __cpython-worker`.
inline constexpr std::string_view kCpythonWorkerArg = "__cpython-worker";

/// Runs the worker loop on stdin/stdout until stdin closes; returns the exit status.
/// Called by main() when argv[1] is kCpythonWorkerArg, before anything else starts.
int run_cpython_worker();

/// The canonical span of a CPython position (1-based lines, 0-based UTF-8 byte columns in
/// text.utf8); absent when any part is absent. Out-of-range positions are clamped to the text.
OptSpan cpython_span(const SourceText& text, const LineIndex& lines, std::optional<int32_t> line,
                     std::optional<int32_t> col, std::optional<int32_t> end_line,
                     std::optional<int32_t> end_col);

/// Turns a worker's reply for one file into rows. Throws std::runtime_error for a
/// malformed reply.
CpythonFacts parse_cpython_reply(std::string_view reply, FileId file_id, const std::string& path,
                                 const SourceText& text);

/// One worker process, started on first use and restarted after it dies. Not thread-safe:
/// one per thread.
class CpythonWorker {
 public:
  /// `exe`: the program to start with kCpythonWorkerArg; empty = this program.
  explicit CpythonWorker(std::filesystem::path exe = {});
  ~CpythonWorker();
  CpythonWorker(const CpythonWorker&) = delete;
  CpythonWorker& operator=(const CpythonWorker&) = delete;

  /// The layer's rows for one file. Never throws for bad input: a file CPython cannot
  /// compile, a worker that dies or answers nonsense gives a diagnostics row (layer cpython).
  CpythonFacts analyze(FileId file_id, const std::string& path, const SourceText& text);

 private:
  bool start(std::string& error);
  void stop();
  bool exchange(std::string_view text, std::string& reply, std::string& error);

  std::filesystem::path exe_;
  int fd_ = -1;
  int pid_ = -1;
};

}  // namespace ca
