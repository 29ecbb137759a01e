// Configuration of a build: codeanatomy.toml at the repository root (or [tool.codeanatomy]
// in its pyproject.toml), CODEANATOMY_* environment variables and command-line options,
// merged into one resolved configuration that records where each value came from.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ca {

/// Where a configuration value came from; later sources win: command line > environment >
/// file > default.
enum class ConfigSource { Default, File, Environment, CommandLine };

/// "default", "file", "environment", "command line".
std::string_view config_source_name(ConfigSource source);

/// One key of the configuration, as it is spelled in each place.
struct ConfigKey {
  std::string_view key;     ///< in codeanatomy.toml / [tool.codeanatomy]
  std::string_view env;     ///< the environment variable
  std::string_view option;  ///< the long command-line option
  std::string_view help;    ///< what it means (for --help and the docs)
};

/// Every key, in the order `config show` prints them.
inline constexpr ConfigKey kConfigKeys[] = {
    {"layers", "CODEANATOMY_LAYERS", "--layers",
     "Evidence layers to run, comma-separated: ts (always), cpython, scip (default ts)"},
    {"include", "CODEANATOMY_INCLUDE", "--include",
     "Gitignore-style pattern, relative to REPO, of the files to index (repeatable; default: "
     "every Python file)"},
    {"exclude", "CODEANATOMY_EXCLUDE", "--exclude",
     "Gitignore-style pattern, relative to REPO, of files not to index; wins over include "
     "(repeatable)"},
    {"source_roots", "CODEANATOMY_SOURCE_ROOTS", "--source-root",
     "Directory, relative to REPO, that module names are computed from (repeatable; default: "
     "REPO and src/, detected)"},
    {"jobs", "CODEANATOMY_JOBS", "--jobs", "Worker threads, 0 = all cores (default 0)"},
    {"output", "CODEANATOMY_OUTPUT", "--output",
     "Output directory for cpg.duckdb (default REPO/.codeanatomy; relative to REPO in a "
     "config file)"},
    {"max_file_size", "CODEANATOMY_MAX_FILE_SIZE", "--max-file-size",
     "Files larger than this many bytes get status too_large (default 10485760)"},
    {"parse_timeout_ms", "CODEANATOMY_PARSE_TIMEOUT_MS", "--parse-timeout-ms",
     "Per-file parse time budget in milliseconds, 0 = none (default 10000)"},
    {"keep_evidence", "CODEANATOMY_KEEP_EVIDENCE", "--keep-evidence",
     "Keep the evidence tables the graph is built from (ts_*, py_*, scip_*, res_*, ev_*, "
     "sem_*) in cpg.duckdb, for querying them, `export scip` and `diag --evidence`; without "
     "it they live in memory during the build (default false)"},
};

/// The ConfigKey of `key` ("jobs"); throws std::out_of_range for a name not in kConfigKeys.
const ConfigKey& config_key(std::string_view key);

/// A resolved value and where it came from.
template <class T>
struct ConfigValue {
  T value{};
  ConfigSource source = ConfigSource::Default;
  /// Where exactly: "" (default), "PATH:LINE" (file), the variable's name (environment),
  /// the option's name (command line).
  std::string origin;
};

/// The effective configuration of one repository.
struct ResolvedConfig {
  std::filesystem::path repo;
  /// The file the configuration was read from (codeanatomy.toml or pyproject.toml), if any.
  std::optional<std::filesystem::path> file;
  ConfigValue<std::vector<std::string>> layers{{"ts"}, ConfigSource::Default, {}};
  ConfigValue<std::vector<std::string>> include;
  ConfigValue<std::vector<std::string>> exclude;
  ConfigValue<std::vector<std::string>> source_roots;  ///< normalized, "" = REPO itself
  ConfigValue<int> jobs{0, ConfigSource::Default, {}};
  ConfigValue<std::filesystem::path> output;  ///< default REPO/.codeanatomy
  ConfigValue<int64_t> max_file_size{10 * 1024 * 1024, ConfigSource::Default, {}};
  ConfigValue<int64_t> parse_timeout_ms{10000, ConfigSource::Default, {}};
  ConfigValue<bool> keep_evidence{false, ConfigSource::Default, {}};
  /// For the verbose log: which file was read, and why another was not.
  std::vector<std::string> notes;
  /// Problems that did not stop the resolution (an unreadable pyproject.toml that does not
  /// mention codeanatomy).
  std::vector<std::string> warnings;
};

/// Calls fn(key, value) for every setting of `config`, in kConfigKeys order.
template <class Fn>
void for_each_setting(const ResolvedConfig& config, Fn&& fn) {
  fn(config_key("layers"), config.layers);
  fn(config_key("include"), config.include);
  fn(config_key("exclude"), config.exclude);
  fn(config_key("source_roots"), config.source_roots);
  fn(config_key("jobs"), config.jobs);
  fn(config_key("output"), config.output);
  fn(config_key("max_file_size"), config.max_file_size);
  fn(config_key("parse_timeout_ms"), config.parse_timeout_ms);
  fn(config_key("keep_evidence"), config.keep_evidence);
}

/// Values given on the command line; nullopt = not given.
struct ConfigOverrides {
  std::optional<std::vector<std::string>> layers;
  std::optional<std::vector<std::string>> include;
  std::optional<std::vector<std::string>> exclude;
  std::optional<std::vector<std::string>> source_roots;
  std::optional<int> jobs;
  std::optional<std::filesystem::path> output;  ///< relative to the working directory
  std::optional<int64_t> max_file_size;
  std::optional<int64_t> parse_timeout_ms;
  std::optional<bool> keep_evidence;
};

/// Reads one environment variable; nullopt when unset.
using Environment = std::function<std::optional<std::string>(const std::string& name)>;

/// The process environment (getenv).
Environment process_environment();

/// A configuration that cannot be used: the message names the file and line, the
/// environment variable or the option, and the key.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Resolves the configuration of `repo`: defaults, then REPO/codeanatomy.toml (or, when
/// there is none, [tool.codeanatomy] of REPO/pyproject.toml), then the environment
/// (CODEANATOMY_*; an empty variable counts as unset; lists are comma-separated), then
/// `command_line`. Unknown keys, wrong types, invalid values, TOML syntax errors, unknown
/// or unimplemented layers and source roots that are not directories of REPO throw
/// ConfigError. A pyproject.toml that is not valid TOML is an error only when it mentions
/// codeanatomy (else a warning: the repository being indexed may hold broken files).
ResolvedConfig resolve_config(const std::filesystem::path& repo,
                              const ConfigOverrides& command_line, const Environment& env);

/// Parses the text of a configuration file into `config` (values marked as coming from
/// `path`). `table` is "" for codeanatomy.toml (top-level keys) or "tool.codeanatomy" for
/// pyproject.toml; returns false when that table is absent. Throws ConfigError like
/// resolve_config.
bool apply_config_text(ResolvedConfig& config, std::string_view text,
                       const std::filesystem::path& path, std::string_view table);

}  // namespace ca
