// Decoding of Python source bytes to UTF-8 (PEP 263 / PEP 3120), keeping the way back to
// the original byte offsets.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "core/source_text.hpp"

namespace ca {

/// Why a file could not be decoded.
struct DecodeError {
  std::string code;     ///< decode_error, binary_file, null_byte, unknown_encoding
  std::string message;  ///< says what is wrong, where (byte offset) and what to do
  int64_t bstart = 0;   ///< offending byte range in the original file
  int64_t bend = 0;
  /// repo_files.status for the file: decode_error, or syntax_error for NUL bytes in
  /// otherwise valid UTF-8 (CPython: "source code cannot contain null bytes").
  std::string status = "decode_error";
};

/// Decodes `bytes`: a UTF-8 BOM is dropped; a coding declaration (PEP 263, first two lines)
/// is honoured; without one the text must be valid UTF-8. A NUL byte makes it a binary
/// file (or, in valid UTF-8, a syntax error as in CPython). On success the SourceText maps UTF-8
/// offsets back to offsets in `bytes`.
std::variant<SourceText, DecodeError> decode_python_source(std::string_view bytes);

}  // namespace ca
