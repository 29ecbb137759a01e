// Decoding an index.scip into the scip layer's rows; see scip_reader.hpp.
#include "evidence/scip/scip_reader.hpp"

#include <fmt/format.h>
#include <google/protobuf/stubs/logging.h>
#include <scip.pb.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "evidence/scip/scip_positions.hpp"

namespace ca {

namespace {

using Numbers = google::protobuf::RepeatedField<int32_t>;

/// At most this many characters of a symbol or path go into a diagnostic message.
constexpr size_t kMaxQuoted = 160;
/// At most this many numbers of a range go into a diagnostic message.
constexpr int kMaxQuotedNumbers = 6;

/// `s` in quotes, cut (at a character boundary: rows hold valid UTF-8) when it is long.
std::string quoted(std::string_view s) {
  if (s.size() <= kMaxQuoted) return fmt::format("'{}'", s);
  size_t cut = kMaxQuoted;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("'{}...' ({} bytes)", s.substr(0, cut), s.size());
}

/// The numbers of a range as written: "3,4,9" (the first few and a count when there are many).
std::string range_text(const Numbers& numbers, bool complete) {
  std::string out;
  const int shown = complete ? numbers.size() : std::min(numbers.size(), kMaxQuotedNumbers);
  for (int i = 0; i < shown; ++i) {
    if (i) out += ',';
    out += std::to_string(numbers.Get(i));
  }
  if (shown < numbers.size()) out += fmt::format(",... ({} numbers)", numbers.size());
  return out;
}

/// "./pkg/mod.py" -> "pkg/mod.py".
std::string_view normalize_path(std::string_view path) {
  while (path.starts_with("./")) path.remove_prefix(2);
  return path;
}

/// A range's four numbers: 0-based lines, characters in the document's encoding.
struct RawRange {
  int64_t start_line = 0, start_char = 0, end_line = 0, end_char = 0;
};

/// The range of `numbers`, or nullopt with what is wrong in `*why`.
std::optional<RawRange> parse_range(const Numbers& numbers, std::string* why) {
  if (numbers.size() != 3 && numbers.size() != 4) {
    *why = fmt::format("a range has 3 or 4 numbers, this one {}", numbers.size());
    return std::nullopt;
  }
  for (int32_t n : numbers) {
    if (n < 0) {
      *why = "a range has no negative numbers";
      return std::nullopt;
    }
  }
  RawRange r;
  r.start_line = numbers.Get(0);
  r.start_char = numbers.Get(1);
  r.end_line = numbers.size() == 4 ? numbers.Get(2) : r.start_line;
  r.end_char = numbers.Get(numbers.size() - 1);
  if (std::pair(r.end_line, r.end_char) < std::pair(r.start_line, r.start_char)) {
    *why = "it ends before it starts";
    return std::nullopt;
  }
  return r;
}

std::string_view unit_name(ScipPositionEncoding encoding) {
  switch (encoding) {
    case ScipPositionEncoding::Utf8:
      return "UTF-8 bytes";
    case ScipPositionEncoding::Utf16:
      return "UTF-16 code units";
    case ScipPositionEncoding::Utf32:
      return "code points";
  }
  return "units";
}

std::string kind_name(int kind) {
  const auto* value = scip::SymbolInformation_Kind_descriptor()->FindValueByNumber(kind);
  return value ? value->name() : fmt::format("kind_{}", kind);
}

/// Rows of one index, built document by document.
class IndexReader {
 public:
  IndexReader(std::string_view index_path, ScipFacts& facts)
      : index_path_(index_path), facts_(facts) {}

  void read_document(const scip::Document& doc, const ScipIndexFile& file);
  void read_symbols(const google::protobuf::RepeatedPtrField<scip::SymbolInformation>& symbols,
                    std::optional<FileId> file_id);

  void warn(FileId file_id, std::string_view path, std::string code, std::string message,
            const Span* span = nullptr) {
    DiagnosticRow d;
    d.file_id = file_id;
    d.path = std::string(path);
    d.layer = "scip";
    d.severity = "warning";
    d.code = std::move(code);
    d.message = std::move(message);
    if (span) {
      d.bstart = span->bstart, d.bend = span->bend;
      d.start_line = span->start_line, d.start_col = span->start_col;
      d.end_line = span->end_line, d.end_col = span->end_col;
    }
    facts_.diagnostics.push_back(std::move(d));
  }

 private:
  /// The utf8 offsets of a range, or nullopt after a diagnostic saying what is wrong with
  /// it; `what` names the range in the message ("range", "enclosing range").
  std::optional<std::pair<size_t, size_t>> place(const Numbers& numbers, std::string_view what,
                                                 const Span* anchor);

