// Helpers of the flow-sensitive binding tests: Python source through the tree-sitter
// extractor and the per-file binder; a read is named by its identifier and line, the
// bindings it reads by the lines of their binding sites.
#pragma once

#include <string>
#include <vector>

#include "extract/ts/python_extractor.hpp"
#include "resolve/local_binder.hpp"

namespace ca::flow_test {

/// The facts of one bound module, pkg/mod.py.
struct Bound {
  FileContext context;
  FileFacts facts;
};

/// Extracts and binds `source` as pkg/mod.py.
inline Bound bind_source(const std::string& source) {
  Bound out;
  out.context.path = "pkg/mod.py";
  out.context.module = "pkg.mod";
  out.context.file_id = file_id_for(out.context.path);
  out.context.size_bytes = static_cast<int64_t>(source.size());
  out.context.module_scope_id =
      node_id_for(out.context.path, NodeKind::Module, 0, out.context.size_bytes);
  SourceText text;
  text.utf8 = source;
  PythonSyntaxExtractor extractor;
  extractor.extract(text, out.context, out.facts);
  bind_file_names(out.context, out.facts);
  return out;
}

/// The line of a binding site (VARIABLE/CLASS/FUNCTION, PARAMETER or IMPORT); 0 if unknown.
inline int line_of(const FileFacts& facts, NodeId id) {
  for (const DefRow& row : facts.defs) {
    if (row.node_id == id) return row.span.start_line;
  }
  for (const ParamRow& row : facts.params) {
    if (row.node_id == id) return row.span.start_line;
  }
  for (const ImportRow& row : facts.imports) {
    if (row.node_id == id) return row.span.start_line;
  }
  return 0;
}

/// Lines of the binding sites that the `nth` (0-based) non-attribute load/del of `name`
/// on `line` may read, in output order; {-1} when there is no such occurrence.
inline std::vector<int> reads(const Bound& bound, const std::string& name, int line, int nth = 0) {
  const NameRow* use = nullptr;
  for (const NameRow& row : bound.facts.names) {
    if (row.name == name && row.span.start_line == line && !row.is_attribute &&
        row.ctx != "store" && nth-- == 0) {
      use = &row;
      break;
    }
  }
  if (use == nullptr) return {-1};
  std::vector<int> out;
  for (const NameRefRow& row : bound.facts.name_refs) {
    if (row.ref_id == use->node_id && row.binding_id) {
      out.push_back(line_of(bound.facts, *row.binding_id));
    }
  }
  return out;
}

}  // namespace ca::flow_test
