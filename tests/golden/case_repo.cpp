// Listing and writing golden cases; see case_repo.hpp.
#include "golden/case_repo.hpp"

#include <algorithm>
#include <cctype>

namespace ca::golden {

std::vector<std::filesystem::path> list_cases() {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(CA_GOLDEN_DIR))
    if (entry.is_regular_file() && entry.path().extension() == ".py") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string case_test_name(const std::filesystem::path& file) {
  std::string name = file.stem().string();
  for (auto& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

void write_case(const CaseFile& c, const test::TempDir& dir, std::string_view prefix) {
  for (const auto& m : c.modules) {
    std::string relative = prefix.empty() ? m.path : std::string(prefix) + "/" + m.path;
    dir.write(relative, m.bytes);
  }
}

}  // namespace ca::golden
