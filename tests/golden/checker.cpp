// Evaluation of golden assertions over a GraphSnapshot; see checker.hpp.
#include "golden/checker.hpp"

#include <algorithm>
#include <limits>

namespace ca::golden {
namespace {

bool is_ordered(const std::string& edge_kind) {
  return edge_kind == "HAS_PARAMETER" || edge_kind == "DECORATES" || edge_kind == "INHERITS";
}

/// The bytes of a node's span, if its file is a module of the case.
std::optional<std::string_view> span_bytes(const GNode& n, const CaseFile& c) {
  const Module* m = c.find_module(n.path);
  if (!m || n.bstart < 0 || n.bend < n.bstart || n.bend > static_cast<int64_t>(m->bytes.size()))
    return std::nullopt;
  return std::string_view(m->bytes).substr(static_cast<size_t>(n.bstart),
                                           static_cast<size_t>(n.bend - n.bstart));
}

std::string describe(const GNode& n, const CaseFile& c) {
  std::string out = n.kind + " " + n.name;
  if (!n.qualname.empty() && n.qualname != n.name) out += " qualname=" + n.qualname;
  out += " [" + std::to_string(n.start_line) + ":" + std::to_string(n.start_col) + "-" +
         std::to_string(n.end_line) + ":" + std::to_string(n.end_col) + "]";
  if (auto bytes = span_bytes(n, c)) {
    std::string shown;
    for (char ch : bytes->substr(0, 40))
      shown += ch == '\n' ? std::string("\\n") : std::string(1, ch);
    out += " `" + shown + (bytes->size() > 40 ? "...`" : "`");
  }
  return out;
}

std::string describe_all(const std::vector<const GNode*>& nodes, const CaseFile& c) {
  if (nodes.empty()) return "    (none)\n";
  std::string out;
  for (const auto* n : nodes) out += "    " + describe(*n, c) + "\n";
  return out;
}

bool attr_matches(const GNode& n, const Attr& a, const CaseFile& c) {
  std::string actual;
  std::string expected = a.value;
  if (a.key == "name")
    actual = n.name;
  else if (a.key == "qualname")
    actual = n.qualname;
  else if (a.key == "path")
    actual = n.path;
  else if (a.key == "start_line")
    actual = std::to_string(n.start_line);
  else if (a.key == "end_line")
    actual = std::to_string(n.end_line);
  else if (a.key == "start_col")
    actual = std::to_string(n.start_col);
  else if (a.key == "end_col")
    actual = std::to_string(n.end_col);
  else if (a.key == "text") {
    auto bytes = span_bytes(n, c);
    if (!bytes) return false;
    actual = std::string(*bytes);
    const Module* m = c.find_module(n.path);
    expected.clear();
    encode_text(a.value, m->encoding, expected);
  }
  return a.op == '=' ? actual == expected : actual.find(expected) != std::string::npos;
}

bool all_attrs_match(const GNode& n, const std::vector<Attr>& attrs, const CaseFile& c) {
  return std::all_of(attrs.begin(), attrs.end(),
                     [&](const Attr& a) { return attr_matches(n, a, c); });
}

std::vector<const GNode*> nodes_at(const GraphSnapshot& g, const Assertion& a) {
  std::vector<const GNode*> out;
  for (const auto& n : g.nodes)
    if (n.path == a.path && n.bstart <= a.offset && a.offset < n.bend) out.push_back(&n);
  return out;
}

std::string kinds_text(const std::vector<std::string>& kinds) {
  std::string out;
  for (const auto& k : kinds) out += (out.empty() ? "" : "|") + k;
  return out.empty() ? "node" : out;
}

/// The smallest node of one of `kinds` (any kind if empty) containing the caret; MODULE and
/// FILE stand for the file's own node when nothing smaller contains the caret.
const GNode* source_node(const GraphSnapshot& g, const Assertion& a,
                         const std::vector<std::string>& kinds) {
  auto wanted = [&](const std::string& k) {
    return kinds.empty() || std::find(kinds.begin(), kinds.end(), k) != kinds.end();
  };
  const GNode* best = nullptr;
  for (const auto* n : nodes_at(g, a)) {
    if (!wanted(n->kind) || n->kind == "MODULE" || n->kind == "FILE") continue;
    if (!best || n->bend - n->bstart < best->bend - best->bstart) best = n;
  }
  if (best) return best;
  for (const char* whole : {"MODULE", "FILE"}) {
    if (kinds.empty() || !wanted(whole)) continue;
    for (const auto& n : g.nodes)
      if (n.kind == whole && n.path == a.path) return &n;
  }
  return nullptr;
}

bool target_matches(const GNode& n, const Target& t, const Assertion& a) {
  if (!t.qualname.empty()) return n.kind == t.kind && n.qualname == t.qualname;
  return (t.kind.empty() || n.kind == t.kind) && n.name == t.name && n.start_line == t.line &&
         n.path == (t.path.empty() ? a.path : t.path);
}

std::string target_text(const GNode& n, const Assertion& a) {
  if (n.path.empty()) return n.kind + " " + n.qualname;  // EXTERNAL: no file, no line
  std::string out = n.kind + " " + n.name + "@";
  if (n.path != a.path) out += n.path + ":";
  return out + std::to_string(n.start_line);
}

std::optional<std::string> check_edges(const EdgeAt& e, const Assertion& a, const CaseFile& c,
                                       const GraphSnapshot& g) {
  const GNode* source = source_node(g, a, e.source_kinds);
  if (!source) {
    return "no " + kinds_text(e.source_kinds) + " contains the caret; nodes there:\n" +
           describe_all(nodes_at(g, a), c);
  }
  struct Hit {
    const GNode* node;
    int64_t position;
  };
  std::vector<Hit> hits;
  for (const auto& edge : g.edges) {
    if (edge.kind != e.edge_kind || (e.incoming ? edge.dst : edge.src) != source->id) continue;
    const GNode* other = g.node(e.incoming ? edge.src : edge.dst);
    if (!other) continue;
    auto pos = g.prop(edge.id, "position");
    int64_t position = pos.empty() ? std::numeric_limits<int64_t>::max() : std::stoll(pos[0]);
    hits.push_back(Hit{other, position});
  }
  bool ordered = is_ordered(e.edge_kind);
  std::stable_sort(hits.begin(), hits.end(), [&](const Hit& x, const Hit& y) {
    if (ordered && x.position != y.position) return x.position < y.position;
    return x.node->start_line < y.node->start_line;
  });

  bool ok = true;
  if (e.match == Match::None) {
    for (const auto& h : hits) {
      bool listed = std::any_of(e.targets.begin(), e.targets.end(),
                                [&](const Target& t) { return target_matches(*h.node, t, a); });
      ok = ok && (e.targets.empty() ? false : !listed);
    }
  } else if (ordered && e.match == Match::Exact) {
    ok = hits.size() == e.targets.size();
    for (size_t i = 0; ok && i < hits.size(); ++i)
      ok = target_matches(*hits[i].node, e.targets[i], a);
  } else {
    std::vector<bool> used(hits.size(), false);
    for (const auto& t : e.targets) {
      bool found = false;
      for (size_t i = 0; i < hits.size() && !found; ++i) {
        if (!used[i] && target_matches(*hits[i].node, t, a)) used[i] = found = true;
      }
      ok = ok && found;
    }
    if (e.match == Match::Exact)
      ok = ok && std::all_of(used.begin(), used.end(), [](bool u) { return u; });
  }
  if (ok) return std::nullopt;
  std::string out = e.edge_kind + (e.incoming ? " into " : " from ") + describe(*source, c) +
                    (ordered ? " (in position order)" : "") + ": ";
  if (hits.empty()) return out + "(none)";
  for (size_t i = 0; i < hits.size(); ++i) out += (i ? ", " : "") + target_text(*hits[i].node, a);
  return out;
}

std::optional<std::string> check(const NodeAt& n, const Assertion& a, const CaseFile& c,
                                 const GraphSnapshot& g) {
  auto at = nodes_at(g, a);
  bool found = std::any_of(at.begin(), at.end(), [&](const GNode* x) {
    return x->kind == n.kind && all_attrs_match(*x, n.attrs, c);
  });
  if (found != n.negated) return std::nullopt;
  return std::string(n.negated ? "a matching node is there" : "no matching node") +
         "; nodes containing the caret:\n" + describe_all(at, c);
}

std::optional<std::string> check(const PropAt& p, const Assertion& a, const CaseFile& c,
                                 const GraphSnapshot& g) {
  const GNode* source = source_node(g, a, p.source_kinds);
  if (!source) return "no " + kinds_text(p.source_kinds) + " contains the caret";
  auto values = g.prop(source->id, p.attr.key);
  bool found = std::any_of(values.begin(), values.end(), [&](const std::string& v) {
    return p.attr.op == '=' ? v == p.attr.value : v.find(p.attr.value) != std::string::npos;
  });
  if (found != p.negated) return std::nullopt;
  std::string out = "props of " + describe(*source, c) + ":";
  auto it = g.props.find(source->id);
  if (it == g.props.end()) return out + " (none)";
  for (const auto& [k, v] : it->second) out += " " + k + "=" + v;
  return out;
}

std::optional<std::string> check(const DiagnosticAt& d, const Assertion& a, const CaseFile& c,
                                 const GraphSnapshot& g) {
  std::vector<const GNode*> in_file;
  bool found = false;
  for (const auto& n : g.nodes) {
    if (n.kind != "DIAGNOSTIC" || n.path != a.path) continue;
    in_file.push_back(&n);
    found = found || (n.start_line == a.line && (d.code.empty() || n.name == d.code));
  }
  if (found != d.negated) return std::nullopt;
  return "DIAGNOSTIC nodes of " + a.path + ":\n" + describe_all(in_file, c);
}

std::optional<std::string> check(const FileRow& f, const Assertion& a, const CaseFile&,
                                 const GraphSnapshot& g) {
  auto row = g.files.find(a.path);
  if (row == g.files.end()) return "no repo_files row for " + a.path;
  for (const auto& attr : f.attrs) {
    auto col = row->second.find(attr.key);
    if (col == row->second.end()) return "repo_files has no column `" + attr.key + "`";
    std::string actual = col->second.value_or("NULL");
    bool match =
        attr.op == '=' ? actual == attr.value : actual.find(attr.value) != std::string::npos;
    if (match == f.negated) return "repo_files." + attr.key + " is `" + actual + "`";
  }
  return std::nullopt;
}

std::optional<std::string> check(const FileDiagnostic& d, const Assertion& a, const CaseFile&,
                                 const GraphSnapshot& g) {
  std::string rows;
  bool found = false;
  for (const auto& x : g.diagnostics) {
    if (x.path != a.path) continue;
    rows += "    " + x.code + " line " + (x.start_line ? std::to_string(*x.start_line) : "?") +
            ": " + x.message + "\n";
    found = found || d.code.empty() || x.code == d.code;
  }
  if (found != d.negated) return std::nullopt;
  return "diagnostics of " + a.path + ":\n" + (rows.empty() ? "    (none)\n" : rows);
}

std::optional<std::string> check(const NodeCount& n, const Assertion& a, const CaseFile& c,
                                 const GraphSnapshot& g) {
  std::vector<const GNode*> found;
  for (const auto& x : g.nodes)
    if (x.kind == n.kind && x.path == a.path) found.push_back(&x);
  if (static_cast<int64_t>(found.size()) == n.count) return std::nullopt;
  return std::to_string(found.size()) + " " + n.kind + " nodes in " + a.path + ":\n" +
         describe_all(found, c);
}

std::optional<std::string> check(const GraphNode& n, const Assertion&, const CaseFile& c,
                                 const GraphSnapshot& g) {
  std::vector<const GNode*> same_kind;
  bool found = false;
  for (const auto& x : g.nodes) {
    if (x.kind != n.kind) continue;
    same_kind.push_back(&x);
    found = found || all_attrs_match(x, n.attrs, c);
  }
  if (found != n.negated) return std::nullopt;
  return (n.negated ? "a matching node is there; " : "no matching node; ") + n.kind +
         " nodes in the graph:\n" + describe_all(same_kind, c);
}

bool names(const GNode& n, const std::string& kind, const std::string& text) {
  return n.kind == kind && (n.qualname == text || n.name == text);
}

std::optional<std::string> check(const GraphEdge& e, const Assertion&, const CaseFile& c,
                                 const GraphSnapshot& g) {
  bool found = false;
  std::vector<const GNode*> from_source;
  for (const auto& edge : g.edges) {
    if (edge.kind != e.edge_kind) continue;
    const GNode* s = g.node(edge.src);
    const GNode* d = g.node(edge.dst);
    if (!s || !d || !names(*s, e.src_kind, e.src_text)) continue;
    from_source.push_back(d);
    found = found || names(*d, e.dst_kind, e.dst_text);
  }
  if (found != e.negated) return std::nullopt;
  return e.edge_kind + " edges from " + e.src_kind + " " + e.src_text + " go to:\n" +
         describe_all(from_source, c);
}

}  // namespace

std::optional<std::string> check_assertion(const Assertion& a, const CaseFile& c,
                                           const GraphSnapshot& graph) {
  return std::visit(
      [&](const auto& body) -> std::optional<std::string> {
        using T = std::decay_t<decltype(body)>;
        if constexpr (std::is_same_v<T, EdgeAt>)
          return check_edges(body, a, c, graph);
        else
          return check(body, a, c, graph);
      },
      a.body);
}

}  // namespace ca::golden
