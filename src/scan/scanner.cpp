// The scan stage: walks the tree the way git sees it (ignore files, no symlinked
// directories) and lists the Python sources with their module names and packages.
#include "scan/scanner.hpp"

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include "scan/gitignore.hpp"
#include "scan/module_names.hpp"

namespace ca {
namespace {

namespace fs = std::filesystem;

struct PendingDir {
  std::string rel;  // repo-relative, "" for the root
  std::shared_ptr<const IgnoreScope> scope;
  bool included = true;  // selected by options.include (true when there is none)
};

bool is_python_name(std::string_view name, bool& stub) {
  auto ends_with = [&](std::string_view suffix) {
    return name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
  };
  stub = ends_with(".pyi");
  return stub || ends_with(".py");  // a bare ".py" has no module name: not listed
}

std::string join(const std::string& dir, std::string_view name) {
  return dir.empty() ? std::string(name) : dir + "/" + std::string(name);
}

DiagnosticRow scan_warning(std::string path, std::string code, std::string message) {
  DiagnosticRow row;
  row.file_id = file_id_for(path);
  row.path = std::move(path);
  row.layer = "scan";
  row.severity = "warning";
  row.code = std::move(code);
  row.message = std::move(message);
  return row;
}

class Walker {
 public:
  Walker(fs::path root, const ScanOptions& options, ScanResult& result)
      : root_(std::move(root)),
        options_(options),
        result_(result),
        include_(IgnoreFile::from_patterns(options.include, "")),
        exclude_(IgnoreFile::from_patterns(options.exclude, "")) {}

  void run() {
    std::vector<PendingDir> stack;
    stack.push_back({"", load_scope(nullptr, exclude_file(), "", ".git/info/exclude"),
                     options_.include.empty()});
    while (!stack.empty()) {
      PendingDir dir = std::move(stack.back());
      stack.pop_back();
      visit(dir, stack);
    }
  }

 private:
  // .git/info/exclude of a work tree; also for a linked work tree whose .git is a file
  // ("gitdir: PATH"). The global core.excludesFile is deliberately not read: the result
  // must not depend on the user running the scan.
  fs::path exclude_file() const {
    std::error_code ec;
    fs::path dotgit = root_ / ".git";
    auto st = fs::status(dotgit, ec);
    if (fs::is_directory(st)) return dotgit / "info" / "exclude";
    if (fs::is_regular_file(st)) {
      std::ifstream in(dotgit);
      std::string line;
      if (std::getline(in, line) && line.rfind("gitdir:", 0) == 0) {
        std::string target = line.substr(7);
        target.erase(0, target.find_first_not_of(" \t"));
        while (!target.empty() && (target.back() == '\r' || target.back() == ' '))
          target.pop_back();
        fs::path gitdir = fs::path(target).is_absolute() ? fs::path(target) : root_ / target;
        return gitdir / "info" / "exclude";
      }
    }
    return {};
  }

  // Reads the ignore file `file` (if it is a regular file; git does not follow symlinked
  // ignore files) and stacks it on `parent`. An unreadable file becomes a warning.
  std::shared_ptr<const IgnoreScope> load_scope(std::shared_ptr<const IgnoreScope> parent,
                                                const fs::path& file, const std::string& base,
                                                const std::string& shown) {
    if (file.empty()) return parent;
    std::error_code ec;
    if (!fs::is_regular_file(fs::symlink_status(file, ec))) return parent;
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf();
    if (!in || in.bad()) {
      result_.diagnostics.push_back(scan_warning(
          shown, "unreadable_gitignore",
          "cannot read ignore file '" + shown +
              "'; its patterns are not applied, so files it would exclude may be listed. "
              "Fix its permissions."));
      return parent;
    }
    IgnoreFile parsed = IgnoreFile::parse(text.str(), base);
    if (parsed.empty()) return parent;
    return std::make_shared<const IgnoreScope>(IgnoreScope{std::move(parsed), std::move(parent)});
  }

  /// One entry of a directory listing, typed from the listing itself (readdir's d_type,
  /// cached by directory_entry) so that most entries cost no stat call.
  struct ListedEntry {
    std::string name;
    bool is_directory = false;  ///< a directory, not a symlink to one
    bool is_candidate = false;  ///< a regular file or a symlink: may be a source
  };

