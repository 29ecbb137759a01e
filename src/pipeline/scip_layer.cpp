// The scip evidence layer of a build; see scip_layer.hpp.
#include "pipeline/scip_layer.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <stdexcept>

#include "core/file_read.hpp"
#include "core/ids.hpp"
#include "evidence/scip/scip_reader.hpp"

extern char** environ;

namespace ca {
namespace {

namespace fs = std::filesystem;

/// The whole of a file, or an empty string with `error` saying why not.
std::string read_file_or_error(const fs::path& path, std::string& error) {
  FileRead read = read_whole_file(path, std::numeric_limits<int64_t>::max());
  if (read.result != FileRead::Result::ok)
    error = read.error.empty() ? "cannot be read" : read.error;
  return std::move(read.bytes);
}

/// The last `max_lines` lines of a log file, for a diagnostic.
std::string log_tail(const fs::path& log, size_t max_lines) {
  std::string error;
  std::string text = read_file_or_error(log, error);
  size_t pos = text.size();
  while (pos > 0 && (text[pos - 1] == '\n' || text[pos - 1] == '\r')) --pos;
  text.resize(pos);
  size_t lines = 0;
  while (pos > 0 && lines < max_lines)
    if (text[--pos] == '\n') ++lines;
  return text.substr(pos == 0 ? 0 : pos + 1);
}

/// The layer's result when there is no index: one error diagnostic.
ScipFacts layer_error(std::string message) {
  DiagnosticRow d;
  d.layer = "scip";
  d.severity = "error";
  d.code = "scip_indexer_failed";
  d.message = std::move(message);
  ScipFacts facts;
  facts.diagnostics.push_back(std::move(d));
  return facts;
}

}  // namespace

fs::path default_scip_indexer() {
  if (const char* env = std::getenv("CODEANATOMY_SCIP_PYTHON"); env && *env) return env;
  return fs::path(CA_SOURCE_DIR) / "scripts" / "scip-python.sh";
}

ScipLayerRun::ScipLayerRun(const fs::path& repo, ScipLayerOptions options)
    : options_(std::move(options)) {
  if (!options_.index.empty()) {
    std::ifstream probe(options_.index, std::ios::binary);
    if (!probe || fs::is_directory(options_.index))
      throw std::runtime_error(fmt::format(
          "cannot read the SCIP index {}: give an index.scip file (scip-python's output), or "
          "leave out --scip-index to run scip-python",
          options_.index.string()));
    return;
  }
  if (options_.indexer.empty()) options_.indexer = default_scip_indexer();
  temp_index_ = options_.work_dir / fmt::format("cpg.duckdb.tmp-{}.scip", ::getpid());
  log_ = options_.work_dir / "scip-python.log";
  const std::string indexer = options_.indexer.string();
  const std::string repo_dir = fs::absolute(repo).lexically_normal().string();
  const std::string out = temp_index_.string();
  std::string name = fs::absolute(repo).lexically_normal().filename().string();
  if (name.empty()) name = "repo";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);  // its own group: stopped as one
  posix_spawnattr_setpgroup(&attr, 0);
  char* argv[] = {const_cast<char*>(indexer.c_str()), const_cast<char*>(repo_dir.c_str()),
                  const_cast<char*>(out.c_str()), name.data(), nullptr};
  pid_t pid = -1;
  const int rc = ::posix_spawn(&pid, indexer.c_str(), &actions, &attr, argv, environ);
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0)
    spawn_error_ = fmt::format("cannot start the SCIP indexer {}: {}", indexer, std::strerror(rc));
  else
    indexer_pid_ = pid;
}

ScipLayerRun::~ScipLayerRun() {
  stop_indexer();
  std::error_code ec;
  if (!temp_index_.empty()) fs::remove(temp_index_, ec);
}

void ScipLayerRun::stop_indexer() {
  if (indexer_pid_ <= 0) return;
  ::kill(-indexer_pid_, SIGTERM);
  int status = 0;
  while (::waitpid(indexer_pid_, &status, 0) < 0 && errno == EINTR) {
  }
  indexer_pid_ = -1;
}

ScipFacts ScipLayerRun::finish(const std::vector<ExtractedFile>& files) {
  fs::path index = options_.index;
  if (index.empty()) {
    // The indexer's outcome: an index, or one diagnostic saying why there is none.
    const std::string what_to_do =
        "check that scripts/setup.sh installed scip-python (or set CODEANATOMY_SCIP_PYTHON), or "
        "pass an index with --scip-index FILE";
    if (!spawn_error_.empty()) return layer_error(spawn_error_ + "; " + what_to_do);
    int status = 0;
    while (::waitpid(indexer_pid_, &status, 0) < 0 && errno == EINTR) {
    }
    indexer_pid_ = -1;
    const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (!ok) {
      std::string how = WIFEXITED(status)
                            ? fmt::format("exited with status {}", WEXITSTATUS(status))
                            : fmt::format("was killed by signal {}", WTERMSIG(status));
      return layer_error(fmt::format("the SCIP indexer {} {} (log {}: {}); {}",
                                     options_.indexer.string(), how, log_.string(),
                                     log_tail(log_, 3), what_to_do));
    }
    index = options_.work_dir / "scip-python.scip";
    std::error_code ec;
    fs::rename(temp_index_, index, ec);
    if (ec)
      throw std::runtime_error(
          fmt::format("cannot keep the SCIP index as {}: {}", index.string(), ec.message()));
    temp_index_.clear();
  }
  std::string error;
  const std::string bytes = read_file_or_error(index, error);
  if (!error.empty())
    throw std::runtime_error(fmt::format("the SCIP index {} {}", index.string(), error));
  digest_ = content_hash(bytes);
  std::vector<ScipIndexFile> index_files;
  index_files.reserve(files.size());
  for (const auto& e : files)
    index_files.push_back(ScipIndexFile{e.file.file_id, e.file.path, e.text.get()});
  try {
    return read_scip_index(bytes, index.string(), index_files).facts;
  } catch (const ScipIndexError& e) {
    throw std::runtime_error(fmt::format(
        "{}: give the index.scip written by a SCIP indexer (e.g. scip-python)", e.what()));
  }
}

}  // namespace ca
