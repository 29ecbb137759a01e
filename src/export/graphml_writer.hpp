// GraphML text of a picture (graph_picture.hpp), for Gephi, yEd, NetworkX and igraph.
#pragma once

#include <string>
#include <string_view>

#include "export/graph_picture.hpp"

namespace ca {

/// `s` escaped for XML text and attribute values: & < > " ' as entities, tab, newline and
/// carriage return as character references, other control characters (not allowed in
/// XML 1.0) as U+FFFD.
std::string xml_escape(std::string_view s);

/// A directed GraphML document with key declarations for the node attributes label,
/// kind, qualname, path (strings) and line (int) and the edge attribute kind (string);
/// node ids "n<node_id>", edge ids "e<index>". Nodes and edges in the picture's order, so
/// the text is deterministic.
std::string write_graphml(const Picture& picture);

}  // namespace ca
