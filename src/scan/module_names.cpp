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

bool in_src(const PackageRoots& roots, std::string_view path) {
  return roots.has_src && path.size() > 4 && path.substr(0, 4) == "src/";
}

// The qualname of a directory that is a package (never the root, never src/ itself).
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
  bool src = in_src(roots, path);
  std::string_view rel = src ? path.substr(4) : path;
  std::string_view prefix = src ? std::string_view() : std::string_view(roots.root_prefix);
  if (rel.size() >= 4 && rel.substr(rel.size() - 4) == ".pyi") {
    rel.remove_suffix(4);
  } else if (rel.size() >= 3 && rel.substr(rel.size() - 3) == ".py") {
    rel.remove_suffix(3);
  }
  if (last_component(rel, '/') == "__init__") {
    rel.remove_suffix(std::min(rel.size(), sizeof("/__init__") - 1));
    if (rel.empty()) {
      // __init__ directly in a package root: named after that root (see the header).
      if (src) return "src";
      if (!prefix.empty()) return std::string(prefix);
      return "__init__";  // unreachable in practice: such a root is a package
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
  std::set<std::string, std::less<>> dirs;
  for (const ScannedFile& f : files) {
    listed.insert(f.path);
    std::string_view path = f.path;
    for (size_t pos = path.find('/'); pos != std::string_view::npos;
         pos = path.find('/', pos + 1)) {
      std::string_view dir = path.substr(0, pos);
      if (roots.has_src && dir == "src") continue;
      dirs.emplace(dir);
    }
  }
  bool root_is_package = !roots.root_prefix.empty();
  std::vector<RepoPackageRow> rows;
  rows.reserve(dirs.size() + 1);
  if (root_is_package) {
    RepoPackageRow row;
    row.node_id = node_id_for(".", NodeKind::Package, 0, 0);
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
    if (slash == std::string::npos) {
      if (root_is_package) row.parent_package_id = node_id_for(".", NodeKind::Package, 0, 0);
    } else {
      std::string_view parent = std::string_view(dir).substr(0, slash);
      if (!(roots.has_src && parent == "src"))
        row.parent_package_id = node_id_for(parent, NodeKind::Package, 0, 0);
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
