// Logging setup for the command line: stderr, level from -q/-v, NO_COLOR respected.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdlib>

#include "cli/commands.hpp"

namespace ca::cli {

bool stderr_color() {
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(STDERR_FILENO) && !(no_color && *no_color);
}

void configure_logging(const GlobalOptions& global) {
  auto logger = spdlog::stderr_color_mt("codeanatomy");
  bool color = stderr_color();
  auto* sink = dynamic_cast<spdlog::sinks::stderr_color_sink_mt*>(logger->sinks().front().get());
  if (sink) sink->set_color_mode(color ? spdlog::color_mode::automatic : spdlog::color_mode::never);
  logger->set_pattern("%^%l%$: %v");
  logger->set_level(global.quiet     ? spdlog::level::err
                    : global.verbose ? spdlog::level::debug
                                     : spdlog::level::warn);
  spdlog::set_default_logger(logger);
}

void add_verbosity_flags(CLI::App& command, GlobalOptions& global) {
  command.add_flag("-q,--quiet", global.quiet, "Print only errors");
  command.add_flag("-v,--verbose", global.verbose, "Print progress details");
}

}  // namespace ca::cli
