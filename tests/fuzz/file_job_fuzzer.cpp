// Fuzz target over the per-file work of a build (pipeline/file_job.hpp): decoding (BOM,
// PEP 263 coding declarations), tree-sitter extraction and per-file name binding, through
// the same process_file_content the pipeline runs on every file's bytes. Built as a
// libFuzzer target with CA_FUZZ=ON, and into the regression runner otherwise.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/ids.hpp"
#include "fuzz_checks.hpp"
#include "pipeline/file_job.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ca;
  // One extractor reused across inputs, as each pipeline worker reuses its own.
  static PythonSyntaxExtractor extractor;
  static const ScannedFile scanned = [] {
    ScannedFile f;
    f.path = "pkg/mod.py";
    f.module = "pkg.mod";
    f.file_id = file_id_for(f.path);
    return f;
  }();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ExtractedFile out = process_file_content(scanned, FileLimits{}, bytes, extractor);
  fuzz::check_extracted(out, static_cast<int64_t>(size));
  return 0;
}
