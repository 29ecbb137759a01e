// Decoding of Python source bytes (PEP 263 / PEP 3120); see decode.hpp. UTF-8 sources are
// validated and copied once; other declared encodings go through glibc's iconv, building
// the map from UTF-8 offsets back to original offsets as they are converted.
#include "scan/decode.hpp"

#include <iconv.h>

#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <numeric>
#include <optional>

#include "scan/encoding_names.hpp"
#include "scan/utf8.hpp"

namespace ca {
namespace {

struct CodingDeclaration {
  std::string_view name;
  size_t offset = 0;  // of the name, in the text searched
  int line = 1;
};

DecodeError error(std::string code, std::string message, size_t bstart, size_t bend) {
  return DecodeError{std::move(code), std::move(message), static_cast<int64_t>(bstart),
                     static_cast<int64_t>(bend)};
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

std::string hex_byte(unsigned char c) {
  static constexpr char kDigits[] = "0123456789abcdef";
  return std::string("0x") + kDigits[c >> 4] + kDigits[c & 15];
}

// The line starting at `start` (without its terminator: "\n", "\r\n" or a lone "\r");
// `next` receives the start of the following line.
std::string_view line_at(std::string_view text, size_t start, size_t& next) {
  size_t end = start;
  while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
  next = end;
  if (next < text.size())
    next += (text[next] == '\r' && next + 1 < text.size() && text[next + 1] == '\n') ? 2 : 1;
  return text.substr(start, end - start);
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\f';
}

bool is_name_char(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u < 0x80 && std::isalnum(u)) || c == '-' || c == '_' || c == '.';
}

// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on one line, as CPython's get_coding_spec.
std::optional<size_t> coding_spec(std::string_view line, std::string_view& name) {
  size_t i = 0;
  while (i < line.size() && is_space(line[i])) ++i;
  if (i == line.size() || line[i] != '#') return std::nullopt;
  for (size_t k = line.find("coding", i); k != std::string_view::npos;
       k = line.find("coding", k + 1)) {
    size_t j = k + 6;
    if (j >= line.size() || (line[j] != ':' && line[j] != '=')) continue;
    ++j;
    while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
    size_t begin = j;
    while (j < line.size() && is_name_char(line[j])) ++j;
    if (j > begin) {
      name = line.substr(begin, j - begin);
      return begin;
    }
  }
  return std::nullopt;
}

// A blank line or one holding only a comment: the declaration may then be on line 2.
bool blank_or_comment(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && is_space(line[i])) ++i;
  return i == line.size() || line[i] == '#';
}

std::optional<CodingDeclaration> find_declaration(std::string_view text) {
  size_t next = 0;
  std::string_view line1 = line_at(text, 0, next);
  std::string_view name;
  if (auto at = coding_spec(line1, name)) return CodingDeclaration{name, *at, 1};
  if (!blank_or_comment(line1) || next >= text.size()) return std::nullopt;
  size_t after = 0;
  std::string_view line2 = line_at(text, next, after);
  if (auto at = coding_spec(line2, name)) return CodingDeclaration{name, next + *at, 2};
  return std::nullopt;
}

class Iconv {
 public:
  explicit Iconv(const std::string& from) : cd_(iconv_open("UTF-8", from.c_str())) {}
  ~Iconv() {
    if (ok()) iconv_close(cd_);
  }
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  void reset() { iconv(cd_, nullptr, nullptr, nullptr, nullptr); }
  // Converts in[0..*inleft) into out; returns iconv's result and leaves errno.
  size_t convert(const char*& in, size_t& inleft, char*& out, size_t& outleft) {
    char* src = const_cast<char*>(in);
    size_t r = iconv(cd_, &src, &inleft, &out, &outleft);
    in = src;
    return r;
  }