  std::string_view index_path_;
  ScipFacts& facts_;
  // The document being read.
  const ScipIndexFile* file_ = nullptr;
  std::string_view doc_path_;
  int occurrence_index_ = 0;
  ScipPositionEncoding encoding_ = ScipPositionEncoding::Utf16;
  std::optional<ScipPositionMap> positions_;
  std::optional<LineIndex> lines_;
};

std::optional<std::pair<size_t, size_t>> IndexReader::place(const Numbers& numbers,
                                                            std::string_view what,
                                                            const Span* anchor) {
  auto where = [&] {
    return fmt::format("{}: document {}, occurrence {}: {} [{}]", index_path_, quoted(doc_path_),
                       occurrence_index_, what, range_text(numbers, false));
  };
  std::string why;
  std::optional<RawRange> r = parse_range(numbers, &why);
  if (!r) {
    warn(file_->file_id, doc_path_, "scip_bad_range",
         fmt::format("{} is not a range: {}; {}", where(), why,
                     anchor ? "the enclosing columns are left NULL" : "the occurrence is skipped"),
         anchor);
    return std::nullopt;
  }
  auto convert = [&](std::string_view end, int64_t line, int64_t character) {
    ScipPositionProblem problem = ScipPositionProblem::None;
    std::optional<size_t> at = positions_->offset(line, character, &problem);
    if (at) return at;
    std::string detail;
    switch (problem) {
      case ScipPositionProblem::NoSuchLine:
        detail = fmt::format("the file has no line {} (0-based; it has {} lines)", line,
                             lines_->line_count());
        break;
      case ScipPositionProblem::PastLineEnd:
        detail = fmt::format("character {} is past the end of line {} (0-based), which has {} {}",
                             character, line, positions_->line_length(line).value_or(0),
                             unit_name(encoding_));
        break;
      case ScipPositionProblem::InsideCharacter:
        detail = fmt::format("character {} of line {} (0-based, in {}) falls inside a character",
                             character, line, unit_name(encoding_));
        break;
      default:
        detail = fmt::format("line {}, character {} is not a position", line, character);
        break;
    }
    warn(file_->file_id, doc_path_, "scip_position_out_of_range",
         fmt::format("{}: its {} is not in the file: {}; {}", where(), end, detail,
                     anchor ? "the enclosing columns are left NULL" : "the occurrence is skipped"),
         anchor);
    return at;
  };
  std::optional<size_t> start = convert("start", r->start_line, r->start_char);
  if (!start) return std::nullopt;
  std::optional<size_t> end = convert("end", r->end_line, r->end_char);
  if (!end) return std::nullopt;
  if (*end < *start) {  // cannot happen for ordered positions; kept as a guard
    warn(file_->file_id, doc_path_, "scip_bad_range",
         fmt::format("{} is not a range: it ends before it starts", where()), anchor);
    return std::nullopt;
  }
  return std::pair{*start, *end};
}

void IndexReader::read_document(const scip::Document& doc, const ScipIndexFile& file) {
  file_ = &file;
  doc_path_ = doc.relative_path();
  ScipDocumentRow row;
  row.file_id = file.file_id;
  row.path = doc.relative_path();
  row.language = doc.language();
  ScipPositionOptions options;  // unspecified: as scip-python writes (scip_positions.hpp)
  options.bom_is_character = true;
  switch (const int declared = doc.position_encoding()) {
    case scip::UnspecifiedPositionEncoding:
      row.position_encoding = "unspecified";
      break;
    case scip::UTF8CodeUnitOffsetFromLineStart:
      row.position_encoding = "utf8";
      options = {ScipPositionEncoding::Utf8, false};
      break;
    case scip::UTF16CodeUnitOffsetFromLineStart:
      row.position_encoding = "utf16";
      options = {ScipPositionEncoding::Utf16, false};
      break;
    case scip::UTF32CodeUnitOffsetFromLineStart:
      row.position_encoding = "utf32";
      options = {ScipPositionEncoding::Utf32, false};
      break;
    default:
      row.position_encoding = fmt::format("unknown_{}", declared);
      warn(file.file_id, doc_path_, "scip_unknown_position_encoding",
           fmt::format("{}: document {} declares position encoding {}, which this version does "
                       "not know; its positions are read as an undeclared encoding is "
                       "(UTF-16 code units)",
                       index_path_, quoted(doc_path_), declared));
      break;
  }
  encoding_ = options.encoding;
  row.read_as = std::string(to_string(options.encoding));

  if (!file.text) {
    if (doc.occurrences_size() > 0) {
      warn(file.file_id, doc_path_, "scip_no_text",
           fmt::format("{}: document {}: the file's text is not available (it could not be "
                       "read or decoded), so its {} occurrences cannot be placed and are skipped",
                       index_path_, quoted(doc_path_), doc.occurrences_size()));
    }
  } else {
    lines_.emplace(file.text->utf8);
    positions_.emplace(*file.text, *lines_, options);
    for (occurrence_index_ = 0; occurrence_index_ < doc.occurrences_size(); ++occurrence_index_) {
      const scip::Occurrence& occ = doc.occurrences(occurrence_index_);
      auto range = place(occ.range(), "range", nullptr);
      if (!range) continue;
      ScipOccurrenceRow o;
      o.file_id = file.file_id;
      o.occurrence_index = occurrence_index_;
      o.symbol = occ.symbol();
      o.roles = occ.symbol_roles();
      o.is_definition = (o.roles & scip::Definition) != 0;
      o.is_import = (o.roles & scip::Import) != 0;
      o.is_local = o.symbol.starts_with("local ");
      o.span = make_span(*file.text, *lines_, range->first, range->second);
      o.scip_range = range_text(occ.range(), true);
      if (occ.enclosing_range_size() > 0) {
        if (auto enclosing = place(occ.enclosing_range(), "enclosing range", &o.span)) {
          o.enclosing_bstart = file.text->original_offset(enclosing->first);
          o.enclosing_bend = file.text->original_offset(enclosing->second);
        }
      }
      facts_.occurrences.push_back(std::move(o));
      ++row.occurrences;
    }
    positions_.reset();
    lines_.reset();
  }
  row.symbols = doc.symbols_size();
  read_symbols(doc.symbols(), file.file_id);
  facts_.documents.push_back(std::move(row));
}

void IndexReader::read_symbols(
    const google::protobuf::RepeatedPtrField<scip::SymbolInformation>& symbols,
    std::optional<FileId> file_id) {
  for (const scip::SymbolInformation& info : symbols) {
    ScipSymbolRow row;
    row.file_id = file_id;
    row.symbol = info.symbol();
    if (info.kind() != scip::SymbolInformation::UnspecifiedKind) row.kind = kind_name(info.kind());
    row.display_name = info.display_name();
    for (const std::string& paragraph : info.documentation()) {
      if (!row.documentation.empty()) row.documentation += "\n\n";
      row.documentation += paragraph;
    }
    row.enclosing_symbol = info.enclosing_symbol();
    for (const scip::Relationship& rel : info.relationships()) {
      ScipRelationshipRow r;
      r.file_id = file_id;
      r.symbol = info.symbol();
      r.target_symbol = rel.symbol();
      r.is_reference = rel.is_reference();
      r.is_implementation = rel.is_implementation();
      r.is_type_definition = rel.is_type_definition();
      r.is_definition = rel.is_definition();
      std::string roles;
      auto add = [&](bool on, std::string_view name) {
        if (!on) return;
        if (!roles.empty()) roles += ',';
        roles += name;
      };
      add(r.is_reference, "reference");
      add(r.is_implementation, "implementation");
      add(r.is_type_definition, "type_definition");
      add(r.is_definition, "definition");
      if (!row.relationships.empty()) row.relationships += '\n';
      row.relationships += roles.empty() ? "none" : roles;
      row.relationships += ' ';
      row.relationships += r.target_symbol;
      facts_.relationships.push_back(std::move(r));
    }
    facts_.symbols.push_back(std::move(row));
  }
}

}  // namespace

ScipIndexResult read_scip_index(std::string_view bytes, std::string_view index_path,
                                const std::vector<ScipIndexFile>& files) {
  scip::Index index;
  // A string that is not UTF-8 fails the parse (as it should: the rows are VARCHAR); the
  // error below says so, protobuf need not also log it.
  google::protobuf::LogSilencer quiet;
  if (bytes.size() > static_cast<size_t>(INT_MAX) ||
      !index.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    throw ScipIndexError(fmt::format(
        "{} is not a SCIP index: its {} bytes do not decode as a scip.Index protobuf message "
        "(a truncated or different file, or text that is not UTF-8); give the index.scip an "
        "indexer such as scip-python wrote",
        index_path, bytes.size()));
  }
  ScipIndexResult result;
  result.tool_name = index.metadata().tool_info().name();
  result.tool_version = index.metadata().tool_info().version();
  result.project_root = index.metadata().project_root();

  std::unordered_map<std::string_view, const ScipIndexFile*> by_path;
  for (const ScipIndexFile& f : files) by_path.emplace(f.path, &f);

  // Determinism: documents in path order, the index's order among equal paths.
  std::vector<std::pair<std::string_view, int>> order;
  order.reserve(static_cast<size_t>(index.documents_size()));
  for (int i = 0; i < index.documents_size(); ++i)
    order.emplace_back(normalize_path(index.documents(i).relative_path()), i);
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });

  IndexReader reader(index_path, result.facts);
  for (size_t k = 0; k < order.size(); ++k) {
    const auto [path, i] = order[k];
    const scip::Document& doc = index.documents(i);
    auto found = by_path.find(path);
    if (found == by_path.end()) {
      reader.warn(0, doc.relative_path(), "scip_unknown_document",
                  fmt::format("{}: document {} is not part of the build (no file of the "
                              "repository has that path, or it was excluded); its occurrences "
                              "and symbols are skipped",
                              index_path, quoted(doc.relative_path())));
      continue;
    }
    if (k > 0 && order[k - 1].first == path) {
      reader.warn(found->second->file_id, doc.relative_path(), "scip_duplicate_document",
                  fmt::format("{}: document {} appears more than once in the index; only the "
                              "first is read",
                              index_path, quoted(doc.relative_path())));
      continue;
    }
    reader.read_document(doc, *found->second);
  }
  reader.read_symbols(index.external_symbols(), std::nullopt);
  return result;
}

}  // namespace ca
