// Parsing of golden case files: module separators, module bytes and anchored assertions.
#include "golden/case_file.hpp"

#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "golden/text_util.hpp"

namespace ca::golden {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

/// The lines of `text` without their "\n" (a final empty piece after the last "\n" dropped).
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < text.size()) {
    auto nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

bool is_separator(std::string_view line) {
  line = trim(line);
  return line.size() >= 8 && line.starts_with("#---") && line.ends_with("---#");
}

/// `# ^ ...`: returns the byte index of the caret, or npos.
size_t caret_index(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i >= line.size() || line[i] != '#') return std::string_view::npos;
  ++i;
  while (i < line.size() && line[i] == ' ') ++i;
  return i < line.size() && line[i] == '^' ? i : std::string_view::npos;
}

/// `#! directive...` (but not a `#!/usr/bin/env` shebang): returns the text after `#!`.
std::optional<std::string_view> directive_text(std::string_view line) {
  auto t = trim(line);
  if (!t.starts_with("#!")) return std::nullopt;
  auto rest = trim(t.substr(2));
  if (rest.empty()) return std::nullopt;
  char c = rest.front();
  if (!std::isalpha(static_cast<unsigned char>(c)) && c != '@' && c != '!') return std::nullopt;
  return rest;
}

/// Byte length of the first `n` code points of UTF-8 `text`.
size_t code_point_prefix_bytes(std::string_view text, size_t n) {
  size_t i = 0;
  for (size_t k = 0; k < n && i < text.size(); ++k) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

bool decode_hex(std::string_view text, std::string& out) {
  int high = -1;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
            : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
            : (c >= 'A' && c <= 'F')                    ? c - 'A' + 10
                                                        : -1;
    if (v < 0) return false;
    if (high < 0) {
      high = v;
    } else {
      out.push_back(static_cast<char>(high * 16 + v));
      high = -1;
    }
  }
  return high < 0;
}

/// Parses the inside of `#--- path: p [key: value]... ---#` into `m`.
bool parse_separator(std::string_view line, Module& m, std::string& error) {
  line = trim(line);
  auto words = split_words(line.substr(4, line.size() - 8));
  if (words.size() % 2 != 0) {
    error = "separator attributes must be `key: value` pairs";
    return false;
  }
  for (size_t i = 0; i < words.size(); i += 2) {
    auto key = words[i];
    auto value = words[i + 1];
    if (key == "path:") {
      m.path = std::string(value);
    } else if (key == "encoding:" && value == "utf-8") {
      m.encoding = Encoding::Utf8;
    } else if (key == "encoding:" && value == "latin-1") {
      m.encoding = Encoding::Latin1;
    } else if (key == "bytes:" && value == "hex") {
      m.encoding = Encoding::Hex;
    } else if (key == "newline:" && (value == "lf" || value == "crlf")) {
      m.crlf = value == "crlf";
    } else if (key == "bom:" && (value == "yes" || value == "no")) {
      m.bom = value == "yes";
    } else {
      error = "unknown separator attribute `" + std::string(key) + " " + std::string(value) + "`";
      return false;
    }
  }
  if (m.path.empty() || m.path.front() == '/' || m.path.find("..") != std::string::npos) {
    error = "separator needs a relative `path:` without `..`";
    return false;
  }
  if (m.bom && m.encoding != Encoding::Utf8) {
    error = "`bom: yes` applies to utf-8 modules only";
    return false;
  }
  return true;
}

class CaseParser {
 public:
  explicit CaseParser(std::string_view name) { c_.name = std::string(name); }

  CaseFile parse(std::string_view text) {
    auto lines = split_lines(text);
    bool has_separator = false;
    for (auto l : lines) has_separator = has_separator || is_separator(l);
    if (!has_separator) {
      Module main;
      main.path = "main.py";
      main.first_case_line = 1;
      c_.modules.push_back(std::move(main));
    }
    for (size_t i = 0; i < lines.size(); ++i) {
      int case_line = static_cast<int>(i) + 1;
      if (is_separator(lines[i])) {
        Module m;
        std::string error;
        if (!parse_separator(lines[i], m, error)) {
          err(case_line, error);
          m.path = "<invalid-" + std::to_string(case_line) + ">.py";
        }
        for (const auto& other : c_.modules)
          if (other.path == m.path) err(case_line, "module `" + m.path + "` appears twice");
        m.first_case_line = case_line + 1;
        c_.modules.push_back(std::move(m));
        continue;
      }
      if (c_.modules.empty()) {
        preamble_line(lines[i], case_line);
      } else {
        c_.modules.back().lines.emplace_back(lines[i]);
      }
    }
    for (size_t m = 0; m < c_.modules.size(); ++m) finish_module(m);
    for (const auto& a : c_.assertions) check_directive_path(a);
    return std::move(c_);
  }

 private:
  void err(int case_line, const std::string& why) {
    c_.errors.push_back(c_.name + ":" + std::to_string(case_line) + ": " + why);
  }

  void preamble_line(std::string_view line, int case_line) {
    if (caret_index(line) != std::string_view::npos) {
      err(case_line, "a caret assertion must follow a module line");
    } else if (auto d = directive_text(line)) {
      add_directive(*d, line, case_line, "");
    } else if (!trim(line).empty() && trim(line).front() != '#') {
      err(case_line, "text before the first `#--- path: ... ---#` separator must be comments");
    }
  }

