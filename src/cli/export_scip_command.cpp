// `codeanatomy export scip`: definitions, references and imports as a SCIP index.
#include <spdlog/spdlog.h>

#include <memory>

#include "cli/export_formats.hpp"
#include "export/scip_export.hpp"
#include "store/read_query.hpp"

namespace ca::cli {
namespace {

struct ScipExport {
  std::string target;
  std::string output = "index.scip";  ///< "-" = stdout
  std::string project_name;
  std::string project_version;
};

int run_scip_export(const ScipExport& command) {
  ScipExportOptions options;
  options.project_name = command.project_name;
  options.project_version = command.project_version;
  options.tool_version = CA_VERSION;
  options.tool_arguments = {"export", "scip"};
  if (!command.project_name.empty())
    options.tool_arguments.insert(options.tool_arguments.end(),
                                  {"--project-name", command.project_name});
  if (!command.project_version.empty())
    options.tool_arguments.insert(options.tool_arguments.end(),
                                  {"--project-version", command.project_version});
  std::string bytes;
  ScipExportStats stats;
  try {
    bytes = export_scip(locate_database(command.target), options, &stats);
  } catch (const std::exception& e) {
    spdlog::error("export failed: {}", e.what());
    return kExitNoGraph;
  }
  spdlog::info(
      "SCIP index: {} documents, {} definitions, {} references, {} imports, {} symbols, "
      "{} external symbols; {} targets without a SCIP symbol left out",
      stats.documents, stats.definitions, stats.references, stats.imports, stats.symbols,
      stats.external_symbols, stats.dropped_targets);
  return write_text_output(bytes, command.output == "-" ? std::string() : command.output);
}

}  // namespace

RegisteredCommand add_scip_export(CLI::App& export_cmd) {
  auto options = std::make_shared<ScipExport>();
  CLI::App* cmd = export_cmd.add_subcommand(
      "scip", "Definitions, references and imports as a SCIP index (protobuf)");
  cmd->add_option("DIR_OR_DB", options->target, kGraphLocationHelp)->required();
  cmd->add_option("-o,--output", options->output,
                  "Write here (default: index.scip; '-' for stdout)");
  cmd->add_option("--project-name", options->project_name,
                  "Package name in the symbols (default: the repository directory's name)");
  cmd->add_option("--project-version", options->project_version,
                  "Package version in the symbols (default: none, written '.')");
  return {cmd, [options] { return run_scip_export(*options); }};
}

}  // namespace ca::cli
