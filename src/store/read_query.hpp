// Read-only queries over a built graph: the database is opened read-only with external
// access disabled, and anything but a reading statement is refused.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "store/duckdb_api.hpp"

namespace ca {

/// A statement refused because it is not a read (or not exactly one statement).
class QueryRejected : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The database file for `dir_or_db`: the path itself when it is a file, else
/// DIR/cpg.duckdb, else DIR/.codeanatomy/cpg.duckdb. Throws std::runtime_error naming what
/// was looked for when none exists.
std::filesystem::path locate_database(const std::filesystem::path& dir_or_db);

/// How every reader opens a built graph: read-only, with no access to other files.
DbOpenOptions graph_reader_options();

/// Runs one SELECT (or EXPLAIN) statement on the database at `db` opened read-only with
/// no access to other files, no ATTACH, COPY or extension installs. Throws QueryRejected
/// for a statement that is not a read or for several statements, DbError for SQL errors.
QueryResult run_read_only_query(const std::filesystem::path& db, std::string_view sql);

/// Throws std::runtime_error when the graph at `db`, open on `con`, lacks one of the
/// evidence tables `tables`: a build keeps them only with --keep-evidence. The message says
/// that `needed_for` needs them and gives an example of the build command (the repository and
/// layers the graph records, the directory it is in).
void require_evidence_tables(Connection& con, const std::filesystem::path& db,
                             const std::vector<std::string_view>& tables,
                             std::string_view needed_for);

}  // namespace ca