  void add_directive(std::string_view body, std::string_view line, int case_line,
                     const std::string& module_path) {
    auto parsed = parse_directive_body(body);
    if (!parsed.body) return err(case_line, "malformed directive: " + parsed.error);
    Assertion a;
    a.case_line = case_line;
    a.text = std::string(trim(line));
    a.path = parsed.path.empty() ? module_path : parsed.path;
    a.body = std::move(*parsed.body);
    bool graph_wide =
        std::holds_alternative<GraphNode>(a.body) || std::holds_alternative<GraphEdge>(a.body);
    if (a.path.empty() && !graph_wide)
      return err(case_line, "a file directive outside a module needs `@path`");
    c_.assertions.push_back(std::move(a));
  }

  void check_directive_path(const Assertion& a) {
    bool per_file = std::holds_alternative<FileRow>(a.body) ||
                    std::holds_alternative<FileDiagnostic>(a.body) ||
                    std::holds_alternative<NodeCount>(a.body);
    if (per_file && !c_.find_module(a.path))
      err(a.case_line, "`" + a.path + "` is not a module of this case");
  }

  void finish_module(size_t index) {
    Module& m = c_.modules[index];
    if (m.encoding == Encoding::Hex) return finish_hex_module(m);
    if (m.bom) m.bytes += kBom;
    for (size_t i = 0; i < m.lines.size(); ++i) {
      m.line_starts.push_back(static_cast<int64_t>(m.bytes.size()));
      std::string encoded;
      if (!encode_text(m.lines[i], m.encoding, encoded))
        err(m.first_case_line + static_cast<int>(i), "text not representable in latin-1");
      m.bytes += encoded;
      m.bytes += m.crlf ? "\r\n" : "\n";
    }
    int target = 0;  // the last module line that is not an assertion
    for (size_t i = 0; i < m.lines.size(); ++i) {
      const std::string& line = m.lines[i];
      int case_line = m.first_case_line + static_cast<int>(i);
      if (auto d = directive_text(line)) {
        add_directive(*d, line, case_line, m.path);
        continue;
      }
      auto caret = caret_index(line);
      if (caret == std::string_view::npos) {
        target = static_cast<int>(i) + 1;
        continue;
      }
      add_caret(m, line, caret, target, case_line);
    }
  }

  void add_caret(const Module& m, const std::string& line, size_t caret, int target,
                 int case_line) {
    if (target == 0) return err(case_line, "a caret assertion must follow a module line");
    const std::string& pointed = m.lines[static_cast<size_t>(target) - 1];
    size_t column = code_point_count(std::string_view(line).substr(0, caret));
    if (column >= code_point_count(pointed))
      return err(case_line, "the caret is past the end of line " + std::to_string(target));
    auto parsed = parse_caret_body(std::string_view(line).substr(caret + 1));
    if (!parsed.body) return err(case_line, "malformed assertion: " + parsed.error);
    std::string prefix;
    encode_text(std::string_view(pointed).substr(0, code_point_prefix_bytes(pointed, column)),
                m.encoding, prefix);
    Assertion a;
    a.case_line = case_line;
    a.text = std::string(trim(line));
    a.path = m.path;
    a.line = target;
    a.column = static_cast<int>(column);
    a.offset = m.line_starts[static_cast<size_t>(target) - 1] + static_cast<int64_t>(prefix.size());
    a.body = std::move(*parsed.body);
    c_.assertions.push_back(std::move(a));
  }

  void finish_hex_module(Module& m) {
    for (size_t i = 0; i < m.lines.size(); ++i) {
      const std::string& line = m.lines[i];
      int case_line = m.first_case_line + static_cast<int>(i);
      auto t = trim(line);
      if (t.empty()) continue;
      if (t.front() == '#') {
        if (caret_index(line) != std::string_view::npos)
          err(case_line, "caret assertions cannot point into a `bytes: hex` module");
        else if (auto d = directive_text(line))
          add_directive(*d, line, case_line, m.path);
        continue;
      }
      if (!decode_hex(t, m.bytes)) err(case_line, "not an even number of hex digits");
    }
  }

  CaseFile c_;
};

}  // namespace

const Module* CaseFile::find_module(std::string_view path) const {
  for (const auto& m : modules)
    if (m.path == path) return &m;
  return nullptr;
}

bool encode_text(std::string_view text, Encoding encoding, std::string& out) {
  if (encoding != Encoding::Latin1) {
    out.append(text);
    return true;
  }
  bool ok = true;
  for (size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
      ++i;
    } else if ((b & 0xE0) == 0xC0 && i + 1 < text.size()) {
      unsigned cp = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      ok = ok && cp <= 0xFF;
      out.push_back(static_cast<char>(cp & 0xFF));
      i += 2;
    } else {
      ok = false;
      out.push_back('?');
      ++i;
      while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    }
  }
  return ok;
}

size_t code_point_count(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

CaseFile parse_case(std::string_view name, std::string_view text) {
  return CaseParser(name).parse(text);
}

CaseFile load_case(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read golden case " + file.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_case(file.filename().string(), ss.str());
}

}  // namespace ca::golden
