// A golden case file: one or more Python modules with their expectations written in
// comments (see tests/golden/README.md). Parsing gives the bytes to write for each module
// and the assertions, each anchored to a byte offset of a module file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "golden/assertion.hpp"

namespace ca::golden {

/// How a module's text becomes the bytes of its file.
enum class Encoding {
  Utf8,    ///< the text as written in the case file
  Latin1,  ///< each code point (<= U+00FF) becomes one byte
  Hex,     ///< the body is hex digits of raw bytes; lines starting with '#' are not bytes
};

/// One module of a case, as written to disk.
struct Module {
  std::string path;  ///< repo-relative, e.g. "pkg/mod.py"
  Encoding encoding = Encoding::Utf8;
  bool crlf = false;                 ///< write "\r\n" line ends
  bool bom = false;                  ///< prefix a UTF-8 byte order mark
  int first_case_line = 0;           ///< the case-file line of module line 1
  std::vector<std::string> lines;    ///< module lines (UTF-8, without line ends)
  std::string bytes;                 ///< the file content written to disk
  std::vector<int64_t> line_starts;  ///< byte offset in `bytes` of module line i+1
};

/// A parsed case: its modules and assertions, or the reasons it is malformed.
struct CaseFile {
  std::string name;  ///< the case file name, e.g. "scope_legb.py"
  std::vector<Module> modules;
  std::vector<Assertion> assertions;
  std::vector<std::string> errors;  ///< "case.py:LINE: why" for each malformed line

  /// The module written at `path`, or nullptr.
  const Module* find_module(std::string_view path) const;
};

/// Parses the text of a case file named `name`. Never throws on malformed input: problems
/// land in CaseFile::errors with their line.
CaseFile parse_case(std::string_view name, std::string_view text);

/// Reads and parses a case file; throws std::runtime_error when it cannot be read.
CaseFile load_case(const std::filesystem::path& file);

/// Encodes UTF-8 `text` as `encoding` would write it (Utf8 or Latin1); returns false when a
/// character cannot be represented.
bool encode_text(std::string_view text, Encoding encoding, std::string& out);

/// The number of code points of UTF-8 `text` (invalid bytes count as one each).
size_t code_point_count(std::string_view text);

}  // namespace ca::golden
