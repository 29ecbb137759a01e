// Entry point of the codeanatomy command line: parses arguments and dispatches to the
// commands. Exit status: 0 success, 1 usage error, 2 no graph could be produced/read.
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"codeanatomy: a code property graph of a Python repository, queried with SQL"};
  app.set_version_flag("--version", std::string("codeanatomy ") + CA_VERSION);
  app.require_subcommand(1);

  ca::cli::GlobalOptions global;
  app.add_flag("-q,--quiet", global.quiet, "Print only errors");
  app.add_flag("-v,--verbose", global.verbose, "Print progress details");

  ca::cli::BuildCommand build;
  CLI::App* build_cmd = app.add_subcommand("build", "Index a repository into DIR/cpg.duckdb");
  build_cmd->add_option("REPO", build.repo, "Repository or directory to index")->required();
  build_cmd->add_option("-o,--output", build.output_dir,
                        "Output directory for cpg.duckdb (default: REPO/.codeanatomy)");
  build_cmd->add_option("-j,--jobs", build.jobs, "Worker threads (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  build_cmd
      ->add_option("--max-file-size", build.max_file_size,
                   "Files larger than this many bytes get status too_large (default 10 MiB)")
      ->check(CLI::PositiveNumber);
  build_cmd
      ->add_option("--parse-timeout-ms", build.parse_timeout_ms,
                   "Per-file parse time budget in milliseconds, 0 = none (default 10000)")
      ->check(CLI::NonNegativeNumber);
  build_cmd
      ->add_option("--stop-after", build.stop_after,
                   "Stop after a stage and print its timings, writing nothing: parse (the "
                   "parse floor) or extract")
      ->check(CLI::IsMember({"parse", "extract"}));
  build_cmd->add_flag("--no-root-package", build.no_root_package,
                      "Name modules relative to REPO even when REPO holds __init__.py (REPO is "
                      "a directory of scripts rather than a package)");
  build_cmd->add_flag("--wait", build.wait,
                      "If another build is writing the same output, wait for it instead of "
                      "failing at once");
  build_cmd->add_flag("--json", build.json, "Print the summary as JSON on stdout");
  build_cmd->add_flag("-q,--quiet", global.quiet, "Print only errors");
  build_cmd->add_flag("-v,--verbose", global.verbose, "Print progress details");

  ca::cli::QueryCommand query;
  CLI::App* query_cmd = app.add_subcommand("query", "Run a read-only SQL query on a built graph");
  query_cmd
      ->add_option("DIR_OR_DB", query.target,
                   "Output directory of a build, a repository with .codeanatomy/, or a "
                   "cpg.duckdb file")
      ->required();
  query_cmd->add_option("SQL", query.sql, "One SELECT statement")->required();
  query_cmd->add_option("--format", query.format, "Output format: table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  query_cmd->add_flag("-q,--quiet", global.quiet, "Print only errors");

  ca::cli::ExportCommand export_command;
  CLI::App* export_cmd = app.add_subcommand("export", "Export a built graph to other formats");
  export_cmd->require_subcommand(1);
  CLI::App* callgraph_cmd =
      export_cmd->add_subcommand("callgraph", "The call graph (CALLS_FUNCTION edges)");
  callgraph_cmd
      ->add_option("DIR_OR_DB", export_command.target,
                   "Output directory of a build, a repository with .codeanatomy/, or a "
                   "cpg.duckdb file")
      ->required();
  callgraph_cmd
      ->add_option("--format", export_command.format,
                   "pycg: PyCG's JSON (caller -> sorted callees)")
      ->check(CLI::IsMember({"pycg"}));
  callgraph_cmd->add_option("-o,--output", export_command.output, "Write here instead of stdout");
  callgraph_cmd->callback([&] { export_command.what = "callgraph"; });

  ca::cli::DiagCommand diag;
  CLI::App* diag_cmd = app.add_subcommand(
      "diag", "Check a built graph: table contracts, ids, edges, spans, kinds, orphan rows");
  diag_cmd
      ->add_option("DIR_OR_DB", diag.target,
                   "Output directory of a build, a repository with .codeanatomy/, or a "
                   "cpg.duckdb file")
      ->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 1;
  }
  ca::cli::configure_logging(global);
  if (*build_cmd) return ca::cli::run_build(build, global);
  if (*query_cmd) return ca::cli::run_query(query, global);
  if (*export_cmd) return ca::cli::run_export(export_command, global);
  if (*diag_cmd) return ca::cli::run_diag(diag, global);
  return 1;
}
