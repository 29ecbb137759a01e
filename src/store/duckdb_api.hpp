// A thin RAII layer over DuckDB's C API: databases, connections, query results and
// appenders. The one place that talks to DuckDB directly.
#pragma once

#include <duckdb.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ca {

/// A DuckDB failure (open, query, append) with DuckDB's message. Stops the run.
class DbError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct DbOpenOptions {
  bool read_only = false;
  /// false: no access to other files, no ATTACH/COPY/extension installs (for queries).
  bool external_access = true;
  int threads = 0;  ///< 0 = DuckDB's default
  /// When not empty: an in-memory database attached under this name for the Database's
  /// lifetime and put on every connection's search path after the file's own tables, so
  /// queries find tables of either by their bare names. What is created in it is never
  /// written to the file.
  std::string memory_catalog;
};

/// An open database file (or ":memory:" / empty path for an in-memory one).
class Database {
 public:
  Database(const std::filesystem::path& path, const DbOpenOptions& options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  duckdb_database handle() const { return db_; }
  /// The search path of this database's connections ("" = DuckDB's default).
  const std::string& search_path() const { return search_path_; }

 private:
  duckdb_database db_ = nullptr;
  std::string search_path_;
};

/// A materialized query result; values read as text (NULL -> nullopt).
class QueryResult {
 public:
  explicit QueryResult(duckdb_result result);
  ~QueryResult();
  QueryResult(QueryResult&& other) noexcept;
  QueryResult(const QueryResult&) = delete;
  QueryResult& operator=(const QueryResult&) = delete;
  QueryResult& operator=(QueryResult&&) = delete;

  size_t column_count() const;
  size_t row_count() const { return rows_.size(); }
  const std::string& column_name(size_t col) const { return names_[col]; }
  const std::string& column_type(size_t col) const { return types_[col]; }
  /// The value at (row, col) cast to VARCHAR, or nullopt for NULL.
  const std::optional<std::string>& value(size_t row, size_t col) const { return rows_[row][col]; }

 private:
  std::vector<std::string> names_;
  std::vector<std::string> types_;
  std::vector<std::vector<std::optional<std::string>>> rows_;
};

/// A connection. Not thread-safe; one per thread.
class Connection {
 public:
  explicit Connection(Database& db);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  duckdb_connection handle() const { return con_; }

  /// Runs `sql` (one or more statements); throws DbError with DuckDB's message on failure.
  void execute(std::string_view sql);
  /// Runs one query and materializes its result; throws DbError on failure.
  QueryResult query(std::string_view sql);
  /// The first column of the first row as an integer; throws DbError if absent.
  int64_t query_int(std::string_view sql);

 private:
  duckdb_connection con_ = nullptr;
};

/// Appends rows to one table, value by value in column order. Flushes on close().
class Appender {
 public:
  /// Appends to `table` of `catalog` ("" = the connection's default database).
  Appender(Connection& con, std::string_view table, std::string_view catalog = {});
  ~Appender();
  Appender(const Appender&) = delete;
  Appender& operator=(const Appender&) = delete;

  void append(uint64_t v);
  void append(int64_t v);
  void append(int32_t v);
  void append(bool v);
  void append(double v);
  void append(std::string_view v);
  void append_null();
  template <class T>
  void append(const std::optional<T>& v) {
    if (v)
      append(*v);
    else
      append_null();
  }
  void append(const std::string& v) { append(std::string_view(v)); }
  void end_row();
  /// Appends a whole data chunk whose columns match the table's.
  void append_chunk(duckdb_data_chunk chunk);
  /// Flushes and closes; throws DbError with the table name on failure.
  void close();

 private:
  void check(duckdb_state state, const char* what);
  duckdb_appender appender_ = nullptr;
  std::string table_;
};

/// Quotes `s` as an SQL string literal.
std::string sql_quote(std::string_view s);

/// Quotes `s` as an SQL identifier ("name", inner quotes doubled).
std::string sql_identifier(std::string_view s);

}  // namespace ca
