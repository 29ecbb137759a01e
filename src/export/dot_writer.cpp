// DOT writer; see dot_writer.hpp.
#include "export/dot_writer.hpp"

#include <fmt/format.h>

namespace ca {
namespace {

std::string_view shape_of(std::string_view kind) {
  if (kind == "MODULE") return "shape=folder";
  if (kind == "CLASS") return "shape=box";
  if (kind == "LAMBDA") return "shape=ellipse, style=dashed";
  return "shape=ellipse";
}

std::string node_name(const PictureNode& node) {
  return fmt::format("\"n{}\"", node.id);
}

}  // namespace

std::string write_dot(const Picture& picture) {
  std::string out = fmt::format("digraph {} {{\n", dot_quote(to_string(picture.what)));
  out += "  graph [rankdir=LR, fontname=\"Helvetica\"];\n";
  out += "  node [fontname=\"Helvetica\", fontsize=10];\n";
  out += "  edge [color=\"#555555\"];\n";
  for (const PictureNode& node : picture.nodes) {
    std::string where = node.line ? fmt::format("{}:{}", node.path, *node.line) : node.path;
    out += fmt::format("  {} [label={}, {}, kind={}, qualname={}, path={}", node_name(node),
                       dot_quote(node.qualname), shape_of(node.kind), dot_quote(node.kind),
                       dot_quote(node.qualname), dot_quote(node.path));
    if (node.line) out += fmt::format(", line={}", *node.line);
    out += fmt::format(", tooltip={}];\n", dot_quote(where));
  }
  for (const PictureEdge& edge : picture.edges)
    out += fmt::format("  {} -> {} [kind={}];\n", node_name(picture.nodes[edge.src]),
                       node_name(picture.nodes[edge.dst]), dot_quote(edge.kind));
  return out + "}\n";
}

}  // namespace ca
