// Graphviz DOT text of a picture (graph_picture.hpp).
#pragma once

#include <string>
#include <string_view>

#include "core/dot_text.hpp"
#include "export/graph_picture.hpp"

namespace ca {

/// A `digraph` that Graphviz renders: one node per picture node, labelled with its
/// qualified name, shaped by kind (MODULE folder, CLASS box, FUNCTION ellipse, LAMBDA
/// dashed ellipse), with attributes kind, qualname, path, line and a "path:line" tooltip;
/// one edge per picture edge with attribute kind. Node ids are "n<node_id>". Nodes and
/// edges in the picture's order, so the text is deterministic.
std::string write_dot(const Picture& picture);

}  // namespace ca
