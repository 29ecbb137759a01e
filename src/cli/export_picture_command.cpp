// `codeanatomy export dot` and `export graphml`: the call, import or inheritance graph as
// a picture. Both share one selection (export/graph_picture.hpp) and differ in the writer.
#include <spdlog/spdlog.h>

#include <memory>

#include "cli/export_formats.hpp"
#include "export/dot_writer.hpp"
#include "export/graph_picture.hpp"
#include "export/graphml_writer.hpp"
#include "store/read_query.hpp"

namespace ca::cli {
namespace {

struct PictureExport {
  std::string target;
  std::string what = "calls";
  PictureOptions options;
  std::string output;  ///< empty = stdout
};

using Writer = std::string (*)(const Picture&);

int run_picture_export(PictureExport command, Writer write) {
  command.options.what = *parse_picture_kind(command.what);
  Picture picture;
  try {
    picture = select_picture(locate_database(command.target), command.options);
  } catch (const std::exception& e) {
    spdlog::error("export failed: {}", e.what());
    return kExitNoGraph;
  }
  if (!command.options.module_prefix.empty() && picture.nodes.empty())
    spdlog::warn("no {} node belongs to a module matching {}", command.what,
                 command.options.module_prefix);
  spdlog::debug("{}: {} nodes, {} edges", command.what, picture.nodes.size(), picture.edges.size());
  return write_text_output(write(picture), command.output);
}

RegisteredCommand add_picture_export(CLI::App& export_cmd, const char* name,
                                     const char* description, Writer write) {
  auto command = std::make_shared<PictureExport>();
  CLI::App* cmd = export_cmd.add_subcommand(name, description);
  cmd->add_option("DIR_OR_DB", command->target, kGraphLocationHelp)->required();
  cmd->add_option("--what", command->what,
                  "calls: CALLS_FUNCTION between functions, lambdas and modules (module-level "
                  "code); imports: IMPORTS between the repository's modules; inherits: "
                  "INHERITS between the repository's classes. Externals are left out")
      ->check(CLI::IsMember({"calls", "imports", "inherits"}))
      ->capture_default_str();
  CLI::Option* module =
      cmd->add_option("--module", command->options.module_prefix,
                      "Keep the nodes of modules named PREFIX or below it, by dotted "
                      "components (django.db keeps django.db.models, not django.dbx); "
                      "default: the whole graph")
          ->type_name("PREFIX")
          ->check([](const std::string& prefix) {
            return prefix.empty() ? std::string("PREFIX must not be empty") : std::string();
          });
  cmd->add_option("--depth", command->options.depth,
                  "With --module: also the nodes reached from the kept ones by following up "
                  "to N edges forward (callees, imported modules, base classes) and those "
                  "reaching them in up to N edges backward (callers, importers, subclasses); "
                  "directions are not mixed. Edges between all shown nodes are drawn")
      ->type_name("N")
      ->check(CLI::NonNegativeNumber)
      ->needs(module)
      ->capture_default_str();
  cmd->add_option("-o,--output", command->output, "Write here instead of stdout")
      ->type_name("FILE");
  cmd->footer(
      "Without --module: every node of the kind (FUNCTION/LAMBDA/MODULE for calls, MODULE "
      "for imports, CLASS for inherits), isolated ones included, and every edge of the kind "
      "between them, one per (caller, callee) pair. Nodes are labelled with their qualified "
      "names and carry kind, qualname, path and line; nodes and edges are sorted, so the same "
      "graph gives the same bytes.");
  return {cmd, [command, write] { return run_picture_export(*command, write); }};
}

}  // namespace

RegisteredCommand add_dot_export(CLI::App& export_cmd) {
  return add_picture_export(export_cmd, "dot",
                            "The call, import or inheritance graph as Graphviz DOT", write_dot);
}

RegisteredCommand add_graphml_export(CLI::App& export_cmd) {
  return add_picture_export(export_cmd, "graphml",
                            "The call, import or inheritance graph as GraphML (Gephi, yEd)",
                            write_graphml);
}

}  // namespace ca::cli
