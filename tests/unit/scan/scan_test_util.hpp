// Helpers for the scan tests: listing what a scan found, making symlinks.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "scan/scanner.hpp"

namespace ca::test {

inline std::vector<std::string> listed_paths(const ScanResult& r) {
  std::vector<std::string> out;
  for (const ScannedFile& f : r.files) out.push_back(f.path);
  return out;
}

inline const ScannedFile* find_file(const ScanResult& r, const std::string& path) {
  for (const ScannedFile& f : r.files)
    if (f.path == path) return &f;
  return nullptr;
}

inline const RepoPackageRow* find_package(const ScanResult& r, const std::string& dir_path) {
  for (const RepoPackageRow& p : r.packages)
    if (p.dir_path == dir_path) return &p;
  return nullptr;
}

}  // namespace ca::test
