// `codeanatomy export`: writes a built graph in another tool's format.
#include <spdlog/spdlog.h>

#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "export/callgraph_export.hpp"
#include "store/read_query.hpp"

namespace ca::cli {

int run_export(const ExportCommand& command, const GlobalOptions&) {
  std::string text;
  try {
    std::filesystem::path db = locate_database(command.target);
    text = export_callgraph_pycg(db);
  } catch (const std::exception& e) {
    spdlog::error("export failed: {}", e.what());
    return kExitNoGraph;
  }
  if (command.output.empty()) {
    std::cout << text;
    return kExitOk;
  }
  std::ofstream out(command.output, std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    spdlog::error("cannot write {}", command.output);
    return kExitNoGraph;
  }
  return kExitOk;
}

}  // namespace ca::cli
