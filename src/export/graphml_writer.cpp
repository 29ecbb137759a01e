// GraphML writer; see graphml_writer.hpp.
#include "export/graphml_writer.hpp"

#include <fmt/format.h>

namespace ca {
namespace {

void add_data(std::string& out, std::string_view key, std::string_view value) {
  out += fmt::format("      <data key=\"{}\">{}</data>\n", key, xml_escape(value));
}

}  // namespace

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\t':
        out += "&#9;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
        else
          out += c;
    }
  }
  return out;
}

std::string write_graphml(const Picture& picture) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
      "  <key id=\"qualname\" for=\"node\" attr.name=\"qualname\" attr.type=\"string\"/>\n"
      "  <key id=\"path\" for=\"node\" attr.name=\"path\" attr.type=\"string\"/>\n"
      "  <key id=\"line\" for=\"node\" attr.name=\"line\" attr.type=\"int\"/>\n"
      "  <key id=\"edge_kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n";
  out += fmt::format("  <graph id=\"{}\" edgedefault=\"directed\">\n",
                     xml_escape(to_string(picture.what)));
  for (const PictureNode& node : picture.nodes) {
    out += fmt::format("    <node id=\"n{}\">\n", node.id);
    add_data(out, "label", node.qualname);
    add_data(out, "kind", node.kind);
    add_data(out, "qualname", node.qualname);
    add_data(out, "path", node.path);
    if (node.line) add_data(out, "line", std::to_string(*node.line));
    out += "    </node>\n";
  }
  for (size_t i = 0; i < picture.edges.size(); ++i) {
    const PictureEdge& edge = picture.edges[i];
    out += fmt::format("    <edge id=\"e{}\" source=\"n{}\" target=\"n{}\">\n", i,
                       picture.nodes[edge.src].id, picture.nodes[edge.dst].id);
    add_data(out, "edge_kind", edge.kind);
    out += "    </edge>\n";
  }
  return out + "  </graph>\n</graphml>\n";
}

}  // namespace ca
