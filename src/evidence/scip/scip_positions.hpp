// SCIP positions to offsets: a SCIP occurrence gives 0-based (line, character) pairs where
// the character counts code units of the document's PositionEncoding from the start of the
// line. This file turns them into offsets of SourceText::utf8 (make_span then gives the
// canonical span in the file's own bytes).
//
// Lines split as LineIndex does: "\n", "\r\n" and a lone "\r" (scip-python agrees).
//
// An unspecified encoding is read as UTF-16 code units, because that is what scip-python
// (0.6.6, the version deps/versions.env pins) emits: it leaves Document.position_encoding
// unset (its Metadata.text_document_encoding UTF8 is about the files, not the positions),
// and on the line `x = "é😀"; y = foo()` it puts `y` at character 11 and `foo` at 15 (é is
// one unit, the emoji a surrogate pair of two; UTF-8 bytes would give 14 and 18, code points
// 10 and 14). It also counts a UTF-8 byte order mark as one character of line 0 (it reads
// the file with the BOM as U+FEFF), whereas tools that declare their encoding, codeanatomy's
// own `export scip` included, count from the text after the BOM: ScipPositionOptions says
// which. tests/unit/scip/scip_python_test.cpp checks both on the real scip-python.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/source_text.hpp"

namespace ca {

/// What the character of a SCIP position counts.
enum class ScipPositionEncoding {
  Utf8,   ///< UTF-8 bytes
  Utf16,  ///< UTF-16 code units (a character outside the BMP counts 2)
  Utf32,  ///< Unicode code points
};

/// "utf8", "utf16" or "utf32".
std::string_view to_string(ScipPositionEncoding encoding);

/// How to read the positions of one document.
struct ScipPositionOptions {
  ScipPositionEncoding encoding = ScipPositionEncoding::Utf16;
  /// The file's UTF-8 byte order mark (dropped from SourceText::utf8) is a character of line
  /// 0, U+FEFF, in the counts: as scip-python writes positions.
  bool bom_is_character = false;
};

/// Why a position has no offset.
enum class ScipPositionProblem {
  None,
  Negative,         ///< a negative line or character
  NoSuchLine,       ///< the line is not in the file
  PastLineEnd,      ///< the character lies beyond the end of the line (its terminator excluded)
  InsideCharacter,  ///< the character falls inside one character (a surrogate pair, a UTF-8
                    ///< sequence, the BOM)
};

/// Whether `text` was decoded from bytes that start with a UTF-8 byte order mark.
bool has_utf8_bom(const SourceText& text);

/// Converts the positions of one document. Cheap to build; it remembers the lines it has
/// looked at (memory at most a few times the text's size), so that converting every
/// occurrence of a document costs about one pass over the lines they are on. Not thread-safe.
class ScipPositionMap {
 public:
  /// `text` and `lines` (built from text.utf8) must outlive the map.
  ScipPositionMap(const SourceText& text, const LineIndex& lines, ScipPositionOptions options);

  /// The offset in text.utf8 of 0-based `line` and `character` (in the encoding's units);
  /// nullopt, with the reason in `*problem` if given, when there is no such position. The
  /// end of a line (just before its terminator) is a position, as is the empty line after a
  /// final line terminator.
  std::optional<size_t> offset(int64_t line, int64_t character,
                               ScipPositionProblem* problem = nullptr);

  /// The length of 0-based `line` in the encoding's units (BOM included when it counts);
  /// nullopt when the line does not exist.
  std::optional<int64_t> line_length(int64_t line);

 private:
  /// Where each code unit of a line that holds non-ASCII bytes starts (byte offset from the
  /// line start), kInside for a unit that does not start a character; units + 1 entries.
  struct LineUnits {
    std::vector<uint32_t> byte_of_unit;
  };
  static constexpr uint32_t kInside = UINT32_MAX;

  const LineUnits* units_of(int64_t line, size_t start, size_t end);

  const SourceText& text_;
  const LineIndex& lines_;
  ScipPositionOptions options_;
  int64_t bom_units_ = 0;  ///< units the BOM adds to line 0
  /// Non-ASCII lines looked at so far; nullptr for an ASCII line (units are bytes).
  std::unordered_map<int64_t, std::unique_ptr<LineUnits>> cache_;
};

/// One-off conversion (see ScipPositionMap::offset).
std::optional<size_t> scip_position_to_offset(const SourceText& text, const LineIndex& lines,
                                              ScipPositionOptions options, int64_t line,
                                              int64_t character,
                                              ScipPositionProblem* problem = nullptr);

}  // namespace ca
