// The codeanatomy subcommands, each a function from parsed options to an exit status.
#pragma once

#include <cstdint>
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

struct BuildCommand {
  std::string repo;
  std::string output_dir;
  int jobs = 0;
  int64_t max_file_size = 10 * 1024 * 1024;
  int64_t parse_timeout_ms = 10000;
  bool json = false;
  std::string stop_after;  ///< "", "parse" or "extract"
  bool wait = false;
  bool no_root_package = false;
};

/// `codeanatomy build`: prints a summary (text on stderr... and stdout) or JSON.
int run_build(const BuildCommand& command, const GlobalOptions& global);

struct QueryCommand {
  std::string target;
  std::string sql;
  std::string format = "table";
};

/// `codeanatomy query`: the result on stdout; refusals and SQL errors on stderr (status 1).
int run_query(const QueryCommand& command, const GlobalOptions& global);

struct ExportCommand {
  std::string what;  ///< callgraph
  std::string target;
  std::string format = "pycg";
  std::string output;  ///< empty = stdout
};

/// `codeanatomy export callgraph`: writes the export to the output file or stdout.
int run_export(const ExportCommand& command, const GlobalOptions& global);

struct DiagCommand {
  std::string target;
};

/// `codeanatomy diag`: integrity checks; 0 when clean, 2 with a report of each violation.
int run_diag(const DiagCommand& command, const GlobalOptions& global);

}  // namespace ca::cli
