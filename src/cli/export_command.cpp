// `codeanatomy export`: writes a built graph in another tool's format. Each format is a
// subcommand of `export`, registered from its own file (see export_formats.hpp).
#include <spdlog/spdlog.h>

#include <fstream>
#include <iostream>
#include <vector>

#include "cli/commands.hpp"
#include "cli/export_formats.hpp"

namespace ca::cli {

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

RegisteredCommand add_export_command(CLI::App& app, GlobalOptions& global) {
  CLI::App* cmd = app.add_subcommand("export", "Export a built graph to other formats");
  cmd->require_subcommand(1);
  add_verbosity_flags(*cmd, global);
  std::vector<RegisteredCommand> formats = {
      add_callgraph_export(*cmd), add_parquet_export(*cmd), add_dot_export(*cmd),
      add_graphml_export(*cmd),   add_scip_export(*cmd),
  };
  return {cmd, [formats] {
            for (const auto& format : formats)
              if (*format.app) return format.run();
            return kExitUsage;
          }};
}

}  // namespace ca::cli
