// The configuration's effect on a scan: include / exclude patterns (gitignore syntax,
// exclusion wins) and explicit source roots replacing the detected package roots.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "scan/module_names.hpp"
#include "scan/scanner.hpp"
#include "scan_test_util.hpp"
#include "support/test_support.hpp"

namespace ca {
namespace {

using test::find_package;
using test::listed_paths;
using test::TempDir;
using ::testing::ElementsAre;

std::string module_of(const ScanResult& r, const std::string& path) {
  const ScannedFile* f = test::find_file(r, path);
  return f ? f->module : "<not listed: " + path + ">";
}

void write_tree(const TempDir& d) {
  d.write("pkg/__init__.py", "");
  d.write("pkg/core.py", "");
  d.write("pkg/core_gen.py", "");
  d.write("pkg/tests/test_core.py", "");
  d.write("tests/test_top.py", "");
  d.write("tools/run.py", "");
  d.write("stubs/pkg.pyi", "");
}

TEST(ScanFilters, ExcludeDropsDirectoriesAndFiles) {
  TempDir d;
  write_tree(d);
  ScanOptions options;
  options.exclude = {"tests/", "*_gen.py"};
  ScanResult r = scan_repository(d.path(), options);
  EXPECT_THAT(listed_paths(r),
              ElementsAre("pkg/__init__.py", "pkg/core.py", "stubs/pkg.pyi", "tools/run.py"));
}

TEST(ScanFilters, AnchoredExcludeOnlyAtTheRoot) {
  TempDir d;
  write_tree(d);
  ScanOptions options;
  options.exclude = {"/tests"};
  ScanResult r = scan_repository(d.path(), options);
  EXPECT_THAT(listed_paths(r),
              ElementsAre("pkg/__init__.py", "pkg/core.py", "pkg/core_gen.py",
                          "pkg/tests/test_core.py", "stubs/pkg.pyi", "tools/run.py"));
}

TEST(ScanFilters, IncludeSelectsDirectoriesAndNegationDeselects) {
  TempDir d;
  write_tree(d);
  ScanOptions options;
  options.include = {"pkg/", "!pkg/tests/", "tools/run.py"};
  ScanResult r = scan_repository(d.path(), options);
  EXPECT_THAT(listed_paths(r),
              ElementsAre("pkg/__init__.py", "pkg/core.py", "pkg/core_gen.py", "tools/run.py"));
}

TEST(ScanFilters, IncludeByBaseNameAndDoubleStar) {
  TempDir d;
  write_tree(d);
  ScanOptions options;
  options.include = {"*.pyi", "**/tests/*.py"};
  ScanResult r = scan_repository(d.path(), options);
  EXPECT_THAT(listed_paths(r),
              ElementsAre("pkg/tests/test_core.py", "stubs/pkg.pyi", "tests/test_top.py"));
}

TEST(ScanFilters, ExcludeWinsOverInclude) {
  TempDir d;
  write_tree(d);
  ScanOptions options;
  options.include = {"pkg/"};
  options.exclude = {"core.py", "pkg/tests"};
  ScanResult r = scan_repository(d.path(), options);
  EXPECT_THAT(listed_paths(r), ElementsAre("pkg/__init__.py", "pkg/core_gen.py"));
}

TEST(ScanFilters, GitignoreStillApplies) {
  TempDir d;
  write_tree(d);
  d.write(".gitignore", "core.py\n");
  ScanOptions options;
  options.include = {"pkg/core.py", "pkg/__init__.py"};
  ScanResult r = scan_repository(d.path(), options);
  EXPECT_THAT(listed_paths(r), ElementsAre("pkg/__init__.py"));
}

TEST(ScanFilters, ExcludedFilesMakeNoPackages) {
  TempDir d;
  write_tree(d);
  ScanOptions options;
  options.exclude = {"tools"};
  ScanResult r = scan_repository(d.path(), options);
  EXPECT_EQ(find_package(r, "tools"), nullptr);
  EXPECT_NE(find_package(r, "pkg"), nullptr);
}

TEST(SourceRoots, NameModulesFromTheInnermostRoot) {
  TempDir d;
  d.write("lib/py/app/__init__.py", "");
  d.write("lib/py/app/main.py", "");
  d.write("lib/py/app/deep/x.py", "");
  d.write("lib/tool.py", "");
  d.write("scripts/run.py", "");
  ScanOptions options;
  options.source_roots = {"./lib/py/", "lib"};
  ScanResult r = scan_repository(d.path(), options);
  EXPECT_EQ(module_of(r, "lib/py/app/__init__.py"), "app");
  EXPECT_EQ(module_of(r, "lib/py/app/main.py"), "app.main");
  EXPECT_EQ(module_of(r, "lib/py/app/deep/x.py"), "app.deep.x");
  EXPECT_EQ(module_of(r, "lib/tool.py"), "tool");
  // Outside every source root: named from the repository root.
  EXPECT_EQ(module_of(r, "scripts/run.py"), "scripts.run");

  EXPECT_EQ(find_package(r, "lib"), nullptr);     // a root, not a package
  EXPECT_EQ(find_package(r, "lib/py"), nullptr);  // a root, not a package
  const RepoPackageRow* app = find_package(r, "lib/py/app");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->qualname, "app");
  EXPECT_FALSE(app->parent_package_id);
  const RepoPackageRow* deep = find_package(r, "lib/py/app/deep");
  ASSERT_NE(deep, nullptr);
  EXPECT_EQ(deep->qualname, "app.deep");
  EXPECT_EQ(deep->parent_package_id, node_id_for("lib/py/app", NodeKind::Package, 0, 0));
  const RepoPackageRow* scripts = find_package(r, "scripts");
  ASSERT_NE(scripts, nullptr);
  EXPECT_EQ(scripts->qualname, "scripts");
}

TEST(SourceRoots, ReplaceTheDetectedRootsAndPrefix) {
  TempDir d;
  d.write("proj/__init__.py", "");
  d.write("proj/src/m.py", "");
  d.write("proj/a.py", "");
  // Detected: the root is the package "proj" and src/ a second root.
  ScanResult detected = scan_repository(d.path() / "proj", ScanOptions{});
  EXPECT_EQ(module_of(detected, "a.py"), "proj.a");
  EXPECT_EQ(module_of(detected, "src/m.py"), "m");
  // Given: only the repository root, no prefix, src/ an ordinary directory.
  ScanOptions options;
  options.source_roots = {"."};
  ScanResult given = scan_repository(d.path() / "proj", options);
  EXPECT_EQ(module_of(given, "a.py"), "a");
  EXPECT_EQ(module_of(given, "src/m.py"), "src.m");
  EXPECT_EQ(find_package(given, "."), nullptr);
  EXPECT_NE(find_package(given, "src"), nullptr);
}

TEST(SourceRoots, OutsideTheRepositoryIsRefused) {
  TempDir d;
  d.write("m.py", "");
  ScanOptions options;
  options.source_roots = {"../elsewhere"};
  EXPECT_THROW(scan_repository(d.path(), options), std::runtime_error);
  options.source_roots = {"/abs"};
  EXPECT_THROW(scan_repository(d.path(), options), std::runtime_error);
}

TEST(SourceRoots, NormalizeRelativeDir) {
  EXPECT_EQ(normalize_relative_dir("."), "");
  EXPECT_EQ(normalize_relative_dir(""), "");
  EXPECT_EQ(normalize_relative_dir("./src/"), "src");
  EXPECT_EQ(normalize_relative_dir("a//b/./c"), "a/b/c");
  EXPECT_EQ(normalize_relative_dir("a/../b"), std::nullopt);
  EXPECT_EQ(normalize_relative_dir("/a"), std::nullopt);
}

}  // namespace
}  // namespace ca
