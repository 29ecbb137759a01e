// Scan: walks a repository the way git sees it and lists its Python sources with their
// module names, plus the package directories.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "extract/facts.hpp"

namespace ca {

/// A Python source found by the scan; reading and hashing happen later, in extraction.
struct ScannedFile {
  FileId file_id = 0;              ///< file_id_for(path)
  std::string path;                ///< repo-relative, '/'-separated
  std::string module;              ///< dotted module name
  std::filesystem::path abs_path;  ///< where to read it
  bool is_package_init = false;
  bool is_stub = false;
};

struct ScanOptions {
  /// Directory names never entered (besides .git and what .gitignore excludes).
  std::vector<std::string> always_skip = {".git", ".hg", ".svn", ".codeanatomy", "__pycache__"};
  /// false: name modules relative to the root even when the root holds __init__.py (the
  /// root is a directory of scripts, as when Python runs a file in it).
  bool root_may_be_package = true;
  /// Gitignore-style patterns relative to the root (the configuration's `include`): when
  /// not empty, only files they select are listed: the last pattern matching the file, or
  /// else its nearest directory that a pattern matches, decides ("pkg/" selects
  /// everything below pkg, "!pkg/tests/" then deselects pkg/tests).
  std::vector<std::string> include;
  /// Gitignore-style patterns relative to the root (`exclude`): what they match is not
  /// listed, and an excluded directory is not entered. Exclusion wins over `include`.
  std::vector<std::string> exclude;
  /// Directories from which module names are computed (`source_roots`; see
  /// PackageRoots::source_roots); empty = detect them (the root, and src/).
  std::vector<std::string> source_roots;
};

struct ScanResult {
  std::vector<ScannedFile> files;          ///< sorted by path
  std::vector<RepoPackageRow> packages;    ///< sorted by qualname
  std::vector<DiagnosticRow> diagnostics;  ///< unreadable directories / ignore files
};

/// Lists every *.py / *.pyi below `root` that git would not ignore (.gitignore files at any
/// depth, .git/info/exclude; a plain directory works too). Module names are relative to
/// the package roots: the repo root and `src/` when it exists; when the root itself is a
/// package (holds __init__.py) its own name, and that of enclosing packages, prefix them.
/// options.include / exclude narrow the list; options.source_roots replace the roots.
/// Throws std::runtime_error when `root` is not a readable directory.
ScanResult scan_repository(const std::filesystem::path& root, const ScanOptions& options);

}  // namespace ca
