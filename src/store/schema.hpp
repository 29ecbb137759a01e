// Table schemas derived from the row structs (extract/facts.hpp): the column list each row
// declares in columns(f) gives both the CREATE TABLE statement and the append order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/facts.hpp"
#include "store/duckdb_api.hpp"

namespace ca {

template <class T>
struct SqlType;
template <>
struct SqlType<uint64_t> {
  static constexpr std::string_view name = "UBIGINT";
};
template <>
struct SqlType<int64_t> {
  static constexpr std::string_view name = "BIGINT";
};
template <>
struct SqlType<int32_t> {
  static constexpr std::string_view name = "INTEGER";
};
template <>
struct SqlType<bool> {
  static constexpr std::string_view name = "BOOLEAN";
};
template <>
struct SqlType<double> {
  static constexpr std::string_view name = "DOUBLE";
};
template <>
struct SqlType<std::string> {
  static constexpr std::string_view name = "VARCHAR";
};
template <class T>
struct SqlType<std::optional<T>> {
  static constexpr std::string_view name = SqlType<T>::name;
};

/// `CREATE TABLE table (...)` with the columns and types `Row` declares.
template <class Row>
std::string create_table_sql(std::string_view table) {
  std::string sql = "CREATE TABLE " + std::string(table) + " (";
  bool first = true;
  Row{}.columns([&](std::string_view name, const auto& value) {
    using T = std::decay_t<decltype(value)>;
    if (!first) sql += ", ";
    first = false;
    sql += std::string(name) + " " + std::string(SqlType<T>::name);
  });
  return sql + ")";
}

/// Appends one row's values in column order.
template <class Row>
void append_row(Appender& appender, const Row& row) {
  row.columns([&](std::string_view, const auto& value) { appender.append(value); });
  appender.end_row();
}

/// Calls fn(table_name, rows) for every table of the whole-program resolver's output.
template <class Program, class F>
void for_each_program_table(Program& program, F&& fn) {
  fn("res_externals", program.externals);
  fn("res_imports", program.imports);
  fn("res_refs", program.refs);
  fn("res_inherits", program.inherits);
  fn("res_mro", program.mro);
  fn("res_overrides", program.overrides);
  fn("res_calls", program.calls);
}

/// The run_tasks row of one task (DESIGN.md §3).
struct RunTaskRow {
  std::string run_id;
  std::string task;
  std::string kind;  ///< extract, native, view
  int32_t generation = 0;
  std::string inputs;  ///< comma-separated input tables
  std::string fingerprint;
  bool cache_hit = false;
  int64_t rows_out = 0;
  double wall_ms = 0;

  template <class F>
  void columns(F&& f) const {
    f("run_id", run_id);
    f("task", task);
    f("kind", kind);
    f("generation", generation);
    f("inputs", inputs);
    f("fingerprint", fingerprint);
    f("cache_hit", cache_hit);
    f("rows_out", rows_out);
    f("wall_ms", wall_ms);
  }
};

/// One fact about a build (table run_info): repo_root, run_id, jobs, layers.
struct RunInfoRow {
  std::string key;
  std::string value;

  template <class F>
  void columns(F&& f) const {
    f("key", key);
    f("value", value);
  }
};

/// One row of the kind tables (cpg_node_kinds, cpg_edge_kinds) written from core/kinds.hpp.
struct KindRow {
  std::string kind;
  std::string description;

  template <class F>
  void columns(F&& f) const {
    f("kind", kind);
    f("description", description);
  }
};

}  // namespace ca
