// Fuzz target over the scip evidence layer's reader (evidence/scip/scip_reader.hpp): the
// input is split at its first NUL byte into a Python source file (pkg/mod.py, decoded as
// the scan decodes it) and the bytes of an index.scip, which read_scip_index decodes
// against that file and a second one without text (main.py). Besides "no crash", every
// row must lie inside the file and every position must convert back to the character the
// index gave (counted independently here).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/ids.hpp"
#include "evidence/scip/scip_positions.hpp"
#include "evidence/scip/scip_reader.hpp"
#include "fuzz_checks.hpp"
#include "scan/decode.hpp"

namespace {

using namespace ca;

/// The numbers of a scip_range column ("3,4,9").
std::vector<int64_t> range_numbers(std::string_view text) {
  std::vector<int64_t> out;
  int64_t n = 0;
  for (char c : text) {
    if (c == ',') {
      out.push_back(n);
      n = 0;
    } else {
      n = n * 10 + (c - '0');
    }
  }
  out.push_back(n);
  return out;
}

/// Code units of `encoding` in the UTF-8 text `s`.
int64_t count_units(std::string_view s, std::string_view encoding) {
  if (encoding == "utf8") return static_cast<int64_t>(s.size());
  int64_t units = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte
    units += (encoding == "utf16" && c >= 0xF0) ? 2 : 1;
  }
  return units;
}

/// Whether `s` is valid UTF-8 (the store writes the strings as VARCHAR).
bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

/// Checks that every string column of `rows` is valid UTF-8.
template <class Row>
void check_strings(const std::vector<Row>& rows, std::string_view table) {
  for (const Row& row : rows) {
    row.columns([&](std::string_view, const auto& value) {
      using T = std::decay_t<decltype(value)>;
      if constexpr (std::is_same_v<T, std::string>) {
        if (!valid_utf8(value)) fuzz::violated(table, "a string that is not UTF-8");
      } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
        if (value && !valid_utf8(*value)) fuzz::violated(table, "a string that is not UTF-8");
      }
    });
  }
}

/// Checks that the position at 1-based `line`, UTF-8 byte `col` is what the index said:
/// line `scip_line` (0-based), `scip_char` units of `read_as` (the BOM counted when `bom`).
void check_position(const SourceText& text, const LineIndex& lines, int32_t line, int32_t col,
                    int64_t scip_line, int64_t scip_char, std::string_view read_as, bool bom) {
  if (line != scip_line + 1) fuzz::violated("scip_occurrences", "line differs from the index");
  const size_t start = lines.offset_of(line, 0, text.utf8.size());
  if (start + static_cast<size_t>(col) > text.utf8.size())
    fuzz::violated("scip_occurrences", "column past the end of the text");
  int64_t units = count_units(std::string_view(text.utf8).substr(start, col), read_as);
  if (bom && line == 1 && !(col == 0 && scip_char == 0)) units += read_as == "utf8" ? 3 : 1;
  if (units != scip_char) fuzz::violated("scip_occurrences", "column differs from the index");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t nul = input.find('\0');
  if (nul == std::string_view::npos) return 0;
  const std::string_view source = input.substr(0, nul);
  const std::string_view index = input.substr(nul + 1);

  auto decoded = decode_python_source(source);
  const SourceText* text = std::get_if<SourceText>(&decoded);
  std::vector<ScipIndexFile> files = {
      ScipIndexFile{file_id_for("main.py"), "main.py", nullptr},
      ScipIndexFile{file_id_for("pkg/mod.py"), "pkg/mod.py", text},
  };
  ScipIndexResult result;
  try {
    result = read_scip_index(index, "fuzz/index.scip", files);
  } catch (const ScipIndexError&) {
    return 0;
  }
  const ScipFacts& facts = result.facts;
  const int64_t file_size = static_cast<int64_t>(source.size());
  fuzz::check_rows(facts.occurrences, file_size, "scip_occurrences");
  fuzz::check_rows(facts.diagnostics, file_size, "diagnostics");
  check_strings(facts.documents, "scip_documents");
  check_strings(facts.occurrences, "scip_occurrences");
  check_strings(facts.symbols, "scip_symbols");
  check_strings(facts.relationships, "scip_relationships");
  check_strings(facts.diagnostics, "diagnostics");
  for (const DiagnosticRow& d : facts.diagnostics)
    if (d.layer != "scip" || d.severity != "warning") fuzz::violated("diagnostics", d.code);

  int64_t rows = 0;
  for (const ScipDocumentRow& doc : facts.documents) rows += doc.occurrences;
  if (rows != static_cast<int64_t>(facts.occurrences.size()))
    fuzz::violated("scip_documents", "occurrence counts differ from the rows");
  for (size_t i = 1; i < facts.documents.size(); ++i)
    if (facts.documents[i].file_id == facts.documents[i - 1].file_id)
      fuzz::violated("scip_documents", "a file has two documents");
  if (facts.occurrences.empty()) return 0;

  // Only pkg/mod.py has text, so every occurrence is in it, read as its document says.
  const ScipDocumentRow* doc = nullptr;
  for (const ScipDocumentRow& d : facts.documents)
    if (d.file_id == files[1].file_id) doc = &d;
  if (!text || !doc) fuzz::violated("scip_occurrences", "rows for a file without text");
  const bool bom_counts =
      (doc->position_encoding == "unspecified" || doc->position_encoding.starts_with("unknown_")) &&
      has_utf8_bom(*text);
  const LineIndex lines(text->utf8);
  for (const ScipOccurrenceRow& o : facts.occurrences) {
    const Span& s = o.span;
    if (o.file_id != files[1].file_id) fuzz::violated("scip_occurrences", "wrong file_id");
    if (s.start_line < 1 || s.end_line < s.start_line || s.start_col < 0 || s.end_col < 0)
      fuzz::violated("scip_occurrences", "bad line or column");
    if (o.enclosing_bstart.has_value() != o.enclosing_bend.has_value() ||
        (o.enclosing_bstart &&
         (*o.enclosing_bstart < 0 || *o.enclosing_bstart > *o.enclosing_bend ||
          *o.enclosing_bend > file_size)))
      fuzz::violated("scip_occurrences", "bad enclosing range");
    std::vector<int64_t> r = range_numbers(o.scip_range);
    if (r.size() != 3 && r.size() != 4) fuzz::violated("scip_occurrences", "bad scip_range");
    const int64_t end_line = r.size() == 4 ? r[2] : r[0];
    check_position(*text, lines, s.start_line, s.start_col, r[0], r[1], doc->read_as, bom_counts);
    check_position(*text, lines, s.end_line, s.end_col, end_line, r.back(), doc->read_as,
                   bom_counts);
  }
  return 0;
}
