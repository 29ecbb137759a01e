// RAII wrappers over DuckDB's C API; see duckdb_api.hpp.
#include "store/duckdb_api.hpp"

#include <fmt/format.h>

namespace ca {
namespace {

std::string result_error(duckdb_result& result) {
  const char* msg = duckdb_result_error(&result);
  return msg ? msg : "unknown DuckDB error";
}

void set_config(duckdb_config config, const char* key, const char* value) {
  if (duckdb_set_config(config, key, value) == DuckDBError)
    throw DbError(fmt::format("DuckDB rejected the setting {}={}", key, value));
}

}  // namespace

Database::Database(const std::filesystem::path& path, const DbOpenOptions& options) {
  duckdb_config config = nullptr;
  if (duckdb_create_config(&config) == DuckDBError) throw DbError("cannot create a DuckDB config");
  try {
    set_config(config, "access_mode", options.read_only ? "READ_ONLY" : "READ_WRITE");
    set_config(config, "autoinstall_known_extensions", "false");
    set_config(config, "autoload_known_extensions", "false");
    if (options.threads > 0) set_config(config, "threads", std::to_string(options.threads).c_str());
    if (!options.external_access) set_config(config, "enable_external_access", "false");
  } catch (...) {
    duckdb_destroy_config(&config);
    throw;
  }
  char* error = nullptr;
  std::string p = path.empty() ? std::string(":memory:") : path.string();
  duckdb_state state = duckdb_open_ext(p.c_str(), &db_, config, &error);
  duckdb_destroy_config(&config);
  if (state == DuckDBError) {
    std::string msg = error ? error : "unknown error";
    if (error) duckdb_free(error);
    throw DbError(fmt::format("cannot open database {}: {}", p, msg));
  }
  if (!options.memory_catalog.empty()) {
    try {
      Connection con(*this);
      con.execute(fmt::format("ATTACH ':memory:' AS {}", sql_identifier(options.memory_catalog)));
      const auto file_catalog = con.query("SELECT current_database()").value(0, 0);
      search_path_ = fmt::format("{}.main,{}.main", sql_identifier(file_catalog.value_or("main")),
                                 sql_identifier(options.memory_catalog));
    } catch (...) {
      duckdb_close(&db_);
      throw;
    }
  }
}

Database::~Database() {
  if (db_) duckdb_close(&db_);
}

static std::string type_name(duckdb_type id) {
  switch (id) {
    case DUCKDB_TYPE_BOOLEAN:
      return "BOOLEAN";
    case DUCKDB_TYPE_TINYINT:
      return "TINYINT";
    case DUCKDB_TYPE_SMALLINT:
      return "SMALLINT";
    case DUCKDB_TYPE_INTEGER:
      return "INTEGER";
    case DUCKDB_TYPE_BIGINT:
      return "BIGINT";
    case DUCKDB_TYPE_UBIGINT:
      return "UBIGINT";
    case DUCKDB_TYPE_UINTEGER:
      return "UINTEGER";
    case DUCKDB_TYPE_HUGEINT:
      return "HUGEINT";
    case DUCKDB_TYPE_FLOAT:
      return "FLOAT";
    case DUCKDB_TYPE_DOUBLE:
      return "DOUBLE";
    case DUCKDB_TYPE_DECIMAL:
      return "DECIMAL";
    case DUCKDB_TYPE_VARCHAR:
      return "VARCHAR";
    case DUCKDB_TYPE_LIST:
      return "LIST";
    case DUCKDB_TYPE_STRUCT:
      return "STRUCT";
    default:
      return "OTHER";
  }
}

QueryResult::QueryResult(duckdb_result result) {
  idx_t cols = duckdb_column_count(&result);
  for (idx_t c = 0; c < cols; ++c) {
    names_.emplace_back(duckdb_column_name(&result, c));
    types_.push_back(type_name(duckdb_column_type(&result, c)));
  }
  idx_t rows = duckdb_row_count(&result);
  rows_.resize(rows, std::vector<std::optional<std::string>>(cols));
  for (idx_t r = 0; r < rows; ++r) {
    for (idx_t c = 0; c < cols; ++c) {
      if (duckdb_value_is_null(&result, c, r)) continue;
      char* text = duckdb_value_varchar(&result, c, r);
      if (text) {
        rows_[r][c] = std::string(text);
        duckdb_free(text);
      }
    }
  }
  duckdb_destroy_result(&result);
}

QueryResult::~QueryResult() = default;
QueryResult::QueryResult(QueryResult&& other) noexcept = default;
size_t QueryResult::column_count() const {
  return names_.size();
}

Connection::Connection(Database& db) {
  if (duckdb_connect(db.handle(), &con_) == DuckDBError)
    throw DbError("cannot connect to the database");
  if (!db.search_path().empty()) {
    try {
      execute(fmt::format("SET search_path = {}", sql_quote(db.search_path())));
    } catch (...) {
      duckdb_disconnect(&con_);
      throw;
    }
  }
}

Connection::~Connection() {
  if (con_) duckdb_disconnect(&con_);
}

void Connection::execute(std::string_view sql) {
  duckdb_result result;
  std::string text(sql);
  if (duckdb_query(con_, text.c_str(), &result) == DuckDBError) {
    std::string msg = result_error(result);
    duckdb_destroy_result(&result);
    throw DbError(msg);
  }
  duckdb_destroy_result(&result);
}

QueryResult Connection::query(std::string_view sql) {
  duckdb_result result;
  std::string text(sql);
  if (duckdb_query(con_, text.c_str(), &result) == DuckDBError) {
    std::string msg = result_error(result);
    duckdb_destroy_result(&result);
    throw DbError(msg);
  }
  return QueryResult(result);
}

int64_t Connection::query_int(std::string_view sql) {
  QueryResult r = query(sql);
  if (r.row_count() == 0 || r.column_count() == 0 || !r.value(0, 0))
    throw DbError(fmt::format("query returned no value: {}", sql));
  return std::stoll(*r.value(0, 0));
}

Appender::Appender(Connection& con, std::string_view table, std::string_view catalog)
    : table_(table) {
  const std::string catalog_name(catalog);
  if (duckdb_appender_create_ext(con.handle(), catalog.empty() ? nullptr : catalog_name.c_str(),
                                 nullptr, table_.c_str(), &appender_) == DuckDBError) {
    std::string msg = appender_ ? duckdb_appender_error(appender_) : "unknown error";
    if (appender_) duckdb_appender_destroy(&appender_);
    throw DbError(fmt::format("cannot append to table {}: {}", table_, msg));
  }
}

Appender::~Appender() {
  if (appender_) duckdb_appender_destroy(&appender_);
}

void Appender::check(duckdb_state state, const char* what) {
  if (state == DuckDBError)
    throw DbError(fmt::format("appending to {} failed ({}): {}", table_, what,
                              duckdb_appender_error(appender_)));
}

void Appender::append(uint64_t v) {
  check(duckdb_append_uint64(appender_, v), "UBIGINT");
}
void Appender::append(int64_t v) {
  check(duckdb_append_int64(appender_, v), "BIGINT");
}
void Appender::append(int32_t v) {
  check(duckdb_append_int32(appender_, v), "INTEGER");
}
void Appender::append(bool v) {
  check(duckdb_append_bool(appender_, v), "BOOLEAN");
}
void Appender::append(double v) {
  check(duckdb_append_double(appender_, v), "DOUBLE");
}
void Appender::append(std::string_view v) {
  check(duckdb_append_varchar_length(appender_, v.data(), v.size()), "VARCHAR");
}
void Appender::append_null() {
  check(duckdb_append_null(appender_), "NULL");
}
void Appender::append_chunk(duckdb_data_chunk chunk) {
  check(duckdb_append_data_chunk(appender_, chunk), "data chunk");
}

void Appender::end_row() {
  check(duckdb_appender_end_row(appender_), "end of row");
}

void Appender::close() {
  if (!appender_) return;
  check(duckdb_appender_close(appender_), "flush");
  duckdb_appender_destroy(&appender_);
}

namespace {

std::string quoted(std::string_view s, char quote) {
  std::string out(1, quote);
  for (char c : s) {
    if (c == quote) out += quote;
    out += c;
  }
  out += quote;
  return out;
}

}  // namespace

std::string sql_quote(std::string_view s) {
  return quoted(s, '\'');
}

std::string sql_identifier(std::string_view s) {
  return quoted(s, '"');
}

}  // namespace ca
