// Names of source encodings: Python's normalization of a PEP 263 coding name and its
// aliases, mapped to the name glibc's iconv knows.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ca {

/// A source encoding that the decoder knows.
struct SourceEncoding {
  std::string name;        ///< normalized, as Python names it: "utf-8", "iso-8859-1", "cp1252"
  std::string iconv_name;  ///< what iconv_open() takes: "UTF-8", "ISO-8859-1", "CP1252"
  bool is_utf8 = false;
  bool is_wide = false;  ///< UTF-16/UTF-32: known to Python, but not usable for source files
};

/// Normalizes `declared` the way Python does (case-insensitive; runs of characters other
/// than letters, digits and '.' count as one '_', so '-' and '_' are equivalent) and looks
/// it up among Python's codec aliases ("utf8", "u8", "latin1", "l1", "windows-1252", ...).
/// As CPython's tokenizer, "utf-8-*" is utf-8 and "latin-1-*"/"iso-8859-1-*" are latin-1.
/// Returns nullopt for a name Python would not know (or that this table does not carry).
std::optional<SourceEncoding> lookup_source_encoding(std::string_view declared);

}  // namespace ca
