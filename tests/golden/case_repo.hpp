// Finding the golden case files and writing a case's modules into a repository directory.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "golden/case_file.hpp"
#include "support/test_support.hpp"

namespace ca::golden {

/// The case files (*.py) of CA_GOLDEN_DIR, sorted by name.
std::vector<std::filesystem::path> list_cases();

/// A gtest-friendly name for a case file: its stem with non-alphanumerics as '_'.
std::string case_test_name(const std::filesystem::path& file);

/// Writes every module of `c` below `dir` / `prefix` (prefix may be empty).
void write_case(const CaseFile& c, const test::TempDir& dir, std::string_view prefix);

}  // namespace ca::golden
