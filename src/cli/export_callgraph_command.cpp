// `codeanatomy export callgraph`: the CALLS_FUNCTION edges in PyCG's JSON format.
#include <spdlog/spdlog.h>

#include <memory>

#include "cli/export_formats.hpp"
#include "export/callgraph_export.hpp"
#include "store/read_query.hpp"

namespace ca::cli {
namespace {

struct CallgraphExport {
  std::string target;
  std::string format = "pycg";
  std::string output;  ///< empty = stdout
};

int run_callgraph_export(const CallgraphExport& command) {
  std::string text;
  try {
    text = export_callgraph_pycg(locate_database(command.target));
  } catch (const std::exception& e) {
    spdlog::error("export failed: {}", e.what());
    return kExitNoGraph;
  }
  return write_text_output(text, command.output);
}

}  // namespace

RegisteredCommand add_callgraph_export(CLI::App& export_cmd) {
  auto options = std::make_shared<CallgraphExport>();
  CLI::App* cmd = export_cmd.add_subcommand("callgraph", "The call graph (CALLS_FUNCTION edges)");
  cmd->add_option("DIR_OR_DB", options->target, kGraphLocationHelp)->required();
  cmd->add_option("--format", options->format, "pycg: PyCG's JSON (caller -> sorted callees)")
      ->check(CLI::IsMember({"pycg"}));
  cmd->add_option("-o,--output", options->output, "Write here instead of stdout");
  return {cmd, [options] { return run_callgraph_export(*options); }};
}

}  // namespace ca::cli
