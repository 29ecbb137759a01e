// Reading an index.scip (protobuf scip.Index, proto/scip.proto) into the rows of the scip
// evidence layer (scip_facts.hpp), its documents matched to the build's files by path and
// its positions converted to canonical spans (scip_positions.hpp).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_text.hpp"
#include "evidence/scip/scip_facts.hpp"

namespace ca {

/// A file of the build that documents of the index may describe.
struct ScipIndexFile {
  FileId file_id = 0;
  std::string path;                  ///< repo-relative, '/'-separated, as repo_files.path
  const SourceText* text = nullptr;  ///< nullptr when the file has no text (not decoded)
};

/// The rows of one index and what its metadata says.
struct ScipIndexResult {
  ScipFacts facts;
  std::string tool_name, tool_version, project_root;
};

/// The bytes are not a SCIP index.
class ScipIndexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Decodes `bytes` (an index.scip) against the build's files. Throws ScipIndexError naming
/// `index_path` when the bytes are not a SCIP index (protobuf parse failure); everything per
/// document or occurrence is a diagnostic (layer "scip", severity warning) and the rest is
/// kept:
/// - a document is matched to the file whose path equals its relative_path (a leading "./"
///   removed); one for no file of the build is skipped (scip_unknown_document, file_id 0),
///   as is a second document for the same path (scip_duplicate_document);
/// - a document for a file without text keeps its row and symbols, not its occurrences
///   (scip_no_text);
/// - positions are read in the document's position_encoding, an unspecified one as
///   scip-python writes them (UTF-16, the BOM a character: scip_positions.hpp); an unknown
///   one the same way (scip_unknown_position_encoding);
/// - an occurrence whose range is not 3 or 4 non-negative numbers or ends before it starts
///   (scip_bad_range), or names a position the file does not have
///   (scip_position_out_of_range), is skipped; a bad enclosing_range only leaves the
///   enclosing columns NULL.
ScipIndexResult read_scip_index(std::string_view bytes, std::string_view index_path,
                                const std::vector<ScipIndexFile>& files);

}  // namespace ca
