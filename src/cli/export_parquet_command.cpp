// `codeanatomy export parquet`: every table of a built graph as a zstd Parquet file.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>

#include "cli/export_formats.hpp"
#include "export/parquet_export.hpp"
#include "store/read_query.hpp"

namespace ca::cli {
namespace {

constexpr const char* kParquetHelp =
    "Every table of the graph (found in the database's catalog: cpg_*, repo_*, diagnostics, "
    "ts_*, res_*, sem_*, run_*) as OUTDIR/<table>.parquet, zstd-compressed, with types that "
    "pandas, Polars and Spark read without casts: UBIGINT ids are written as BIGINT with the "
    "same 64 bits (values >= 2^63 become negative; joins between tables still match), "
    "UINTEGER/USMALLINT/UTINYINT as the next wider signed type, TIMESTAMP_S/MS/NS as "
    "TIMESTAMP, HUGEINT/UUID/ENUM/INTERVAL/TIME/BIT/UNION/NULL (also inside lists and structs) "
    "as VARCHAR. Files are renamed into place only when every table was written; other files "
    "in OUTDIR are left alone.";

struct ParquetExport {
  std::string target;
  std::string output;
};

int run_parquet_export(const ParquetExport& command) {
  std::filesystem::path db;
  try {
    db = locate_database(command.target);
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return kExitNoGraph;
  }
  std::vector<ParquetTable> tables;
  try {
    tables = export_parquet(db, command.output);
  } catch (const std::exception& e) {
    spdlog::error("parquet export failed: {}", e.what());
    return kExitNoGraph;
  }
  int64_t rows = 0;
  for (const ParquetTable& t : tables) {
    spdlog::debug("{}: {} rows -> {}", t.table, t.rows, t.file.string());
    rows += t.rows;
  }
  std::cout << fmt::format("wrote {} tables ({} rows) to {}\n", tables.size(), rows,
                           command.output);
  return kExitOk;
}

}  // namespace

RegisteredCommand add_parquet_export(CLI::App& export_cmd) {
  auto options = std::make_shared<ParquetExport>();
  CLI::App* cmd = export_cmd.add_subcommand("parquet", "Every table as a Parquet file");
  cmd->footer(kParquetHelp);
  cmd->add_option("DIR_OR_DB", options->target, kGraphLocationHelp)->required();
  cmd->add_option("-o,--output", options->output, "Directory to write (created if missing)")
      ->type_name("OUTDIR")
      ->required();
  return {cmd, [options] { return run_parquet_export(*options); }};
}

}  // namespace ca::cli
