// The codeanatomy subcommands. Each command file registers its own subcommand and options
// on the application and returns how to run it; main.cpp only lists the commands.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace ca::cli {

/// Exit statuses of DESIGN.md §4.
inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 1;
inline constexpr int kExitNoGraph = 2;

struct GlobalOptions {
  bool quiet = false;
  bool verbose = false;
};

/// Sets the log level from -q / -v; logs go to stderr, colored only on a terminal and
/// when NO_COLOR is unset.
void configure_logging(const GlobalOptions& global);

/// Whether stderr may be coloured: it is a terminal and NO_COLOR is unset or empty.
bool stderr_color();

/// A registered subcommand: after parsing, `run` is called when `app` was chosen. `run`
/// returns the process exit status.
struct RegisteredCommand {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

/// Adds the -q/-v flags to a subcommand (they are also accepted before it).
void add_verbosity_flags(CLI::App& command, GlobalOptions& global);

/// The help text of a DIR_OR_DB positional argument, the same for every reading command.
inline constexpr const char* kGraphLocationHelp =
    "Output directory of a build, a repository with .codeanatomy/, or a cpg.duckdb file";

/// Where the configuration options of `build` and `config show` may also come from (the
/// footer of their --help).
inline constexpr const char* kConfigHelpFooter =
    "Every option above with a [config key] may also be set in REPO/codeanatomy.toml (or in "
    "[tool.codeanatomy] of REPO/pyproject.toml; codeanatomy.toml wins) and in its CODEANATOMY_* "
    "environment variable (lists comma-separated). Precedence: command line > environment > "
    "file > defaults. `codeanatomy config show REPO` prints the effective values and where "
    "each came from.";

/// `codeanatomy build`: prints a summary (text or JSON on stdout); on a terminal, progress
/// on stderr.
RegisteredCommand add_build_command(CLI::App& app, GlobalOptions& global);

/// `codeanatomy query`: the result on stdout; refusals and SQL errors on stderr (status 1).
RegisteredCommand add_query_command(CLI::App& app, GlobalOptions& global);

/// `codeanatomy export FORMAT`: writes a built graph in another tool's format.
RegisteredCommand add_export_command(CLI::App& app, GlobalOptions& global);

/// `codeanatomy diag`: integrity checks; 0 when clean, 2 with a report of each violation.
RegisteredCommand add_diag_command(CLI::App& app, GlobalOptions& global);

/// `codeanatomy plan`: the task DAG as text, JSON or Graphviz dot on stdout; 2 when the
/// views cannot be planned.
RegisteredCommand add_plan_command(CLI::App& app, GlobalOptions& global);

/// `codeanatomy config show`: the effective configuration and where each value came from.
RegisteredCommand add_config_command(CLI::App& app, GlobalOptions& global);

}  // namespace ca::cli
