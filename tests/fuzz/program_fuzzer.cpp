// Fuzz target over whole-program resolution of a small multi-file program: the input is
// split at NUL bytes into up to three files (a NUL is never valid in Python source, so no
// useful input is lost); a file may start with a line "@path/to/file.py" naming it (else
// it gets a default name). Each file goes through the per-file work of the pipeline
// (process_file_content), then module names and packages are derived as the scan does,
// and resolve_program runs over the lot.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "fuzz_checks.hpp"
#include "pipeline/file_job.hpp"
#include "resolve/program/resolve_program.hpp"
#include "scan/module_names.hpp"

namespace {

constexpr size_t kMaxFiles = 3;
constexpr size_t kMaxPathLength = 64;

/// A repo-relative path the scan could have listed: [A-Za-z0-9_./-] only, no empty, "." or
/// ".." components, ending in .py or .pyi; "" when `raw` cannot be made into one.
std::string sanitize_path(std::string_view raw) {
  std::string path;
  for (char c : raw.substr(0, kMaxPathLength)) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '_' || c == '.' || c == '/' || c == '-';
    if (keep) path += c;
  }
  std::string clean;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t slash = std::min(path.find('/', pos), path.size());
    std::string_view part(path.data() + pos, slash - pos);
    if (!part.empty() && part != "." && part != "..") {
      if (!clean.empty()) clean += '/';
      clean += part;
    }
    pos = slash + 1;
  }
  auto ends_with = [&](std::string_view suffix) {
    return clean.size() > suffix.size() &&
           clean.compare(clean.size() - suffix.size(), suffix.size(), suffix) == 0 &&
           clean[clean.size() - suffix.size() - 1] != '/';
  };
  if (!ends_with(".py") && !ends_with(".pyi")) return "";
  return clean;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ca;
  static PythonSyntaxExtractor extractor;
  static const char* const kDefaultPaths[kMaxFiles] = {"pkg/__init__.py", "pkg/mod.py", "main.py"};
  std::string_view input(reinterpret_cast<const char*>(data), size);

  std::vector<ScannedFile> scanned;
  std::vector<std::string_view> contents;
  std::set<std::string> seen;
  for (size_t i = 0; i < kMaxFiles && !input.empty(); ++i) {
    size_t nul = i + 1 < kMaxFiles ? input.find('\0') : std::string_view::npos;
    std::string_view part = input.substr(0, nul);
    input = nul == std::string_view::npos ? std::string_view() : input.substr(nul + 1);
    std::string path;
    if (!part.empty() && part[0] == '@') {
      size_t eol = part.find('\n');
      path = sanitize_path(part.substr(1, eol == std::string_view::npos ? part.npos : eol - 1));
      part = eol == std::string_view::npos ? std::string_view() : part.substr(eol + 1);
    }
    if (path.empty() || seen.count(path)) path = kDefaultPaths[i];
    if (seen.count(path)) continue;
    seen.insert(path);
    ScannedFile f;
    f.path = path;
    f.file_id = file_id_for(path);
    std::string_view name = std::string_view(path).substr(path.rfind('/') + 1);
    f.is_package_init = name == "__init__.py" || name == "__init__.pyi";
    f.is_stub = name.ends_with(".pyi");
    scanned.push_back(std::move(f));
    contents.push_back(part);
  }
  // The scan lists files sorted by path, and names modules and packages from the paths.
  std::vector<size_t> order(scanned.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return scanned[a].path < scanned[b].path; });
  std::vector<ScannedFile> files;
  std::vector<std::string_view> texts;
  for (size_t i : order) {
    files.push_back(scanned[i]);
    texts.push_back(contents[i]);
  }
  PackageRoots roots;
  for (ScannedFile& f : files) f.module = module_name_for(roots, f.path);
  std::vector<RepoPackageRow> packages = packages_for(roots, files);

  std::vector<ExtractedFile> extracted;
  extracted.reserve(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    extracted.push_back(process_file_content(files[i], FileLimits{}, texts[i], extractor));
    fuzz::check_extracted(extracted.back(), static_cast<int64_t>(texts[i].size()));
  }
  std::vector<ProgramFile> program_files;
  for (const ExtractedFile& e : extracted) program_files.push_back(ProgramFile{&e.file, &e.facts});
  ResolveOptions options;
  options.jobs = 1;
  ProgramFacts facts = resolve_program(program_files, packages, options);
  for (const DiagnosticRow& d : facts.diagnostics)
    if (d.code == "internal_error") fuzz::violated("resolve internal_error", d.message);
  return 0;
}
