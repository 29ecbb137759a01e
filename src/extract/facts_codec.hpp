// A binary form of one file's extraction: its repo_files row and every fact of FileFacts,
// the in-memory ones included (flow blocks, the program IR, the rows' flow positions), so
// that a later build can take a file's facts from the extraction cache instead of parsing
// it again. The form is private to one version of this program: the cache that holds it
// is keyed by the program's identity.
#pragma once

#include <string>
#include <string_view>

#include "extract/facts.hpp"

namespace ca {

/// Appends the encoding of `file` and `facts` to `out`. Every field is written, so that
/// decode_file_facts gives back values equal to these.
void encode_file_facts(const RepoFileRow& file, const FileFacts& facts, std::string& out);

/// Reads what encode_file_facts wrote into `file` and `facts` (which it overwrites). Returns
/// false when `bytes` are not a whole encoding (truncated, or lengths that run past the
/// end); `file` and `facts` are then unspecified. Never reads outside `bytes`.
bool decode_file_facts(std::string_view bytes, RepoFileRow& file, FileFacts& facts);

}  // namespace ca
