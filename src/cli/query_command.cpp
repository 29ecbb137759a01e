// `codeanatomy query`: a read-only SQL query rendered as table, CSV or JSON.
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/commands.hpp"
#include "store/read_query.hpp"
#include "store/result_format.hpp"

namespace ca::cli {

int run_query(const QueryCommand& command, const GlobalOptions&) {
  std::filesystem::path db;
  try {
    db = locate_database(command.target);
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return kExitNoGraph;
  }
  try {
    QueryResult result = run_read_only_query(db, command.sql);
    std::cout << format_result(result,
                               parse_result_format(command.format).value_or(ResultFormat::Table));
    return kExitOk;
  } catch (const QueryRejected& e) {
    spdlog::error("query refused: {}", e.what());
    return kExitUsage;
  } catch (const DbError& e) {
    spdlog::error("query failed: {}", e.what());
    return kExitUsage;
  }
}

}  // namespace ca::cli
