// The configuration options shared by `build` and `config show`: one registration, so that
// both accept and document the same options (kConfigKeys in config/config.hpp).
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "pipeline/build.hpp"

namespace ca::cli {

/// The raw values of the configuration options of one subcommand.
struct ConfigOptions {
  std::vector<std::string> layers;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::vector<std::string> source_roots;
  int jobs = 0;
  std::string output;
  int64_t max_file_size = 0;
  int64_t parse_timeout_ms = 0;
  bool keep_evidence = false;
  /// The registered options by configuration key ("jobs"), to tell which were given.
  std::map<std::string, CLI::Option*, std::less<>> options;

  /// What was given on the command line (nothing else).
  ConfigOverrides overrides() const;

 private:
  bool given(std::string_view key) const;
};

/// Adds -o/--output, -j/--jobs, --max-file-size, --parse-timeout-ms, --layers, --include,
/// --exclude, --source-root and --keep-evidence to `command`, storing into `values`.
void add_config_options(CLI::App& command, ConfigOptions& values);

/// The build of `repo` the resolved configuration describes (output, jobs, limits, layers,
/// file selection, source roots, evidence tables); the other BuildOptions keep their defaults.
BuildOptions build_options_for(const std::string& repo, const ResolvedConfig& config);

/// Resolves the configuration of `repo` with `values` and the process environment; logs
/// its notes (-v) and warnings. Throws ConfigError.
ResolvedConfig resolve_logged(const std::string& repo, const ConfigOptions& values);

}  // namespace ca::cli
