// String helpers of the golden harness; see text_util.hpp.
#include "golden/text_util.hpp"

#include <cctype>

namespace ca::golden {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_top_level(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  int depth = 0;
  bool quoted = false;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '`') quoted = !quoted;
    if (quoted) continue;
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    if (c == sep && depth == 0) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(s.substr(start));
  return out;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    size_t start = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::optional<std::vector<Attr>> parse_attrs(std::string_view s, std::string& error) {
  std::vector<Attr> out;
  size_t i = 0;
  while (true) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) return out;
    size_t key_start = i;
    while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
    Attr a;
    a.key = std::string(s.substr(key_start, i - key_start));
    if (a.key.empty() || i >= s.size() || (s[i] != '=' && s[i] != '~')) {
      error = "expected key=value or key~value at `" + std::string(s.substr(key_start)) + "`";
      return std::nullopt;
    }
    a.op = s[i++];
    if (i < s.size() && s[i] == '`') {
      auto close = s.find('`', i + 1);
      if (close == std::string_view::npos) {
        error = "unterminated ` in value of `" + a.key + "`";
        return std::nullopt;
      }
      a.value = std::string(s.substr(i + 1, close - i - 1));
      i = close + 1;
    } else {
      size_t start = i;
      while (i < s.size() && s[i] != ' ') ++i;
      a.value = std::string(s.substr(start, i - start));
    }
    out.push_back(std::move(a));
  }
}

}  // namespace ca::golden
