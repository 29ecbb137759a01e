// Bulk loading of row structs: rows are written column by column into DuckDB data chunks
// (2048 rows each) and appended a chunk at a time, which costs a fraction of appending
// value by value.
#pragma once

#include <duckdb.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "store/duckdb_api.hpp"

namespace ca {

template <class T>
struct DuckType;
template <>
struct DuckType<uint64_t> {
  static constexpr duckdb_type id = DUCKDB_TYPE_UBIGINT;
};
template <>
struct DuckType<int64_t> {
  static constexpr duckdb_type id = DUCKDB_TYPE_BIGINT;
};
template <>
struct DuckType<int32_t> {
  static constexpr duckdb_type id = DUCKDB_TYPE_INTEGER;
};
template <>
struct DuckType<bool> {
  static constexpr duckdb_type id = DUCKDB_TYPE_BOOLEAN;
};
template <>
struct DuckType<double> {
  static constexpr duckdb_type id = DUCKDB_TYPE_DOUBLE;
};
template <>
struct DuckType<std::string> {
  static constexpr duckdb_type id = DUCKDB_TYPE_VARCHAR;
};
template <class T>
struct DuckType<std::optional<T>> {
  static constexpr duckdb_type id = DuckType<T>::id;
};

/// Appends `Row`s (see extract/facts.hpp for the columns(f) convention) to an existing table
/// whose columns match Row's. close() flushes; errors throw DbError naming the table.
template <class Row>
class RowWriter {
 public:
  /// Writes to `table` of `catalog` ("" = the connection's default database).
  RowWriter(Connection& con, std::string_view table, std::string_view catalog = {})
      : appender_(con, table, catalog), table_(table) {
    std::vector<duckdb_logical_type> types;
    Row{}.columns([&](std::string_view, const auto& value) {
      using T = std::decay_t<decltype(value)>;
      types.push_back(duckdb_create_logical_type(DuckType<T>::id));
    });
    chunk_ = duckdb_create_data_chunk(types.data(), types.size());
    for (auto& t : types) duckdb_destroy_logical_type(&t);
    columns_.resize(types.size());
    bind_vectors();
  }
  ~RowWriter() {
    if (chunk_) duckdb_destroy_data_chunk(&chunk_);
  }
  RowWriter(const RowWriter&) = delete;
  RowWriter& operator=(const RowWriter&) = delete;

  void add(const Row& row) {
    size_t col = 0;
    row.columns([&](std::string_view, const auto& value) { put(columns_[col++], value); });
    if (++rows_ == capacity_) flush();
  }

  /// Appends what is buffered and closes the appender.
  void close() {
    flush();
    appender_.close();
  }

 private:
  struct Column {
    duckdb_vector vector = nullptr;
    void* data = nullptr;
    uint64_t* validity = nullptr;  ///< made writable on first NULL
  };

  void bind_vectors() {
    for (size_t c = 0; c < columns_.size(); ++c) {
      columns_[c].vector = duckdb_data_chunk_get_vector(chunk_, c);
      columns_[c].data = duckdb_vector_get_data(columns_[c].vector);
      columns_[c].validity = nullptr;
    }
  }

  void flush() {
    if (rows_ == 0) return;
    duckdb_data_chunk_set_size(chunk_, rows_);
    appender_.append_chunk(chunk_);
    duckdb_data_chunk_reset(chunk_);
    bind_vectors();
    rows_ = 0;
  }

  void put(Column& c, const std::string& v) {
    duckdb_vector_assign_string_element_len(c.vector, rows_, v.data(), v.size());
  }
  template <class T>
  void put(Column& c, const std::optional<T>& v) {
    if (v) {
      put(c, *v);
      return;
    }
    if (!c.validity) {
      duckdb_vector_ensure_validity_writable(c.vector);
      c.validity = duckdb_vector_get_validity(c.vector);
    }
    duckdb_validity_set_row_invalid(c.validity, rows_);
  }
  template <class T>
  void put(Column& c, const T& v) {
    static_cast<T*>(c.data)[rows_] = v;
  }

  Appender appender_;
  std::string table_;
  duckdb_data_chunk chunk_ = nullptr;
  std::vector<Column> columns_;
  idx_t rows_ = 0;
  const idx_t capacity_ = duckdb_vector_size();
};

}  // namespace ca
