// Parser of the assertion and directive syntax of golden cases; see assertion.hpp and
// README.md for the grammar.
#include "golden/assertion.hpp"

#include <cctype>
#include <charconv>

#include "core/kinds.hpp"
#include "golden/text_util.hpp"

namespace ca::golden {
namespace {

/// The source kinds an edge relation starts from when the assertion names none.
std::vector<std::string> default_source_kinds(std::string_view edge_kind) {
  if (edge_kind == "REFERS_TO") return {"REFERENCE"};
  if (edge_kind == "HAS_PARAMETER") return {"FUNCTION", "LAMBDA"};
  if (edge_kind == "DECORATES" || edge_kind == "INHERITS") return {"FUNCTION", "CLASS"};
  if (edge_kind == "CALLS") return {"CALL"};
  if (edge_kind == "OVERRIDES") return {"FUNCTION"};
  if (edge_kind == "IMPORTS_SYMBOL") return {"IMPORT"};
  if (edge_kind == "HAS_DIAGNOSTIC") return {"FILE"};
  if (edge_kind == "IMPORTS") return {"MODULE"};
  return {"MODULE", "CLASS", "FUNCTION", "LAMBDA"};  // CONTAINS, DEFINES, CALLS_FUNCTION
}

std::optional<int64_t> parse_int(std::string_view s) {
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

/// `[KIND ]name@line`, `[KIND ]name@path:line` or `KIND qualname`.
std::optional<Target> parse_target(std::string_view text, std::string& error) {
  Target t;
  auto space = text.find(' ');
  if (space != std::string_view::npos && is_node_kind(text.substr(0, space))) {
    t.kind = std::string(text.substr(0, space));
    text = trim(text.substr(space + 1));
  }
  auto at = text.rfind('@');
  if (at == std::string_view::npos && !t.kind.empty() && !text.empty() &&
      text.find(' ') == std::string_view::npos) {
    t.qualname = std::string(text);
    return t;
  }
  if (at == std::string_view::npos || at == 0) {
    error = "target `" + std::string(text) + "` is not NAME@LINE";
    return std::nullopt;
  }
  t.name = std::string(text.substr(0, at));
  auto where = text.substr(at + 1);
  if (auto colon = where.rfind(':'); colon != std::string_view::npos) {
    t.path = std::string(where.substr(0, colon));
    where = where.substr(colon + 1);
  }
  auto line = parse_int(where);
  if (!line || *line < 1) {
    error = "target `" + std::string(text) + "` has no valid line after '@'";
    return std::nullopt;
  }
  t.line = static_cast<int>(*line);
  return t;
}

std::optional<std::vector<Target>> parse_targets(std::string_view text, std::string& error) {
  std::vector<Target> out;
  if (trim(text).empty()) return out;
  for (auto part : split_top_level(text, ',')) {
    auto t = parse_target(trim(part), error);
    if (!t) return std::nullopt;
    out.push_back(std::move(*t));
  }
  return out;
}

/// `KIND attr...` as used by `node:`.
bool parse_kind_and_attrs(std::string_view text, std::string& kind, std::vector<Attr>& attrs,
                          std::string& error) {
  auto words = trim(text);
  auto space = words.find(' ');
  kind = std::string(words.substr(0, space));
  if (!is_node_kind(kind)) {
    error = "`" + kind + "` is not a node kind";
    return false;
  }
  if (space == std::string_view::npos) return true;
  auto parsed = parse_attrs(words.substr(space + 1), error);
  if (!parsed) return false;
  for (const auto& a : *parsed) {
    static constexpr std::string_view kKeys[] = {"name",     "qualname",  "text",    "start_line",
                                                 "end_line", "start_col", "end_col", "path"};
    bool known = false;
    for (auto k : kKeys) known = known || a.key == k;
    if (!known) {
      error = "unknown node attribute `" + a.key + "`";
      return false;
    }
  }
  attrs = std::move(*parsed);
  return true;
}

/// The parts shared by both kinds of assertion: `['!'] [KINDS ] relation ['+'] ':' rest`.
struct Head {
  bool negated = false;
  std::vector<std::string> kinds;
  std::string relation;
  bool plus = false;
  std::string_view rest;
};

std::optional<Head> parse_head(std::string_view text, std::string& error) {
  Head h;
  text = trim(text);
  if (!text.empty() && text.front() == '!') {
    h.negated = true;
    text = trim(text.substr(1));
  }
  size_t i = 0;
  while (i < text.size() &&
         (std::isupper(static_cast<unsigned char>(text[i])) || text[i] == '_' || text[i] == '|'))
    ++i;
  if (i > 0 && i < text.size() && text[i] == ' ') {
    for (auto k : split_top_level(text.substr(0, i), '|')) {
      if (!is_node_kind(k)) {
        error = "`" + std::string(k) + "` is not a node kind";
        return std::nullopt;
      }
      h.kinds.emplace_back(k);
    }
    text = trim(text.substr(i));
  }
  i = 0;
  while (i < text.size() && (std::islower(static_cast<unsigned char>(text[i])) || text[i] == '_'))
    ++i;
  h.relation = std::string(text.substr(0, i));
  if (h.relation.empty()) {
    error = "expected a relation such as `node:` or `refers_to:`";
    return std::nullopt;
  }
  text = text.substr(i);
  if (!text.empty() && text.front() == '+') {
    h.plus = true;
    text = text.substr(1);
  }
  if (text.empty() || text.front() != ':') {
    error = "expected ':' after `" + h.relation + "`";
    return std::nullopt;
  }
  h.rest = trim(text.substr(1));
  if (h.plus && h.negated) {
    error = "'!' and '+' cannot be combined";
    return std::nullopt;
  }
  return h;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

ParsedBody fail(std::string error) {
  return ParsedBody{std::nullopt, std::move(error), {}};
}

}  // namespace

std::string Target::to_string() const {
  if (!qualname.empty()) return kind + " " + qualname;
  std::string out = kind.empty() ? "" : kind + " ";
  out += name + "@";
  if (!path.empty()) out += path + ":";
  return out + std::to_string(line);
}

bool is_node_kind(std::string_view kind) {
  return ca::parse_node_kind(kind).has_value();
}
bool is_edge_kind(std::string_view kind) {
  return ca::parse_edge_kind(kind).has_value();
}

ParsedBody parse_caret_body(std::string_view text) {
  std::string error;
  auto head = parse_head(text, error);
  if (!head) return fail(error);
  const auto& rel = head->relation;
  bool has_kinds = !head->kinds.empty();
  if (head->plus && (rel == "node" || rel == "prop" || rel == "diagnostic"))
    return fail("'+' applies to edge relations only");

  if (rel == "node" || rel == "diagnostic") {
    if (has_kinds) return fail("`" + rel + ":` takes no source kind");
    if (rel == "diagnostic") {
      return ParsedBody{DiagnosticAt{head->negated, std::string(head->rest)}, {}, {}};
    }
    NodeAt n{head->negated, {}, {}};
    if (!parse_kind_and_attrs(head->rest, n.kind, n.attrs, error)) return fail(error);
    return ParsedBody{n, {}, {}};
  }
  if (rel == "prop") {
    auto attrs = parse_attrs(head->rest, error);
    if (!attrs) return fail(error);
    if (attrs->size() != 1) return fail("`prop:` takes exactly one key=value or key~value");
    return ParsedBody{PropAt{head->negated, head->kinds, (*attrs)[0]}, {}, {}};
  }
  EdgeAt e;
  e.edge_kind = rel == "decorated_by" ? "DECORATES" : upper(rel);
  e.incoming = rel == "decorated_by";
  if (!is_edge_kind(e.edge_kind)) return fail("unknown relation `" + rel + "`");
  e.source_kinds = has_kinds ? head->kinds : default_source_kinds(e.edge_kind);
  e.match = head->negated ? Match::None : head->plus ? Match::Includes : Match::Exact;
  auto targets = parse_targets(head->rest, error);
  if (!targets) return fail(error);
  if (e.match == Match::Includes && targets->empty()) return fail("`+:` needs targets");
  e.targets = std::move(*targets);
  return ParsedBody{e, {}, {}};
}

ParsedBody parse_directive_body(std::string_view text) {
  text = trim(text);
  std::string path;
  if (!text.empty() && text.front() == '@') {
    auto space = text.find(' ');
    if (space == std::string_view::npos) return fail("`@path` must be followed by a directive");
    path = std::string(text.substr(1, space - 1));
    text = text.substr(space + 1);
  }
  std::string error;
  auto head = parse_head(text, error);
  if (!head) return fail(error);
  if (!head->kinds.empty() || head->plus) return fail("directives take no source kind and no '+'");
  const auto& rel = head->relation;
  auto with_path = [&](AssertionBody body) { return ParsedBody{std::move(body), {}, path}; };

  if (rel == "status") {
    if (head->rest.empty()) return fail("`status:` needs a value");
    return with_path(FileRow{head->negated, {Attr{"status", '=', std::string(head->rest)}}});
  }
  if (rel == "file") {
    if (head->negated) return fail("`file:` cannot be negated");
    auto attrs = parse_attrs(head->rest, error);
    if (!attrs) return fail(error);
    if (attrs->empty()) return fail("`file:` needs column=value pairs");
    return with_path(FileRow{false, std::move(*attrs)});
  }
  if (rel == "diagnostic") {
    return with_path(FileDiagnostic{head->negated, std::string(head->rest)});
  }
  if (rel == "count") {
    if (head->negated) return fail("`count:` cannot be negated");
    auto words = split_words(head->rest);
    if (words.size() != 2 || !is_node_kind(words[0])) return fail("`count:` takes KIND N");
    auto n = parse_int(words[1]);
    if (!n || *n < 0) return fail("`count:` needs a non-negative count");
    return with_path(NodeCount{std::string(words[0]), *n});
  }
  if (rel == "node") {
    GraphNode n{head->negated, {}, {}};
    if (!parse_kind_and_attrs(head->rest, n.kind, n.attrs, error)) return fail(error);
    return with_path(n);
  }
  if (rel == "edge") {
    auto words = split_words(head->rest);
    if (words.size() != 5 || !is_node_kind(words[0]) || !is_edge_kind(words[2]) ||
        !is_node_kind(words[3]))
      return fail("`edge:` takes KIND NAME EDGE_KIND KIND NAME");
    return with_path(GraphEdge{head->negated, std::string(words[0]), std::string(words[1]),
                               std::string(words[2]), std::string(words[3]),
                               std::string(words[4])});
  }
  return fail("unknown directive `" + rel + "`");
}

}  // namespace ca::golden
