// The digests of a build's inputs; see build_inputs.hpp.
#include "pipeline/build_inputs.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <limits>

#include "core/file_read.hpp"
#include "core/parallel.hpp"
#include "store/read_query.hpp"

namespace ca {
namespace {

/// Length-prefixed fields, so that no two different field lists give the same bytes.
void add_field(std::string& bytes, std::string_view field) {
  bytes += std::to_string(field.size());
  bytes += ':';
  bytes += field;
}

/// The executable running this code, by path, size and modification time: a rebuilt
/// program is another program (its extractors or views may differ).
std::string program_identity() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  struct stat st {};
  if (ec || ::stat(exe.c_str(), &st) != 0) return "unknown";
  return fmt::format("{} {} {}.{:09}", exe.string(), st.st_size, st.st_mtim.tv_sec,
                     st.st_mtim.tv_nsec);
}

}  // namespace

ScanOptions scan_options_for(const BuildOptions& options) {
  ScanOptions scan;
  scan.root_may_be_package = options.root_may_be_package;
  scan.include = options.include;
  scan.exclude = options.exclude;
  scan.source_roots = options.source_roots;
  return scan;
}

RecordedInputs read_recorded_inputs(const std::filesystem::path& db_path) {
  RecordedInputs out;
  Database db(db_path, graph_reader_options());
  Connection con(db);
  QueryResult info = con.query("SELECT key, value FROM run_info");
  for (size_t i = 0; i < info.row_count(); ++i)
    out.run_info[info.value(i, 0).value_or("")] = info.value(i, 1).value_or("");
  QueryResult files = con.query("SELECT path, content_hash FROM repo_files");
  for (size_t i = 0; i < files.row_count(); ++i)
    out.files[files.value(i, 0).value_or("")] = files.value(i, 1).value_or("");
  return out;
}

std::string BuildInputs::digest() const {
  std::string bytes;
  add_field(bytes, program);
  add_field(bytes, options);
  add_field(bytes, files);
  return content_hash(bytes);
}

BuildInputs digest_build_inputs(const BuildOptions& options, const ScanResult& scan, int jobs) {
  BuildInputs inputs;
  inputs.program = program_identity();
  std::string bytes;
  // The repository's place too: the graph records it (run_info repo_root, read by diag).
  std::error_code ec;
  add_field(
      bytes,
      std::filesystem::weakly_canonical(std::filesystem::absolute(options.repo), ec).string());
  for (const auto& layer : options.layers) add_field(bytes, layer);
  add_field(bytes, std::to_string(options.max_file_size));
  add_field(bytes, std::to_string(options.parse_timeout_ms));
  add_field(bytes, options.root_may_be_package ? "root package" : "no root package");
  add_field(bytes, options.keep_evidence ? "evidence kept" : "evidence in memory");
  for (const auto& list : {options.include, options.exclude, options.source_roots}) {
    add_field(bytes, std::to_string(list.size()));
    for (const auto& item : list) add_field(bytes, item);
  }
  if (std::find(options.layers.begin(), options.layers.end(), "scip") != options.layers.end()) {
    if (options.scip_index.empty()) {
      inputs.reusable = false;  // what scip-python would write is not known without running it
    } else {
      FileRead index = read_whole_file(options.scip_index, std::numeric_limits<int64_t>::max());
      add_field(bytes, index.result == FileRead::Result::ok ? content_hash(index.bytes)
                                                            : "unreadable: " + index.error);
    }
  }
  inputs.options = content_hash(bytes);

  // Each file's content as the extraction would read it.
  std::vector<std::string> hashes(scan.files.size());
  parallel_for_each(
      scan.files.size(), jobs, [](int) { return 0; },
      [&](int&, size_t i) {
        FileRead read = read_whole_file(scan.files[i].abs_path, options.max_file_size);
        switch (read.result) {
          case FileRead::Result::ok:
            hashes[i] = read.stable ? content_hash(read.bytes) : "changing";
            break;
          case FileRead::Result::too_large:
            hashes[i] = fmt::format("too large: {}", read.size);
            break;
          case FileRead::Result::failed:
            hashes[i] = "unreadable: " + read.error;
            break;
        }
      });
  bytes.clear();
  for (size_t i = 0; i < scan.files.size(); ++i) {
    const ScannedFile& f = scan.files[i];
    if (hashes[i] == "changing") inputs.reusable = false;  // being written: build it
    add_field(bytes, f.path);
    add_field(bytes, f.module);
    add_field(bytes, f.is_package_init ? "init" : "");
    add_field(bytes, hashes[i]);
    inputs.content[f.path] = hashes[i];
  }
  for (const auto& p : scan.packages) add_field(bytes, p.dir_path);
  for (const auto& d : scan.diagnostics) add_field(bytes, d.path + ": " + d.message);
  inputs.files = content_hash(bytes);
  return inputs;
}

std::vector<std::pair<std::string, std::string>> inputs_run_info(const BuildInputs& inputs) {
  return {{"inputs_digest", inputs.reusable ? inputs.digest() : ""},
          {"program", inputs.program},
          {"options_digest", inputs.options},
          {"files_digest", inputs.files}};
}

std::optional<std::string> why_inputs_differ(const BuildInputs& now,
                                             const std::map<std::string, std::string>& run_info,
                                             const std::map<std::string, std::string>& files) {
  auto value = [&](const std::string& key) {
    auto it = run_info.find(key);
    return it == run_info.end() ? std::string() : it->second;
  };
  if (!now.reusable) return "the scip layer runs scip-python, whose index is not known before";
  if (value("inputs_digest").empty()) return "the published graph records no inputs digest";
  if (value("inputs_digest") == now.digest()) return std::nullopt;
  std::vector<std::string> reasons;
  if (value("program") != now.program) reasons.push_back("the program changed");
  if (value("options_digest") != now.options) reasons.push_back("the options changed");
  if (value("files_digest") != now.files) {
    std::vector<std::string> changed;
    for (const auto& [path, hash] : now.content) {
      auto it = files.find(path);
      if (it == files.end())
        changed.push_back(path + " (new)");
      else if (it->second != hash)
        changed.push_back(path);
    }
    for (const auto& [path, hash] : files)
      if (!now.content.count(path)) changed.push_back(path + " (deleted)");
    if (changed.empty()) {
      reasons.push_back("the packages or scan diagnostics changed");
    } else {
      std::string list;
      for (size_t i = 0; i < changed.size() && i < 5; ++i) list += (i ? ", " : "") + changed[i];
      if (changed.size() > 5) list += fmt::format(" and {} more", changed.size() - 5);
      reasons.push_back(fmt::format("{} file{} changed: {}", changed.size(),
                                    changed.size() == 1 ? "" : "s", list));
    }
  }
  if (reasons.empty()) reasons.push_back("the inputs changed");
  return fmt::format("{}", fmt::join(reasons, "; "));
}

}  // namespace ca