 private:
  iconv_t cd_;
};

constexpr size_t kFailed = static_cast<size_t>(-1);

// How one byte decodes in a single-byte encoding.
struct ByteCode {
  std::array<char, 4> utf8{};
  uint8_t len = 0;
  bool valid = false;
};

// The 256-entry table of a single-byte, stateless encoding; nullopt when some byte does
// not stand for a character by itself (multi-byte or stateful encodings).
std::optional<std::array<ByteCode, 256>> single_byte_table(Iconv& cv) {
  std::array<ByteCode, 256> table{};
  for (int b = 0; b < 256; ++b) {
    cv.reset();
    char byte = static_cast<char>(b);
    const char* in = &byte;
    size_t inleft = 1;
    std::array<char, 16> buf{};
    char* out = buf.data();
    size_t outleft = buf.size();
    size_t r = cv.convert(in, inleft, out, outleft);
    if (r == kFailed && errno == EILSEQ) continue;  // not a character in this encoding
    if (r != kFailed) {
      // Flush what the converter holds back: glibc's CP1258 keeps a base letter to compose
      // it with a following accent; Python's codec does not compose, and neither does the
      // table built here.
      const char* none = nullptr;
      size_t noneleft = 0;
      r = cv.convert(none, noneleft, out, outleft);
    }
    size_t produced = buf.size() - outleft;
    if (r == kFailed || inleft != 0 || produced == 0 || produced > 4) return std::nullopt;
    std::memcpy(table[b].utf8.data(), buf.data(), produced);
    table[b].len = static_cast<uint8_t>(produced);
    table[b].valid = true;
  }
  return table;
}

DecodeError undecodable(const SourceEncoding& enc, std::string_view bytes, size_t at) {
  return error("decode_error",
               "cannot decode byte " + hex_byte(static_cast<unsigned char>(bytes[at])) +
                   " at byte " + std::to_string(at) + " as " + enc.name +
                   " (the file's coding declaration); fix the file's bytes or its "
                   "declaration, or re-encode it as UTF-8",
               at, at + 1);
}

std::variant<SourceText, DecodeError> decode_iconv(std::string_view bytes,
                                                   const SourceEncoding& enc,
                                                   const CodingDeclaration& decl) {
  Iconv cv(enc.iconv_name);
  if (!cv.ok()) {
    return error("unknown_encoding",
                 "encoding '" + std::string(decl.name) + "' (" + enc.name +
                     ") is not available in this system's iconv; re-encode the file as UTF-8",
                 decl.offset, decl.offset + decl.name.size());
  }
  SourceText text;
  text.encoding = enc.name;
  std::string& out = text.utf8;
  std::vector<uint32_t>& map = text.to_original;
  out.reserve(bytes.size() + bytes.size() / 2);
  map.reserve(bytes.size() + bytes.size() / 2 + 1);

  auto table = single_byte_table(cv);
  cv.reset();
  if (table) {
    for (size_t i = 0; i < bytes.size(); ++i) {
      const ByteCode& code = (*table)[static_cast<unsigned char>(bytes[i])];
      if (!code.valid) return undecodable(enc, bytes, i);
      out.append(code.utf8.data(), code.len);
      map.insert(map.end(), code.len, static_cast<uint32_t>(i));
    }
  } else {
    // One character at a time: offer iconv one more byte until it completes a character
    // (or consumes a shift sequence); each output byte maps to where its input began.
    std::array<char, 64> buf{};
    size_t pos = 0;
    while (pos < bytes.size()) {
      size_t start = pos;
      for (size_t len = 1;; ++len) {
        if (start + len > bytes.size() || len > 16) {
          return error("decode_error",
                       "incomplete " + enc.name + " sequence at byte " + std::to_string(start) +
                           "; fix the file's bytes or its coding declaration, or re-encode it "
                           "as UTF-8",
                       start, bytes.size());
        }
        const char* in = bytes.data() + start;
        size_t inleft = len;
        char* o = buf.data();
        size_t outleft = buf.size();
        size_t r = cv.convert(in, inleft, o, outleft);
        int err = errno;
        size_t produced = buf.size() - outleft;
        out.append(buf.data(), produced);
        map.insert(map.end(), produced, static_cast<uint32_t>(start));
        size_t consumed = len - inleft;
        if (r == kFailed && err == EILSEQ) return undecodable(enc, bytes, start + consumed);
        if (consumed > 0) {
          pos = start + consumed;
          break;
        }
        if (r == kFailed && err != EINVAL) return undecodable(enc, bytes, start);
      }
    }
    char* o = buf.data();
    size_t outleft = buf.size();
    const char* none = nullptr;
    size_t noneleft = 0;
    cv.convert(none, noneleft, o, outleft);  // flush a final shift state
    size_t produced = buf.size() - outleft;
    out.append(buf.data(), produced);
    map.insert(map.end(), produced, static_cast<uint32_t>(bytes.size()));
  }
  map.push_back(static_cast<uint32_t>(bytes.size()));
  return text;
}

}  // namespace

