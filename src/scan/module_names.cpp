// Module and package naming; see module_names.hpp.
#include "scan/module_names.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace ca {
namespace {

namespace fs = std::filesystem;

bool holds_init(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "__init__.py", ec) || fs::exists(dir / "__init__.pyi", ec);
}

std::string_view last_component(std::string_view path, char sep) {
  size_t pos = path.rfind(sep);
  return pos == std::string_view::npos ? path : path.substr(pos + 1);
}

// The package root a path is named from: its directory ("" = the repository root) and the
// dotted prefix of the names below it.
struct Root {
  std::string_view dir;
  std::string_view prefix;
};

bool is_below(std::string_view path, std::string_view dir) {
  return dir.empty() || (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
                         path[dir.size()] == '/');
}

// The innermost root holding `path`.
Root root_for(const PackageRoots& roots, std::string_view path) {
  if (!roots.source_roots.empty()) {
    Root best{};
    for (const std::string& dir : roots.source_roots)
      if (dir.size() >= best.dir.size() && is_below(path, dir)) best.dir = dir;
    return best;
  }
  if (roots.has_src && is_below(path, "src")) return {"src", {}};
  return {{}, roots.root_prefix};
}

// The qualname of a directory that is a package (never a root).
std::string dir_qualname(const PackageRoots& roots, std::string_view dir) {
  return module_name_for(roots, std::string(dir) + "/__init__.py");
}

std::optional<FileId> init_file(const std::unordered_set<std::string_view>& listed,
                                const std::string& dir) {
  std::string prefix = dir.empty() ? std::string() : dir + "/";
  for (const char* name : {"__init__.py", "__init__.pyi"}) {
    std::string candidate = prefix + name;
    if (listed.count(candidate)) return file_id_for(candidate);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> normalize_relative_dir(std::string_view dir) {
  if (!dir.empty() && dir.front() == '/') return std::nullopt;
  std::string out;
  while (!dir.empty()) {
    size_t slash = dir.find('/');
    std::string_view part = dir.substr(0, slash);
    dir.remove_prefix(slash == std::string_view::npos ? dir.size() : slash + 1);
    if (part.empty() || part == ".") continue;
    if (part == "..") return std::nullopt;
    if (!out.empty()) out += '/';
    out += part;
  }
  return out;
}

PackageRoots find_package_roots(const fs::path& root) {
  PackageRoots roots;
  std::error_code ec;
  roots.has_src = fs::is_directory(fs::symlink_status(root / "src", ec));
  fs::path dir = fs::canonical(root, ec);
  if (ec) dir = fs::absolute(root, ec).lexically_normal();
  while (holds_init(dir)) {
    std::string name = dir.filename().string();
    if (name.empty()) break;
    roots.root_prefix = roots.root_prefix.empty() ? name : name + "." + roots.root_prefix;
    fs::path parent = dir.parent_path();
    if (parent == dir) break;
    dir = parent;
  }
  return roots;
}

std::string module_name_for(const PackageRoots& roots, std::string_view path) {
  Root root = root_for(roots, path);
  std::string_view rel = root.dir.empty() ? path : path.substr(root.dir.size() + 1);
  std::string_view prefix = root.prefix;
  if (rel.size() >= 4 && rel.substr(rel.size() - 4) == ".pyi") {
    rel.remove_suffix(4);
  } else if (rel.size() >= 3 && rel.substr(rel.size() - 3) == ".py") {
    rel.remove_suffix(3);
  }
  if (last_component(rel, '/') == "__init__") {
    rel.remove_suffix(std::min(rel.size(), sizeof("/__init__") - 1));
    if (rel.empty()) {
      // __init__ directly in a package root: named after that root (see the header).
      if (!prefix.empty()) return std::string(prefix);
      if (!root.dir.empty()) return std::string(last_component(root.dir, '/'));
      return "__init__";  // the repository root under explicit source roots
    }
  }
  std::string name(prefix);
  if (!name.empty()) name += '.';
  size_t start = name.size();
  name += rel;
  std::replace(name.begin() + static_cast<std::ptrdiff_t>(start), name.end(), '/', '.');
  return name;
}

std::vector<RepoPackageRow> packages_for(const PackageRoots& roots,
                                         const std::vector<ScannedFile>& files) {
  std::unordered_set<std::string_view> listed;
  std::set<std::string, std::less<>> dirs;  // package directories: strictly below their root
  for (const ScannedFile& f : files) {
    listed.insert(f.path);
    std::string_view path = f.path;
    Root root = root_for(roots, path);
    size_t from = root.dir.empty() ? 0 : root.dir.size() + 1;
    for (size_t pos = path.find('/', from); pos != std::string_view::npos;
         pos = path.find('/', pos + 1)) {
      dirs.emplace(path.substr(0, pos));
    }
  }
  bool root_is_package = roots.source_roots.empty() && !roots.root_prefix.empty();
  const NodeId root_id = node_id_for(".", NodeKind::Package, 0, 0);
  std::vector<RepoPackageRow> rows;
  rows.reserve(dirs.size() + 1);
  if (root_is_package) {
    RepoPackageRow row;
    row.node_id = root_id;
    row.qualname = roots.root_prefix;
    row.name = std::string(last_component(roots.root_prefix, '.'));
    row.dir_path.push_back('.');  // (not = ".": GCC 12 emits a false -Wrestrict)
    row.init_file_id = init_file(listed, "");
    rows.push_back(std::move(row));
  }
  for (const std::string& dir : dirs) {
    RepoPackageRow row;
    row.node_id = node_id_for(dir, NodeKind::Package, 0, 0);
    row.qualname = dir_qualname(roots, dir);
    row.name = std::string(last_component(dir, '/'));
    row.dir_path = dir;
    row.init_file_id = init_file(listed, dir);
    size_t slash = dir.rfind('/');
    std::string_view parent =
        slash == std::string::npos ? std::string_view() : std::string_view(dir).substr(0, slash);
    if (parent != root_for(roots, dir).dir) {
      row.parent_package_id = node_id_for(parent, NodeKind::Package, 0, 0);
    } else if (parent.empty() && root_is_package) {
      row.parent_package_id = root_id;
    }
    rows.push_back(std::move(row));
  }
  // Determinism: sorted by qualname; src/x and x may share one, so the path breaks ties.
  std::sort(rows.begin(), rows.end(), [](const RepoPackageRow& a, const RepoPackageRow& b) {
    return a.qualname != b.qualname ? a.qualname < b.qualname : a.dir_path < b.dir_path;
  });
  return rows;
}

}  // namespace ca
