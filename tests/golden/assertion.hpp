// One expectation of a golden case and the parser of its comment syntax
// (`# ^ relation: ...` under a line, `#! directive: ...` for a whole file).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ca::golden {

/// A node named in an assertion: `[KIND ]name@line`, `[KIND ]name@path:line`, or
/// `KIND qualname` (no `@`: any node of KIND with that qualname, e.g. an EXTERNAL).
struct Target {
  std::string kind;  ///< empty = any kind
  std::string name;
  int line = 0;
  std::string path;      ///< empty = the module of the assertion
  std::string qualname;  ///< non-empty: match KIND and qualname instead of name/line/path

  std::string to_string() const;
};

/// `key=value` (equal) or `key~value` (contains) on a node column or property.
struct Attr {
  std::string key;
  char op = '=';
  std::string value;
};

/// How an edge relation compares the targets it lists.
enum class Match {
  Exact,     ///< `rel: a@1, b@2`  exactly these (in position order for ordered kinds)
  Includes,  ///< `rel+: a@1`      at least these
  None,      ///< `!rel: a@1`      none of these (`!rel:` alone: no edge at all)
};

// ---- caret assertions (`# ^ ...`): about the node(s) at the caret ----

/// `node: KIND attrs` / `!node: KIND attrs`: a node of KIND containing the caret.
struct NodeAt {
  bool negated = false;
  std::string kind;
  std::vector<Attr> attrs;
};

/// `[SRC] relation[+]: targets`: the edges of `edge_kind` leaving (or, for `decorated_by`,
/// entering) the smallest node of a source kind containing the caret.
struct EdgeAt {
  std::vector<std::string> source_kinds;  ///< candidates for the source node
  std::string edge_kind;                  ///< e.g. REFERS_TO
  bool incoming = false;
  Match match = Match::Exact;
  std::vector<Target> targets;
};

/// `[SRC] prop: key=value` / `!prop: ...` on the smallest node (of SRC) containing the caret.
struct PropAt {
  bool negated = false;
  std::vector<std::string> source_kinds;  ///< empty = any kind
  Attr attr;
};

/// `diagnostic: [code]` / `!diagnostic: [code]`: a DIAGNOSTIC node starting on the caret line.
struct DiagnosticAt {
  bool negated = false;
  std::string code;  ///< empty = any code
};

// ---- directives (`#! ...`): about a whole file or the whole graph ----

/// `status: S` / `!status: S` and `file: col=value ...`: columns of the file's repo_files row.
struct FileRow {
  bool negated = false;
  std::vector<Attr> attrs;
};

/// `diagnostic: [code]` / `!diagnostic: [code]`: rows of the `diagnostics` table for the file.
struct FileDiagnostic {
  bool negated = false;
  std::string code;  ///< empty = any code
};

/// `count: KIND N`: the number of nodes of KIND in the file.
struct NodeCount {
  std::string kind;
  int64_t count = 0;
};

/// `node: KIND attrs` / `!node: ...`: a node anywhere in the graph of the case.
struct GraphNode {
  bool negated = false;
  std::string kind;
  std::vector<Attr> attrs;
};

/// `edge: KIND text EDGE KIND text` / `!edge: ...`: an edge between two nodes, each named
/// by kind and qualname (or name).
struct GraphEdge {
  bool negated = false;
  std::string src_kind, src_text, edge_kind, dst_kind, dst_text;
};

using AssertionBody = std::variant<NodeAt, EdgeAt, PropAt, DiagnosticAt, FileRow, FileDiagnostic,
                                   NodeCount, GraphNode, GraphEdge>;

/// A parsed assertion with where it was written and what it points at.
struct Assertion {
  int case_line = 0;    ///< line in the case file
  std::string text;     ///< the assertion as written, for messages
  std::string path;     ///< the module file it is about
  int line = 0;         ///< caret assertions: the module line pointed at (1-based)
  int column = 0;       ///< caret assertions: the code-point column pointed at
  int64_t offset = -1;  ///< caret assertions: the byte offset in the written file
  AssertionBody body;

  bool is_caret() const { return offset >= 0; }
};

/// What parsing an assertion body gives: the body, or why it is malformed.
struct ParsedBody {
  std::optional<AssertionBody> body;
  std::string error;
  std::string path;  ///< directives only: the `@path` prefix, if any
};

/// Parses the text after the caret of `# ^ ...`.
ParsedBody parse_caret_body(std::string_view text);
/// Parses the text after `#!` of a directive.
ParsedBody parse_directive_body(std::string_view text);

/// True when `kind` is one of the node kinds of the graph.
bool is_node_kind(std::string_view kind);
/// True when `kind` is one of the edge kinds of the graph.
bool is_edge_kind(std::string_view kind);

}  // namespace ca::golden
