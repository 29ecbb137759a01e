// The configuration options shared by `build` and `config show`; see config_options.hpp.
#include "cli/config_options.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace ca::cli {
namespace {

std::string help_for(std::string_view key) {
  const ConfigKey& k = config_key(key);
  return fmt::format("{} [config key: {}; env: {}]", k.help, k.key, k.env);
}

}  // namespace

bool ConfigOptions::given(std::string_view key) const {
  auto it = options.find(key);
  return it != options.end() && it->second->count() > 0;
}

ConfigOverrides ConfigOptions::overrides() const {
  ConfigOverrides out;
  if (given("layers")) out.layers = layers;
  if (given("include")) out.include = include;
  if (given("exclude")) out.exclude = exclude;
  if (given("source_roots")) out.source_roots = source_roots;
  if (given("jobs")) out.jobs = jobs;
  if (given("output")) out.output = output;
  if (given("max_file_size")) out.max_file_size = max_file_size;
  if (given("parse_timeout_ms")) out.parse_timeout_ms = parse_timeout_ms;
  if (given("keep_evidence")) out.keep_evidence = keep_evidence;
  return out;
}

void add_config_options(CLI::App& command, ConfigOptions& values) {
  auto& o = values.options;
  o["output"] = command.add_option("-o,--output", values.output, help_for("output"));
  o["jobs"] =
      command.add_option("-j,--jobs", values.jobs, help_for("jobs"))->check(CLI::NonNegativeNumber);
  o["max_file_size"] =
      command.add_option("--max-file-size", values.max_file_size, help_for("max_file_size"))
          ->check(CLI::PositiveNumber);
  o["parse_timeout_ms"] =
      command
          .add_option("--parse-timeout-ms", values.parse_timeout_ms, help_for("parse_timeout_ms"))
          ->check(CLI::NonNegativeNumber);
  o["layers"] = command.add_option("--layers", values.layers, help_for("layers"))
                    ->delimiter(',')
                    ->allow_extra_args(false)
                    ->type_name("LIST");
  o["include"] = command.add_option("--include", values.include, help_for("include"))
                     ->allow_extra_args(false)
                     ->type_name("GLOB");
  o["exclude"] = command.add_option("--exclude", values.exclude, help_for("exclude"))
                     ->allow_extra_args(false)
                     ->type_name("GLOB");
  o["source_roots"] =
      command.add_option("--source-root", values.source_roots, help_for("source_roots"))
          ->allow_extra_args(false)
          ->type_name("DIR");
  o["keep_evidence"] =
      command.add_flag("--keep-evidence", values.keep_evidence, help_for("keep_evidence"));
}

BuildOptions build_options_for(const std::string& repo, const ResolvedConfig& config) {
  BuildOptions options;
  options.repo = repo;
  options.output_dir = config.output.value;
  options.jobs = config.jobs.value;
  options.max_file_size = config.max_file_size.value;
  options.parse_timeout_ms = config.parse_timeout_ms.value;
  options.layers = config.layers.value;
  options.include = config.include.value;
  options.exclude = config.exclude.value;
  options.source_roots = config.source_roots.value;
  options.keep_evidence = config.keep_evidence.value;
  return options;
}

ResolvedConfig resolve_logged(const std::string& repo, const ConfigOptions& values) {
  ResolvedConfig config = resolve_config(repo, values.overrides(), process_environment());
  for (const std::string& note : config.notes) spdlog::info("{}", note);
  for (const std::string& warning : config.warnings) spdlog::warn("{}", warning);
  return config;
}

}  // namespace ca::cli
