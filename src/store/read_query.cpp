// Read-only query execution; see read_query.hpp.
#include "store/read_query.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

namespace ca {
namespace {

const char* statement_type_name(duckdb_statement_type type) {
  switch (type) {
    case DUCKDB_STATEMENT_TYPE_INSERT:
      return "INSERT";
    case DUCKDB_STATEMENT_TYPE_UPDATE:
      return "UPDATE";
    case DUCKDB_STATEMENT_TYPE_DELETE:
      return "DELETE";
    case DUCKDB_STATEMENT_TYPE_CREATE:
      return "CREATE";
    case DUCKDB_STATEMENT_TYPE_DROP:
      return "DROP";
    case DUCKDB_STATEMENT_TYPE_ALTER:
      return "ALTER";
    case DUCKDB_STATEMENT_TYPE_COPY:
      return "COPY";
    case DUCKDB_STATEMENT_TYPE_ATTACH:
      return "ATTACH";
    case DUCKDB_STATEMENT_TYPE_DETACH:
      return "DETACH";
    case DUCKDB_STATEMENT_TYPE_PRAGMA:
      return "PRAGMA";
    case DUCKDB_STATEMENT_TYPE_SET:
      return "SET";
    case DUCKDB_STATEMENT_TYPE_LOAD:
      return "LOAD/INSTALL";
    case DUCKDB_STATEMENT_TYPE_EXPORT:
      return "EXPORT";
    case DUCKDB_STATEMENT_TYPE_TRANSACTION:
      return "transaction control";
    case DUCKDB_STATEMENT_TYPE_CALL:
      return "CALL";
    default:
      return "non-read";
  }
}

/// `s` as one word of a POSIX shell command: as it is when it holds only characters no shell
/// treats specially, else single-quoted.
std::string shell_word(std::string_view s) {
  const bool plain = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("_./-+:@%,=").find(c) != std::string_view::npos;
  });
  if (plain) return std::string(s);
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::filesystem::path locate_database(const std::filesystem::path& dir_or_db) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_regular_file(dir_or_db, ec)) return dir_or_db;
  for (const fs::path& candidate :
       {dir_or_db / "cpg.duckdb", dir_or_db / ".codeanatomy" / "cpg.duckdb"})
    if (fs::is_regular_file(candidate, ec)) return candidate;
  throw std::runtime_error(fmt::format(
      "no graph at {}: expected a cpg.duckdb file, DIR/cpg.duckdb or DIR/.codeanatomy/cpg.duckdb "
      "(run `codeanatomy build` first)",
      dir_or_db.string()));
}

DbOpenOptions graph_reader_options() {
  DbOpenOptions options;
  options.read_only = true;
  options.external_access = false;
  return options;
}

QueryResult run_read_only_query(const std::filesystem::path& db_path, std::string_view sql) {
  Database db(db_path, graph_reader_options());
  Connection con(db);
  std::string text(sql);
  duckdb_extracted_statements statements = nullptr;
  idx_t count = duckdb_extract_statements(con.handle(), text.c_str(), &statements);
  struct Guard {
    duckdb_extracted_statements& s;
    ~Guard() { duckdb_destroy_extracted(&s); }
  } guard{statements};
  if (count == 0) {
    const char* err = duckdb_extract_statements_error(statements);
    throw DbError(err ? err : "empty query");
  }
  if (count != 1) throw QueryRejected(fmt::format("give exactly one statement, found {}", count));
  duckdb_prepared_statement prepared = nullptr;
  duckdb_state state = duckdb_prepare_extracted_statement(con.handle(), statements, 0, &prepared);
  struct PreparedGuard {
    duckdb_prepared_statement& p;
    ~PreparedGuard() { duckdb_destroy_prepare(&p); }
  } prepared_guard{prepared};
  if (state == DuckDBError) {
    const char* err = duckdb_prepare_error(prepared);
    throw DbError(err ? err : "cannot prepare the query");
  }
  duckdb_statement_type type = duckdb_prepared_statement_type(prepared);
  if (type != DUCKDB_STATEMENT_TYPE_SELECT && type != DUCKDB_STATEMENT_TYPE_EXPLAIN)
    throw QueryRejected(
        fmt::format("queries are read-only: {} statements are refused; use SELECT (or EXPLAIN)",
                    statement_type_name(type)));
  duckdb_result result;
  if (duckdb_execute_prepared(prepared, &result) == DuckDBError) {
    std::string msg = duckdb_result_error(&result);
    duckdb_destroy_result(&result);
    throw DbError(msg);
  }
  return QueryResult(result);
}

void require_evidence_tables(Connection& con, const std::filesystem::path& db,
                             const std::vector<std::string_view>& tables,
                             std::string_view needed_for) {
  QueryResult present = con.query("SELECT table_name FROM duckdb_tables()");
  std::vector<std::string_view> missing;
  for (std::string_view table : tables) {
    bool found = false;
    for (size_t i = 0; i < present.row_count() && !found; ++i)
      found = present.value(i, 0) == std::string(table);
    if (!found) missing.push_back(table);
  }
  if (missing.empty()) return;
  // An example of the command that rebuilds this graph with them: its repository and layers
  // (run_info records them) into the directory it is in. Other options are not recorded.
  std::string repo = "REPO", layers;
  try {
    QueryResult info =
        con.query("SELECT key, value FROM run_info WHERE key IN ('repo_root', 'layers')");
    for (size_t i = 0; i < info.row_count(); ++i) {
      if (!info.value(i, 1)) continue;
      if (info.value(i, 0) == "repo_root") repo = shell_word(*info.value(i, 1));
      if (info.value(i, 0) == "layers" && *info.value(i, 1) != "ts")
        layers = " --layers " + shell_word(*info.value(i, 1));
    }
  } catch (const DbError&) {
    // A graph without run_info: the example names REPO.
  }
  const std::string out = shell_word(std::filesystem::absolute(db).parent_path().string());
  throw std::runtime_error(fmt::format(
      "{} has no evidence tables ({} missing): {} needs them, and a build keeps them only "
      "when asked: build the graph again with --keep-evidence added to the options it was "
      "built with, e.g. `codeanatomy build {} -o {}{} --keep-evidence`",
      db.string(), fmt::join(missing, ", "), needed_for, repo, out, layers));
}

}  // namespace ca
