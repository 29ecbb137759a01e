// `codeanatomy export`: writes a built graph in another tool's format. Each format is a
// subcommand of `export`.
#include <spdlog/spdlog.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "export/callgraph_export.hpp"
#include "store/read_query.hpp"

namespace ca::cli {
namespace {

/// Writes `text` to `output`, or to stdout when `output` is empty.
int write_text_output(const std::string& text, const std::string& output) {
  if (output.empty()) {
    std::cout << text;
    return kExitOk;
  }
  std::ofstream out(output, std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    spdlog::error("cannot write {}", output);
    return kExitNoGraph;
  }
  return kExitOk;
}

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

RegisteredCommand add_export_command(CLI::App& app, GlobalOptions& global) {
  CLI::App* cmd = app.add_subcommand("export", "Export a built graph to other formats");
  cmd->require_subcommand(1);
  add_verbosity_flags(*cmd, global);

  auto callgraph = std::make_shared<CallgraphExport>();
  CLI::App* callgraph_cmd =
      cmd->add_subcommand("callgraph", "The call graph (CALLS_FUNCTION edges)");
  callgraph_cmd->add_option("DIR_OR_DB", callgraph->target, kGraphLocationHelp)->required();
  callgraph_cmd
      ->add_option("--format", callgraph->format, "pycg: PyCG's JSON (caller -> sorted callees)")
      ->check(CLI::IsMember({"pycg"}));
  callgraph_cmd->add_option("-o,--output", callgraph->output, "Write here instead of stdout");

  return {cmd, [callgraph_cmd, callgraph] {
            if (*callgraph_cmd) return run_callgraph_export(*callgraph);
            return kExitUsage;
          }};
}

}  // namespace ca::cli
