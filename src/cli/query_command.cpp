// `codeanatomy query`: a read-only SQL query rendered as table, CSV or JSON.
#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "pipeline/table_placement.hpp"
#include "store/read_query.hpp"
#include "store/result_format.hpp"

namespace ca::cli {
namespace {

struct QueryCommand {
  std::string target;
  std::string sql;
  std::string format = "table";
};

/// A line to add to DuckDB's message when the query names an evidence table the graph does
/// not hold (built without --keep-evidence), else "".
std::string missing_evidence_hint(const std::string& message) {
  static constexpr std::string_view kPrefix = "Table with name ";
  const size_t at = message.find(kPrefix);
  if (at == std::string::npos) return {};
  const size_t start = at + kPrefix.size();
  const size_t end = message.find(' ', start);
  const std::string table = message.substr(start, end == std::string::npos ? end : end - start);
  if (!is_evidence_table(table)) return {};
  return fmt::format(
      "\nhint: {} is an evidence table; a build keeps those in the graph only with "
      "`codeanatomy build REPO --keep-evidence`",
      table);
}

int run_query(const QueryCommand& command) {
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
    spdlog::error("query failed: {}{}", e.what(), missing_evidence_hint(e.what()));
    return kExitUsage;
  }
}

}  // namespace

RegisteredCommand add_query_command(CLI::App& app, GlobalOptions& global) {
  auto query = std::make_shared<QueryCommand>();
  CLI::App* cmd = app.add_subcommand("query", "Run a read-only SQL query on a built graph");
  cmd->add_option("DIR_OR_DB", query->target, kGraphLocationHelp)->required();
  cmd->add_option("SQL", query->sql, "One SELECT statement")->required();
  cmd->add_option("--format", query->format, "Output format: table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  add_verbosity_flags(*cmd, global);
  return {cmd, [query] { return run_query(*query); }};
}

}  // namespace ca::cli
