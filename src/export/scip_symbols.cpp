// SCIP symbol strings and docstring cleaning; see scip_symbols.hpp.
#include "export/scip_symbols.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace ca::scip_symbol {

bool is_simple_identifier_char(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (u < 0x80 && std::isalnum(u)) || c == '_' || c == '+' || c == '-' || c == '$';
}

std::string escape_identifier(std::string_view name) {
  if (!name.empty() && std::all_of(name.begin(), name.end(), is_simple_identifier_char))
    return std::string(name);
  std::string out = "`";
  for (char c : name) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

std::string escape_package_field(std::string_view value) {
  if (value.empty()) return ".";
  std::string out;
  for (char c : value) {
    if (c == ' ') out += ' ';
    out += c;
  }
  return out;
}

std::string namespace_descriptor(std::string_view name) {
  return escape_identifier(name) + "/";
}
std::string type_descriptor(std::string_view name) {
  return escape_identifier(name) + "#";
}
std::string term_descriptor(std::string_view name) {
  return escape_identifier(name) + ".";
}
std::string method_descriptor(std::string_view name) {
  return escape_identifier(name) + "().";
}
std::string parameter_descriptor(std::string_view name) {
  return "(" + escape_identifier(name) + ")";
}
std::string meta_descriptor(std::string_view name) {
  return escape_identifier(name) + ":";
}

std::string package_prefix(std::string_view scheme, std::string_view manager, std::string_view name,
                           std::string_view version) {
  return escape_package_field(scheme) + " " + escape_package_field(manager) + " " +
         escape_package_field(name) + " " + escape_package_field(version) + " ";
}

std::string module_namespace(std::string_view dotted_module) {
  return namespace_descriptor(dotted_module);
}

namespace {

bool is_blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\f'; });
}

std::string expand_tabs(std::string_view line) {
  std::string out;
  for (char c : line) {
    if (c == '\t')
      out.append(8 - out.size() % 8, ' ');
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string docstring_text(std::string_view literal) {
  size_t prefix = 0;
  while (prefix < literal.size() && std::isalpha(static_cast<unsigned char>(literal[prefix])))
    ++prefix;
  std::string_view rest = literal.substr(prefix);
  if (rest.empty() || (rest[0] != '"' && rest[0] != '\'')) return "";
  size_t quote = (rest.size() >= 6 && rest.substr(0, 3) == std::string(3, rest[0])) ? 3 : 1;
  if (rest.size() < 2 * quote) return "";
  std::string_view body = rest.substr(quote, rest.size() - 2 * quote);

  // inspect.cleandoc: split lines, strip the first line's leading whitespace, remove the
  // smallest indentation of the other non-blank lines, drop blank lines at both ends.
  std::vector<std::string> lines;
  size_t start = 0;
  while (true) {
    size_t nl = body.find('\n', start);
    std::string_view line =
        body.substr(start, nl == std::string_view::npos ? body.npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(expand_tabs(line));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  size_t indent = std::string::npos;
  for (size_t i = 1; i < lines.size(); ++i) {
    if (is_blank(lines[i])) continue;
    indent = std::min(indent, lines[i].find_first_not_of(' '));
  }
  lines[0].erase(0, std::min(lines[0].find_first_not_of(' '), lines[0].size()));
  for (size_t i = 1; i < lines.size(); ++i)
    lines[i] = indent == std::string::npos || lines[i].size() < indent ? std::string()
                                                                       : lines[i].substr(indent);
  while (!lines.empty() && is_blank(lines.back())) lines.pop_back();
  size_t first = 0;
  while (first < lines.size() && is_blank(lines[first])) ++first;
  std::string out;
  for (size_t i = first; i < lines.size(); ++i) {
    if (i > first) out += '\n';
    // Trailing whitespace is kept as inspect.cleandoc keeps it, except on blank lines.
    out += is_blank(lines[i]) ? std::string() : lines[i];
  }
  return out;
}

}  // namespace ca::scip_symbol
