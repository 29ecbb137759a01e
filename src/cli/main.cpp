// Entry point of the codeanatomy command line: registers the commands, parses arguments and
// runs the chosen one. Exit status: 0 success, 1 usage error, 2 no graph could be
// produced/read.
#include <CLI/CLI.hpp>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "evidence/cpython/cpython_worker.hpp"

int main(int argc, char** argv) {
  // A worker process of the cpython layer (hidden; started by the build, cpython_worker.hpp).
  if (argc == 2 && std::string_view(argv[1]) == ca::kCpythonWorkerArg)
    return ca::run_cpython_worker();
  CLI::App app{"codeanatomy: a code property graph of a Python repository, queried with SQL"};
  app.set_version_flag("--version", std::string("codeanatomy ") + CA_VERSION);
  app.require_subcommand(1);

  ca::cli::GlobalOptions global;
  ca::cli::add_verbosity_flags(app, global);

  std::vector<ca::cli::RegisteredCommand> commands = {
      ca::cli::add_build_command(app, global),  ca::cli::add_query_command(app, global),
      ca::cli::add_export_command(app, global), ca::cli::add_diag_command(app, global),
      ca::cli::add_config_command(app, global), ca::cli::add_plan_command(app, global),
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 1;
  }
  ca::cli::configure_logging(global);
  for (const auto& command : commands)
    if (*command.app) return command.run();
  return 1;
}
