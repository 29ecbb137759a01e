// The rows of the `scip` evidence layer (DESIGN.md §1): what a SCIP index (e.g. made by
// scip-python) says about the build's files, its positions converted to canonical spans
// (scip_positions.hpp). Rows follow the columns(f) convention of extract/facts.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "extract/facts.hpp"

namespace ca {

/// One document of the index that belongs to the build (table scip_documents).
struct ScipDocumentRow {
  FileId file_id = 0;
  std::string path;               ///< the document's relative_path
  std::string language;           ///< as the index says ("python"; "" when absent)
  std::string position_encoding;  ///< as declared: utf8, utf16, utf32, unspecified, unknown_<n>
  std::string read_as;            ///< how positions were read: utf8, utf16 or utf32
  int64_t occurrences = 0;        ///< scip_occurrences rows written for it
  int64_t symbols = 0;            ///< scip_symbols rows written for it

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("path", path);
    f("language", language);
    f("position_encoding", position_encoding);
    f("read_as", read_as);
    f("occurrences", occurrences);
    f("symbols", symbols);
  }
};

/// One occurrence of a symbol in a document (table scip_occurrences), at a canonical span.
struct ScipOccurrenceRow {
  FileId file_id = 0;
  int32_t occurrence_index = 0;  ///< position in the document's occurrence list
  std::string symbol;
  int32_t roles = 0;           ///< Occurrence.symbol_roles bits
  bool is_definition = false;  ///< roles & 0x1
  bool is_import = false;      ///< roles & 0x2
  bool is_local = false;       ///< the symbol starts with "local "
  Span span;
  std::optional<int64_t> enclosing_bstart;  ///< enclosing_range; NULL when absent or bad
  std::optional<int64_t> enclosing_bend;
  std::string scip_range;  ///< the range's numbers as given, comma-separated: "3,4,9"

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("occurrence_index", occurrence_index);
    f("symbol", symbol);
    f("roles", roles);
    f("is_definition", is_definition);
    f("is_import", is_import);
    f("is_local", is_local);
    span_columns(f, span);
    f("enclosing_bstart", enclosing_bstart);
    f("enclosing_bend", enclosing_bend);
    f("scip_range", scip_range);
  }
};

/// One SymbolInformation (table scip_symbols): of a document, or of the index's
/// external_symbols (file_id NULL).
struct ScipSymbolRow {
  std::optional<FileId> file_id;
  std::string symbol;
  std::optional<std::string> kind;  ///< Kind's name ("Function"); kind_<n> when we do not
                                    ///< know the number; NULL when unspecified
  std::string display_name;
  std::string documentation;  ///< the paragraphs joined with a blank line
  /// One line per relationship, "<roles> <symbol>", roles comma-joined from reference,
  /// implementation, type_definition, definition ("none" when no flag is set).
  std::string relationships;
  std::string enclosing_symbol;

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("symbol", symbol);
    f("kind", kind);
    f("display_name", display_name);
    f("documentation", documentation);
    f("relationships", relationships);
    f("enclosing_symbol", enclosing_symbol);
  }
};

/// One relationship of a symbol (table scip_relationships), file_id as its scip_symbols row.
struct ScipRelationshipRow {
  std::optional<FileId> file_id;
  std::string symbol;
  std::string target_symbol;
  bool is_reference = false;
  bool is_implementation = false;
  bool is_type_definition = false;
  bool is_definition = false;

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("symbol", symbol);
    f("target_symbol", target_symbol);
    f("is_reference", is_reference);
    f("is_implementation", is_implementation);
    f("is_type_definition", is_type_definition);
    f("is_definition", is_definition);
  }
};

/// Everything the scip layer gives for one index; diagnostics have layer "scip". Documents
/// are in path order, occurrences, symbols and relationships in document order (external
/// symbols last), each document's in the index's order.
struct ScipFacts {
  std::vector<ScipDocumentRow> documents;
  std::vector<ScipOccurrenceRow> occurrences;
  std::vector<ScipSymbolRow> symbols;
  std::vector<ScipRelationshipRow> relationships;
  std::vector<DiagnosticRow> diagnostics;
};

/// Calls fn(table_name, rows) for each table of the layer (diagnostics excluded: they go
/// to the shared diagnostics table), in one fixed order.
template <class Facts, class F>
void for_each_scip_table(Facts& facts, F&& fn) {
  fn("scip_documents", facts.documents);
  fn("scip_occurrences", facts.occurrences);
  fn("scip_symbols", facts.symbols);
  fn("scip_relationships", facts.relationships);
}

}  // namespace ca
