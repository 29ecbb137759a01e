// What docs/schema.md says about each table: a one-line description and notes on some
// columns. The columns themselves and their types are never written here: the generator
// reads them from the catalog of a real build (schema_doc.cpp). It fails when a table of the
// build has no entry here, or an entry names a table or a column the build does not have,
// so this list cannot drift from the code either. A table made by a SQL view needs no entry
// (its header comment describes it; cpg_* views are listed with the graph, others as
// intermediate views); an entry for a view only adds notes on its columns.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace ca::docs {

/// The section of docs/schema.md a table is listed in.
enum class TableGroup { Graph, Scan, Syntax, Resolution, Internal, Run };

struct ColumnNote {
  std::string_view column;
  std::string_view note;
};

struct TableDoc {
  std::string_view name;
  TableGroup group;
  /// One paragraph. Empty for a table made by a SQL view: the view file's header comment
  /// is its description.
  std::string_view description;
  std::vector<ColumnNote> notes;
};

/// The tables of cpg.duckdb, in the order docs/schema.md lists them within a group.
const std::vector<TableDoc>& table_docs();

}  // namespace ca::docs
