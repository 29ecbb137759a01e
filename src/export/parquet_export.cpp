// Parquet export through DuckDB's COPY ... TO; see parquet_export.hpp.
#include "export/parquet_export.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <chrono>
#include <system_error>

#include "store/duckdb_api.hpp"

namespace ca {
namespace {

namespace fs = std::filesystem;

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

/// `name` as a double-quoted SQL identifier.
std::string quote_identifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

/// Whether the type text names a type that some reader cannot take as is, anywhere in it
/// (nested types included). Conservative: a struct field named like such a type counts.
bool mentions_unportable_type(std::string_view type) {
  static constexpr std::array<std::string_view, 19> kUnportable = {
      "UBIGINT", "UINTEGER", "USMALLINT",   "UTINYINT",     "HUGEINT",     "UHUGEINT", "UUID",
      "ENUM",    "INTERVAL", "TIME",        "TIMETZ",       "BIT",         "VARINT",   "BIGNUM",
      "UNION",   "NULL",     "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS"};
  std::string text = upper(type);
  // TIMESTAMP WITH TIME ZONE is portable; its words must not read as TIME.
  constexpr std::string_view kTimestampTz = "TIMESTAMP WITH TIME ZONE";
  for (size_t at; (at = text.find(kTimestampTz)) != std::string::npos;)
    text.replace(at, kTimestampTz.size(), "TIMESTAMPTZ");
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '\'') {  // an ENUM value or quoted name: skip to the closing quote
      size_t close = text.find('\'', i + 1);
      i = close == std::string::npos ? text.size() : close + 1;
      continue;
    }
    if (!std::isalnum(static_cast<unsigned char>(text[i])) && text[i] != '_') {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_'))
      ++end;
    std::string_view word(text.data() + i, end - i);
    for (std::string_view bad : kUnportable)
      if (word == bad) return true;
    i = end;
  }
  return false;
}

/// A file name for a table: letters, digits, '_', '-' and '.' kept, anything else '_'.
std::string file_stem(std::string_view schema, std::string_view table) {
  std::string name = schema == "main" ? std::string(table) : fmt::format("{}.{}", schema, table);
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.') c = '_';
  if (name.empty() || name[0] == '.') name.insert(0, "_");
  return name;
}

/// A fresh directory inside `out_dir` for the files being written; removed (with what is
/// left in it) when the export ends, whether it succeeded or not.
class StagingDir {
 public:
  explicit StagingDir(const fs::path& out_dir) {
    auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path_ = out_dir / fmt::format(".parquet-export-{}-{}", ::getpid(), stamp);
    std::error_code ec;
    if (!fs::create_directory(path_, ec) || ec)
      throw ExportOutputError(fmt::format("cannot write to output directory {}: {}",
                                          out_dir.string(),
                                          ec ? ec.message() : "staging directory exists"));
  }
  ~StagingDir() {
    // On success only the empty directory is left; on failure the partial files go too.
    // A cleanup failure is not reported: an error is already on its way, or the export
    // succeeded and only an empty hidden directory remains.
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  StagingDir(const StagingDir&) = delete;
  StagingDir& operator=(const StagingDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

ParquetColumn portable_column(std::string_view name, std::string_view type) {
  ParquetColumn col{std::string(name), std::string(type), "", std::string(type)};
  std::string q = quote_identifier(name);
  std::string t = upper(type);
  auto cast_to = [&](std::string_view target) {
    col.expression = fmt::format("CAST({} AS {})", q, target);
    col.parquet_type = std::string(target);
  };
  if (t == "UBIGINT") {
    // Same bits as a signed 64-bit integer: x - 2^64 for x >= 2^63.
    col.expression = fmt::format(
        "CAST(CAST({0} AS HUGEINT) - CASE WHEN {0} >= CAST('9223372036854775808' AS UBIGINT) "
        "THEN CAST('18446744073709551616' AS HUGEINT) ELSE CAST(0 AS HUGEINT) END AS BIGINT)",
        q);
    col.parquet_type = "BIGINT";
  } else if (t == "UINTEGER") {
    cast_to("BIGINT");
  } else if (t == "USMALLINT") {
    cast_to("INTEGER");
  } else if (t == "UTINYINT") {
    cast_to("SMALLINT");
  } else if (t == "TIMESTAMP_S" || t == "TIMESTAMP_MS" || t == "TIMESTAMP_NS") {
    cast_to("TIMESTAMP");
  } else if (mentions_unportable_type(t)) {
    cast_to("VARCHAR");
  } else {
    col.expression = q;
  }
  if (col.expression != q) col.expression += " AS " + q;
  return col;
}

std::vector<ParquetTable> export_parquet(const fs::path& db_path, const fs::path& out_dir) {
  DbOpenOptions options;
  options.read_only = true;  // extension autoinstall/autoload are off (duckdb_api.cpp)
  Database db(db_path, options);
  Connection con(db);

  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec || !fs::is_directory(out_dir))
    throw ExportOutputError(fmt::format("cannot create output directory {}: {}", out_dir.string(),
                                        ec ? ec.message() : "a file of that name exists"));

  std::vector<ParquetTable> tables;
  QueryResult names = con.query(
      "SELECT schema_name, table_name FROM duckdb_tables() "
      "WHERE database_name = current_database() AND NOT internal AND NOT temporary "
      "ORDER BY schema_name, table_name");
  StagingDir staging(out_dir);
  for (size_t r = 0; r < names.row_count(); ++r) {
    const std::string& schema = *names.value(r, 0);
    const std::string& table = *names.value(r, 1);
    ParquetTable out;
    out.table = schema == "main" ? table : schema + "." + table;
    out.file = out_dir / (file_stem(schema, table) + ".parquet");
    for (const ParquetTable& earlier : tables)
      if (earlier.file == out.file)
        throw ExportOutputError(fmt::format("tables {} and {} would both be written to {}",
                                            earlier.table, out.table, out.file.string()));
    QueryResult cols = con.query(fmt::format(
        "SELECT column_name, data_type FROM duckdb_columns() "
        "WHERE database_name = current_database() AND schema_name = {} AND table_name = {} "
        "ORDER BY column_index",
        sql_quote(schema), sql_quote(table)));
    std::string select;
    for (size_t c = 0; c < cols.row_count(); ++c) {
      out.columns.push_back(portable_column(*cols.value(c, 0), *cols.value(c, 1)));
      if (c) select += ", ";
      select += out.columns.back().expression;
    }
    fs::path staged = staging.path() / out.file.filename();
    out.rows = con.query_int(
        fmt::format("COPY (SELECT {} FROM {}.{}) TO {} (FORMAT parquet, COMPRESSION zstd)", select,
                    quote_identifier(schema), quote_identifier(table), sql_quote(staged.string())));
    tables.push_back(std::move(out));
  }
  // Every file is written; check the final names before replacing any, so that an
  // obstacle (a directory of that name) leaves the directory as it was.
  for (const ParquetTable& t : tables) {
    fs::file_status status = fs::symlink_status(t.file, ec);
    if (fs::exists(status) && !fs::is_regular_file(status))
      throw ExportOutputError(
          fmt::format("cannot write {}: something other than a file is there", t.file.string()));
  }
  for (const ParquetTable& t : tables) {
    fs::rename(staging.path() / t.file.filename(), t.file, ec);
    if (ec)
      throw ExportOutputError(fmt::format("cannot write {}: {}", t.file.string(), ec.message()));
  }
  return tables;
}

}  // namespace ca
