// Module and package naming: where the package roots of a scanned tree are, the dotted
// module name of each listed file, and the package directories with their parents.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "extract/facts.hpp"
#include "scan/scanner.hpp"

namespace ca {

/// Where dotted names start in a scanned tree.
struct PackageRoots {
  /// `src/` is a directory directly below the root: a second package root (not a package).
  bool has_src = false;
  /// The dotted name of the root directory when it is itself a package (holds an
  /// __init__.py or __init__.pyi), prefixed by the names of enclosing directories that are
  /// packages too (".../dist-packages/requests" -> "requests"); empty otherwise.
  std::string root_prefix;
};

/// Looks at `root` on disk (and its parents, for the prefix). Never fails: what cannot be
/// read counts as absent.
PackageRoots find_package_roots(const std::filesystem::path& root);

/// The dotted module name of the source at `path` (repo-relative, '/'-separated, ending in
/// .py or .pyi): its path relative to its package root without the extension, '/' -> '.',
/// a final "__init__" dropped, the root prefix prepended for files outside src/.
/// An __init__.py directly in a root that is not a package (only src/ can be one: the repo
/// root holding __init__.py is a package) is named after that directory: src/__init__.py
/// -> "src", since an empty module name would be unusable.
std::string module_name_for(const PackageRoots& roots, std::string_view path);

/// One row per package directory, sorted by qualname (then dir_path): every directory
/// below a package root holding a listed source at any depth (namespace packages
/// included), plus the root itself (dir_path ".") when it is a package. `src/` is a root,
/// never a package. `files` must be the scan's listed sources.
std::vector<RepoPackageRow> packages_for(const PackageRoots& roots,
                                         const std::vector<ScannedFile>& files);

}  // namespace ca
