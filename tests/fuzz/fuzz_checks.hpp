// Invariants the fuzz targets check on what the per-file work produced, beyond "no crash":
// no internal error was caught and recorded, and every byte range lies inside the file.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <type_traits>

#include "pipeline/file_job.hpp"

namespace ca::fuzz {

/// Prints what broke and aborts, so that libFuzzer (or the regression runner) reports it.
[[noreturn]] inline void violated(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "fuzz invariant violated: %.*s: %.*s\n", static_cast<int>(what.size()),
               what.data(), static_cast<int>(detail.size()), detail.data());
  std::abort();
}

/// Checks that a row's bstart/bend columns (when present) satisfy 0 <= bstart <= bend <= size.
template <class Row>
void check_row_range(const Row& row, int64_t size, std::string_view table) {
  std::optional<int64_t> bstart, bend;
  row.columns([&](std::string_view name, const auto& value) {
    using T = std::decay_t<decltype(value)>;
    if constexpr (std::is_same_v<T, int64_t>) {
      if (name == "bstart") bstart = value;
      if (name == "bend") bend = value;
    } else if constexpr (std::is_same_v<T, std::optional<int64_t>>) {
      if (name == "bstart") bstart = value;
      if (name == "bend") bend = value;
    }
  });
  if (bstart && (*bstart < 0 || *bstart > size)) violated(table, "bstart outside the file");
  if (bend && (*bend < 0 || *bend > size)) violated(table, "bend outside the file");
  if (bstart && bend && *bstart > *bend) violated(table, "bstart after bend");
}

template <class Row>
void check_rows(const std::vector<Row>& rows, int64_t size, std::string_view table) {
  for (const Row& row : rows) check_row_range(row, size, table);
}

/// The checks on one processed file.
inline void check_extracted(const ExtractedFile& out, int64_t size) {
  if (out.file.size_bytes != size) violated("repo_files", "size_bytes differs from the input");
  for (const DiagnosticRow& d : out.facts.diagnostics)
    if (d.code == "internal_error") violated("internal_error", d.message);
  const FileFacts& f = out.facts;
  check_rows(f.scopes, size, "ts_scopes");
  check_rows(f.defs, size, "ts_defs");
  check_rows(f.params, size, "ts_params");
  check_rows(f.names, size, "ts_names");
  check_rows(f.imports, size, "ts_imports");
  check_rows(f.calls, size, "ts_calls");
  check_rows(f.decorators, size, "ts_decorators");
  check_rows(f.class_bases, size, "ts_class_bases");
  check_rows(f.returns, size, "ts_returns");
  check_rows(f.docstrings, size, "ts_docstrings");
  check_rows(f.scope_decls, size, "ts_scope_decls");
  check_rows(f.bindings, size, "res_bindings");
  check_rows(f.name_refs, size, "res_name_refs");
  check_rows(f.diagnostics, size, "diagnostics");
}

}  // namespace ca::fuzz
