// Module and package naming: where the package roots of a scanned tree are, the dotted
// module name of each listed file, and the package directories with their parents.
#pragma once

#include <filesystem>
#include <optional>
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
  /// Source roots given by the user (repo-relative directories, normalized: '/'-separated,
  /// no "." or ".." components, "" for the repository root). When not empty they replace
  /// the detection above (has_src and root_prefix are ignored): a file is named relative
  /// to the innermost source root holding it, and a file outside every source root
  /// relative to the repository root.
  std::vector<std::string> source_roots;
};

/// A directory given relative to the repository root, in the form of
/// PackageRoots::source_roots: "." and empty components dropped ("./src/" -> "src",
/// "." -> ""). nullopt when it is absolute or has a ".." component.
std::optional<std::string> normalize_relative_dir(std::string_view dir);

/// Looks at `root` on disk (and its parents, for the prefix). Never fails: what cannot be
/// read counts as absent.
PackageRoots find_package_roots(const std::filesystem::path& root);

/// The dotted module name of the source at `path` (repo-relative, '/'-separated, ending in
/// .py or .pyi): its path relative to its package root without the extension, '/' -> '.',
/// a final "__init__" dropped, the root prefix prepended for files outside src/.
/// An __init__.py directly in a root that is not a package (src/ or a source root: the
/// repo root holding __init__.py is a package unless source roots are given) is named
/// after that directory: src/__init__.py -> "src", since an empty module name would be
/// unusable.
std::string module_name_for(const PackageRoots& roots, std::string_view path);

/// One row per package directory, sorted by qualname (then dir_path): every directory
/// below a package root holding a listed source at any depth (namespace packages
/// included), plus the root itself (dir_path ".") when it is a package. `src/` and the
/// source roots are roots, never packages. `files` must be the scan's listed sources.
std::vector<RepoPackageRow> packages_for(const PackageRoots& roots,
                                         const std::vector<ScannedFile>& files);

}  // namespace ca
