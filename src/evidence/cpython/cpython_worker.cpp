// The parent side of the cpython layer: worker processes, framing and position conversion;
// see cpython_worker.hpp.
#include "evidence/cpython/cpython_worker.hpp"

#include <fmt/format.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <stdexcept>
#include <vector>

extern char** environ;

namespace ca {
namespace {

/// Splits one reply line into its tab-separated fields (escapes left in place).
std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i)
    if (i == line.size() || line[i] == '\t') {
      out.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

std::string unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
  }
  return out;
}

std::optional<int32_t> opt_int(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int32_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size())
    throw std::runtime_error(fmt::format("bad number '{}' in cpython worker reply", s));
  return v;
}

int32_t req_int(std::string_view s) {
  auto v = opt_int(s);
  if (!v) throw std::runtime_error("missing number in cpython worker reply");
  return *v;
}

std::optional<std::string> opt_str(std::string_view s) {
  if (s.empty()) return std::nullopt;
  return unescape(s);
}

void need(const std::vector<std::string_view>& f, size_t n) {
  if (f.size() != n)
    throw std::runtime_error(
        fmt::format("cpython worker reply line '{}' has {} fields, not {}", f[0], f.size(), n));
}

DiagnosticRow layer_diagnostic(FileId file_id, const std::string& path, std::string code,
                               std::string message) {
  DiagnosticRow d;
  d.file_id = file_id;
  d.path = path;
  d.layer = "cpython";
  d.severity = "error";
  d.code = std::move(code);
  d.message = std::move(message);
  return d;
}

