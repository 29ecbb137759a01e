// Shared helpers of the tree-sitter extractor tests: extracting a snippet as pkg/mod.py and
// finding rows by name or text.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "extract/facts.hpp"
#include "extract/ts/python_extractor.hpp"

namespace ca::test {

inline constexpr std::string_view kPath = "pkg/mod.py";

inline FileContext mod_context(const std::string& source) {
  FileContext context;
  context.path = std::string(kPath);
  context.file_id = file_id_for(kPath);
  context.module = "pkg.mod";
  context.size_bytes = static_cast<int64_t>(source.size());
  context.module_scope_id = node_id_for(kPath, NodeKind::Module, 0, context.size_bytes);
  return context;
}

/// The facts of `source` extracted as pkg/mod.py.
inline FileFacts extract_source(const std::string& source, ExtractOutcome* outcome = nullptr,
                                ExtractOptions options = {}) {
  PythonSyntaxExtractor extractor(options);
  SourceText text;
  text.utf8 = source;
  FileFacts facts;
  ExtractOutcome result = extractor.extract(text, mod_context(source), facts);
  if (outcome != nullptr) *outcome = result;
  return facts;
}

/// Byte offset of the `nth` (0-based) occurrence of `needle` in `source`.
inline int64_t offset_of(const std::string& source, std::string_view needle, int nth = 0) {
  size_t at = source.find(needle);
  for (int i = 0; i < nth && at != std::string::npos; ++i) at = source.find(needle, at + 1);
  EXPECT_NE(at, std::string::npos) << "no occurrence " << nth << " of " << needle;
  return static_cast<int64_t>(at);
}

template <class Row>
std::vector<const Row*> rows_named(const std::vector<Row>& rows, std::string_view name) {
  std::vector<const Row*> out;
  for (const Row& row : rows) {
    if (row.name == name) out.push_back(&row);
  }
  return out;
}

/// The only row named `name`; fails the test when there is not exactly one.
template <class Row>
const Row& only_named(const std::vector<Row>& rows, std::string_view name) {
  auto found = rows_named(rows, name);
  static const Row empty{};
  EXPECT_EQ(found.size(), 1u) << "rows named " << name;
  return found.empty() ? empty : *found.front();
}

/// The scope with this qualname; fails the test when there is none.
inline const ScopeRow& scope_by_qualname(const FileFacts& facts, std::string_view qualname) {
  for (const ScopeRow& row : facts.scopes) {
    if (row.qualname == qualname) return row;
  }
  ADD_FAILURE() << "no scope " << qualname;
  static const ScopeRow empty{};
  return empty;
}

/// The REFERENCE id of the identifier at [bstart, bstart + len).
inline NodeId ref_at(int64_t bstart, size_t len) {
  return node_id_for(kPath, NodeKind::Reference, bstart, bstart + static_cast<int64_t>(len));
}

}  // namespace ca::test
