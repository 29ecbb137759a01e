// Parquet export: every table of a built graph as one zstd-compressed Parquet file, with
// column types that pandas, Polars and Spark read without casts.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ca {

/// The output directory of an export cannot be created or written. The message names it.
class ExportOutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// How one column is written: the SELECT expression over the quoted column and the type
/// it has in the Parquet file.
struct ParquetColumn {
  std::string name;          ///< the column's name, unchanged
  std::string source_type;   ///< its DuckDB type in the database
  std::string expression;    ///< SQL producing the written value, aliased to `name`
  std::string parquet_type;  ///< the DuckDB type written (BIGINT, VARCHAR, ...)
};

/// The portable form of a column of DuckDB type `type` (as duckdb_columns() spells it):
/// - UBIGINT -> BIGINT with the same 64 bits (two's complement: values >= 2^63 become
///   negative), so ids stay distinct and joins between tables still match;
/// - UINTEGER -> BIGINT, USMALLINT -> INTEGER, UTINYINT -> SMALLINT (value preserved);
/// - TIMESTAMP_S / TIMESTAMP_MS / TIMESTAMP_NS -> TIMESTAMP (microseconds);
/// - HUGEINT, UHUGEINT, UUID, ENUM, INTERVAL, TIME, TIME WITH TIME ZONE, BIT, VARINT,
///   UNION, the NULL type, and nested types holding any of these -> VARCHAR (DuckDB's
///   text form);
/// - every other type (BOOLEAN, signed integers, FLOAT, DOUBLE, DECIMAL, VARCHAR, BLOB,
///   DATE, TIMESTAMP, TIMESTAMP WITH TIME ZONE, lists/structs/maps of these) unchanged.
ParquetColumn portable_column(std::string_view name, std::string_view type);

/// One table written by export_parquet.
struct ParquetTable {
  std::string table;           ///< the table's name (schema-qualified outside `main`)
  std::filesystem::path file;  ///< the Parquet file written, under the output dir
  int64_t rows = 0;            ///< rows written
  std::vector<ParquetColumn> columns;
};

/// Writes every base table of the graph at `db` (found in DuckDB's catalog, views
/// excluded) as `out_dir/<table>.parquet` with zstd compression and the column types of
/// portable_column(). The database is opened read-only and no extension is installed or
/// loaded. Files are written into a temporary directory inside `out_dir` and renamed to
/// their final names only when every table was written, so a failure never leaves a
/// half-written file under a final name; existing files of the same names are replaced,
/// other files in `out_dir` are left alone. Table names are file names with characters
/// other than letters, digits, '_', '-' and '.' replaced by '_'; tables outside the `main`
/// schema are written as `<schema>.<table>.parquet`. Returns the tables in name order.
/// Throws ExportOutputError (naming the path) when `out_dir` cannot be created or
/// written, when something other than a file has a final name, or when two tables would
/// get one file name; DbError when the database cannot be read.
std::vector<ParquetTable> export_parquet(const std::filesystem::path& db,
                                         const std::filesystem::path& out_dir);

}  // namespace ca