bool write_all(int fd, const char* data, size_t n) {
  while (n > 0) {
    ssize_t w = ::send(fd, data, n, MSG_NOSIGNAL);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

}  // namespace

OptSpan cpython_span(const SourceText& text, const LineIndex& lines, std::optional<int32_t> line,
                     std::optional<int32_t> col, std::optional<int32_t> end_line,
                     std::optional<int32_t> end_col) {
  OptSpan out;
  if (!line || !col || !end_line || !end_col) return out;
  const size_t size = text.utf8.size();
  size_t start = lines.offset_of(*line, *col, size);
  size_t end = lines.offset_of(*end_line, *end_col, size);
  if (end < start) end = start;
  out.set(make_span(text, lines, start, end));
  return out;
}

CpythonFacts parse_cpython_reply(std::string_view reply, FileId file_id, const std::string& path,
                                 const SourceText& text) {
  CpythonFacts facts;
  LineIndex lines(text.utf8);
  size_t pos = 0;
  bool ended = false;
  while (pos < reply.size()) {
    size_t nl = reply.find('\n', pos);
    if (nl == std::string_view::npos) throw std::runtime_error("cpython worker reply cut short");
    std::string_view line = reply.substr(pos, nl - pos);
    pos = nl + 1;
    if (line == "END") {
      ended = true;
      break;
    }
    auto f = split_fields(line);
    if (f[0] == "A") {
      need(f, 12);
      PyAstNodeRow r;
      r.file_id = file_id;
      r.ast_id = req_int(f[1]);
      r.parent_ast_id = opt_int(f[2]);
      r.kind = std::string(f[3]);
      r.field = opt_str(f[4]);
      r.field_index = opt_int(f[5]);
      r.name = opt_str(f[6]);
      r.ctx = opt_str(f[7]);
      r.span =
          cpython_span(text, lines, opt_int(f[8]), opt_int(f[9]), opt_int(f[10]), opt_int(f[11]));
      facts.ast_nodes.push_back(std::move(r));
    } else if (f[0] == "S") {
      need(f, 6);
      PySymtableScopeRow r;
      r.file_id = file_id;
      r.scope_index = req_int(f[1]);
      r.parent_scope_index = opt_int(f[2]);
      r.scope_type = std::string(f[3]);
      r.name = unescape(f[4]);
      r.line = req_int(f[5]);
      facts.scopes.push_back(std::move(r));
    } else if (f[0] == "Y") {
      need(f, 5);
      if (f[3].size() != 12) throw std::runtime_error("bad symbol flags in cpython worker reply");
      PySymtableSymbolRow r;
      r.file_id = file_id;
      r.scope_index = req_int(f[1]);
      r.name = unescape(f[2]);
      bool* bits[] = {&r.is_local,    &r.is_global,     &r.is_declared_global, &r.is_nonlocal,
                      &r.is_free,     &r.is_cell,       &r.is_parameter,       &r.is_imported,
                      &r.is_assigned, &r.is_referenced, &r.is_annotated,       &r.is_namespace};
      for (size_t i = 0; i < 12; ++i) *bits[i] = f[3][i] == '1';
      r.raw_flags = req_int(f[4]);
      facts.symbols.push_back(std::move(r));
    } else if (f[0] == "B") {
      need(f, 11);
      PyBytecodeRow r;
      r.file_id = file_id;
      r.code_id = req_int(f[1]);
      r.qualname = unescape(f[2]);
      r.offset = req_int(f[3]);
      r.opname = std::string(f[4]);
      r.arg = opt_int(f[5]);
      r.argrepr = unescape(f[6]);
      r.span =
          cpython_span(text, lines, opt_int(f[7]), opt_int(f[8]), opt_int(f[9]), opt_int(f[10]));
      facts.instructions.push_back(std::move(r));
    } else if (f[0] == "E") {
      need(f, 7);
      DiagnosticRow d =
          layer_diagnostic(file_id, path, "syntax_error",
                           fmt::format("CPython 3.11 cannot compile this file ({} stage): {}", f[1],
                                       unescape(f[6])));
      OptSpan s =
          cpython_span(text, lines, opt_int(f[2]), opt_int(f[3]), opt_int(f[4]), opt_int(f[5]));
      d.bstart = s.bstart, d.bend = s.bend, d.start_line = s.start_line;
      d.start_col = s.start_col, d.end_line = s.end_line, d.end_col = s.end_col;
      facts.diagnostics.push_back(std::move(d));
    } else if (f[0] == "X") {
      need(f, 2);
      facts.diagnostics.push_back(layer_diagnostic(
          file_id, path, "internal_error",
          fmt::format("the cpython layer failed on this file ({}); please report it",
                      unescape(f[1]))));
    } else {
      throw std::runtime_error(fmt::format("unknown row '{}' in cpython worker reply", f[0]));
    }
  }
  if (!ended) throw std::runtime_error("cpython worker reply has no END");
  return facts;
}

CpythonWorker::CpythonWorker(std::filesystem::path exe) : exe_(std::move(exe)) {
  if (exe_.empty()) exe_ = "/proc/self/exe";
}

CpythonWorker::~CpythonWorker() {
  stop();
}

bool CpythonWorker::start(std::string& error) {
  int sv[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
    error = fmt::format("socketpair: {}", std::strerror(errno));
    return false;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, sv[1], 0);
  posix_spawn_file_actions_adddup2(&actions, sv[1], 1);
  // Spawned as given: /proc/self/exe is this very program even if its file was replaced
  // or deleted during the build.
  std::string exe_s = exe_.string();
  std::string arg(kCpythonWorkerArg);
  char* argv[] = {exe_s.data(), arg.data(), nullptr};
  pid_t pid = 0;
  int rc = ::posix_spawn(&pid, exe_s.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(sv[1]);
  if (rc != 0) {
    ::close(sv[0]);
    error = fmt::format("cannot start {} {}: {}", exe_s, arg, std::strerror(rc));
    return false;
  }
  fd_ = sv[0];
  pid_ = pid;
  return true;
}

void CpythonWorker::stop() {
  if (fd_ >= 0) ::close(fd_);  // the worker sees end of input and exits
  fd_ = -1;
  if (pid_ > 0) {
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
  pid_ = -1;
}

bool CpythonWorker::exchange(std::string_view text, std::string& reply, std::string& error) {
  if (fd_ < 0 && !start(error)) return false;
  std::string header = fmt::format("{}\n", text.size());
  if (!write_all(fd_, header.data(), header.size()) || !write_all(fd_, text.data(), text.size())) {
    error = fmt::format("cannot send the file to the cpython worker: {}", std::strerror(errno));
    return false;
  }
  reply.clear();
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = n == 0 ? "the cpython worker exited" : std::strerror(errno);
      return false;
    }
    reply.append(buf, static_cast<size_t>(n));
    // Complete when the reply ends with the END line.
    if (reply.size() >= 4 && reply.compare(reply.size() - 4, 4, "END\n") == 0 &&
        (reply.size() == 4 || reply[reply.size() - 5] == '\n'))
      return true;
  }
}

CpythonFacts CpythonWorker::analyze(FileId file_id, const std::string& path,
                                    const SourceText& text) {
  std::string reply, error;
  if (!exchange(text.utf8, reply, error)) {
    stop();  // a fresh worker for the next file
    CpythonFacts facts;
    facts.diagnostics.push_back(layer_diagnostic(
        file_id, path, "worker_failed",
        fmt::format("the cpython worker failed on this file ({}); its other layers are kept",
                    error)));
    return facts;
  }
  try {
    return parse_cpython_reply(reply, file_id, path, text);
  } catch (const std::exception& e) {
    stop();
    CpythonFacts facts;
    facts.diagnostics.push_back(layer_diagnostic(
        file_id, path, "internal_error",
        fmt::format("unreadable reply from the cpython worker ({}); please report this file",
                    e.what())));
    return facts;
  }
}

}  // namespace ca