  void visit(const PendingDir& dir, std::vector<PendingDir>& stack) {
    fs::path abs = dir.rel.empty() ? root_ : root_ / dir.rel;
    std::error_code ec;
    std::vector<ListedEntry> entries;
    bool has_gitignore = false;
    fs::directory_iterator it(abs, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const fs::directory_entry& entry = *it;
      std::error_code st_ec;
      ListedEntry listed{entry.path().filename().string()};
      // Types as symlink_status gives them: a symlink is never followed here.
      const bool is_symlink = entry.is_symlink(st_ec);
      if (st_ec) continue;  // vanished while we looked
      if (!is_symlink) {
        listed.is_directory = entry.is_directory(st_ec);
        if (st_ec) continue;
      }
      // Regular files and symlinks (broken ones and loops too: git lists a symlink as a
      // file); fifos, sockets and devices are never sources.
      listed.is_candidate = is_symlink || (!listed.is_directory && entry.is_regular_file(st_ec));
      if (st_ec) continue;
      if (listed.name == ".gitignore" && listed.is_candidate && !is_symlink) has_gitignore = true;
      entries.push_back(std::move(listed));
    }
    // The directory's own ignore file applies to everything listed in it.
    auto scope = has_gitignore ? load_scope(dir.scope, abs / ".gitignore", dir.rel,
                                            join(dir.rel, ".gitignore"))
                               : dir.scope;
    for (ListedEntry& entry : entries) {
      std::string rel = join(dir.rel, entry.name);
      if (entry.is_directory) {
        const auto& skip = options_.always_skip;
        if (std::find(skip.begin(), skip.end(), entry.name) != skip.end()) continue;
        if (is_ignored(scope.get(), rel, true) || excluded(rel, true)) continue;
        bool included = include_.match(rel, true).value_or(dir.included);
        stack.push_back({std::move(rel), scope, included});
        continue;
      }
      if (!entry.is_candidate) continue;
      bool stub = false;
      if (!is_python_name(entry.name, stub) || is_ignored(scope.get(), rel, false)) continue;
      if (excluded(rel, false) || !include_.match(rel, false).value_or(dir.included)) continue;
      ScannedFile file;
      file.file_id = file_id_for(rel);
      file.abs_path = root_ / rel;
      file.is_stub = stub;
      file.is_package_init = entry.name == "__init__.py" || entry.name == "__init__.pyi";
      file.path = std::move(rel);
      result_.files.push_back(std::move(file));
    }
    if (ec) {
      std::string shown = dir.rel.empty() ? "." : dir.rel;
      result_.diagnostics.push_back(scan_warning(
          shown, "unreadable_directory",
          "cannot read directory '" + shown + "' (" + ec.message() +
              "); the Python files below it are not scanned. Make it readable, or add it to "
              ".gitignore if it should not be part of the graph."));
    }
  }

  bool excluded(std::string_view rel, bool is_dir) const {
    return exclude_.match(rel, is_dir).value_or(false);
  }

  fs::path root_;
  const ScanOptions& options_;
  ScanResult& result_;
  IgnoreFile include_;  // options.include, relative to the root
  IgnoreFile exclude_;  // options.exclude, relative to the root
};

}  // namespace

ScanResult scan_repository(const fs::path& root, const ScanOptions& options) {
  std::error_code ec;
  fs::path base = fs::canonical(root, ec);
  if (ec) {
    throw std::runtime_error("cannot scan '" + root.string() + "': " + ec.message() +
                             "; give the path of a readable directory");
  }
  if (!fs::is_directory(base, ec)) {
    throw std::runtime_error("cannot scan '" + root.string() +
                             "': not a directory; give the path of the repository's directory");
  }
  fs::directory_iterator probe(base, ec);
  if (ec) {
    throw std::runtime_error("cannot scan '" + root.string() + "': cannot read the directory (" +
                             ec.message() + "); check its permissions");
  }

  std::vector<std::string> source_roots;
  for (const std::string& dir : options.source_roots) {
    std::optional<std::string> normal = normalize_relative_dir(dir);
    if (!normal)
      throw std::runtime_error("source root '" + dir +
                               "' is not a directory inside the repository; give a path "
                               "relative to the repository root");
    source_roots.push_back(std::move(*normal));
  }

  ScanResult result;
  Walker(base, options, result).run();

  // Determinism: byte order of paths, whatever order the file system returned.
  std::sort(result.files.begin(), result.files.end(),
            [](const ScannedFile& a, const ScannedFile& b) { return a.path < b.path; });
  PackageRoots roots = find_package_roots(base);
  if (!options.root_may_be_package) roots.root_prefix.clear();
  roots.source_roots = std::move(source_roots);
  for (ScannedFile& f : result.files) f.module = module_name_for(roots, f.path);
  result.packages = packages_for(roots, result.files);
  std::sort(result.diagnostics.begin(), result.diagnostics.end(),
            [](const DiagnosticRow& a, const DiagnosticRow& b) {
              return a.path != b.path ? a.path < b.path : a.code < b.code;
            });
  return result;
}

}  // namespace ca