std::variant<SourceText, DecodeError> decode_python_source(std::string_view bytes) {
  if (starts_with(bytes, std::string_view("\xFF\xFE\0\0", 4)) ||
      starts_with(bytes, std::string_view("\0\0\xFE\xFF", 4))) {
    return error("decode_error",
                 "the file starts with a UTF-32 byte order mark: UTF-16/UTF-32 sources are not "
                 "supported; re-encode the file as UTF-8",
                 0, 4);
  }
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    return error("decode_error",
                 "the file starts with a UTF-16 byte order mark: UTF-16/UTF-32 sources are not "
                 "supported; re-encode the file as UTF-8",
                 0, 2);
  }
  // find, not memchr: an empty view may hold a null pointer, which memchr must not get.
  if (size_t at = bytes.find('\0'); at != std::string_view::npos) {
    Utf8Error ignored;
    if (validate_utf8(bytes, ignored)) {
      DecodeError e = error("null_byte",
                            "source code cannot contain null bytes (NUL at byte " +
                                std::to_string(at) + "); remove it",
                            at, at + 1);
      e.status = "syntax_error";
      return e;
    }
    return error("binary_file",
                 "NUL byte at byte " + std::to_string(at) +
                     ": this looks like a binary file, not Python source; remove it from the "
                     "repository or add it to .gitignore",
                 at, at + 1);
  }
  const size_t bom = starts_with(bytes, "\xEF\xBB\xBF") ? 3 : 0;
  std::string_view body = bytes.substr(bom);

  std::string encoding = "utf-8";
  if (auto decl = find_declaration(body)) {
    decl->offset += bom;
    auto enc = lookup_source_encoding(decl->name);
    size_t name_end = decl->offset + decl->name.size();
    if (!enc) {
      return error("unknown_encoding",
                   "unknown encoding '" + std::string(decl->name) +
                       "' in the coding declaration on line " + std::to_string(decl->line) +
                       " (byte " + std::to_string(decl->offset) +
                       "); use an encoding Python knows, or re-encode the file as UTF-8 and "
                       "remove the declaration",
                   decl->offset, name_end);
    }
    if (enc->is_wide) {
      return error("decode_error",
                   "the coding declaration names '" + std::string(decl->name) +
                       "': UTF-16/UTF-32 sources are not supported; re-encode the file as UTF-8",
                   decl->offset, name_end);
    }
    if (bom && !enc->is_utf8) {
      return error("decode_error",
                   "the file starts with a UTF-8 byte order mark but declares encoding '" +
                       std::string(decl->name) +
                       "'; remove the byte order mark or the declaration so they agree",
                   decl->offset, name_end);
    }
    if (!enc->is_utf8) return decode_iconv(bytes, *enc, *decl);
    encoding = enc->name;
  }

  Utf8Error bad;
  if (!validate_utf8(body, bad)) {
    size_t at = bom + bad.offset;
    return error("decode_error",
                 "invalid UTF-8 at byte " + std::to_string(at) + " (" +
                     hex_byte(static_cast<unsigned char>(bytes[at])) +
                     "); declare the encoding (PEP 263) or re-encode the file as UTF-8",
                 at, at + bad.length);
  }
  SourceText text;
  text.encoding = std::move(encoding);
  text.utf8.assign(body.data(), body.size());
  if (bom) {
    text.to_original.resize(body.size() + 1);
    std::iota(text.to_original.begin(), text.to_original.end(), static_cast<uint32_t>(bom));
  }
  return text;
}

}  // namespace ca
