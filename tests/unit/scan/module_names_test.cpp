// Module names and package rows: root package prefix, src/ layout, namespace packages,
// __init__ handling.
#include "scan/module_names.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scan/scanner.hpp"
#include "scan_test_util.hpp"
#include "support/test_support.hpp"

namespace ca {
namespace {

namespace fs = std::filesystem;
using test::find_file;
using test::find_package;
using test::TempDir;

std::string module_of(const ScanResult& r, const std::string& path) {
  const ScannedFile* f = find_file(r, path);
  return f ? f->module : "<not listed: " + path + ">";
}

NodeId package_id(std::string_view dir) {
  return node_id_for(dir, NodeKind::Package, 0, 0);
}

TEST(ModuleName, PureFunction) {
  PackageRoots plain;
  EXPECT_EQ(module_name_for(plain, "a.py"), "a");
  EXPECT_EQ(module_name_for(plain, "pkg/mod.py"), "pkg.mod");
  EXPECT_EQ(module_name_for(plain, "pkg/mod.pyi"), "pkg.mod");
  EXPECT_EQ(module_name_for(plain, "pkg/__init__.py"), "pkg");
  EXPECT_EQ(module_name_for(plain, "pkg/sub/__init__.pyi"), "pkg.sub");
  EXPECT_EQ(module_name_for(plain, "src/x.py"), "src.x");  // no src/ root here

  PackageRoots src{true, "", {}};
  EXPECT_EQ(module_name_for(src, "src/x.py"), "x");
  EXPECT_EQ(module_name_for(src, "src/pkg/__init__.py"), "pkg");
  EXPECT_EQ(module_name_for(src, "src/__init__.py"), "src");
  EXPECT_EQ(module_name_for(src, "tests/t.py"), "tests.t");
  EXPECT_EQ(module_name_for(src, "srcx/y.py"), "srcx.y");

  PackageRoots rooted{false, "outer.requests", {}};
  EXPECT_EQ(module_name_for(rooted, "api.py"), "outer.requests.api");
  EXPECT_EQ(module_name_for(rooted, "__init__.py"), "outer.requests");
  EXPECT_EQ(module_name_for(rooted, "sub/__init__.py"), "outer.requests.sub");
}

TEST(ModuleName, PlainRepositoryWithNamespacePackages) {
  TempDir d;
  d.write("setup.py", "");
  d.write("pkg/__init__.py", "");
  d.write("pkg/mod.py", "");
  d.write("pkg/mod.pyi", "");
  d.write("ns/sub/m.py", "");
  ScanResult r = scan_repository(d.path(), ScanOptions{});
  EXPECT_EQ(module_of(r, "setup.py"), "setup");
  EXPECT_EQ(module_of(r, "pkg/__init__.py"), "pkg");
  EXPECT_EQ(module_of(r, "pkg/mod.py"), "pkg.mod");
  EXPECT_EQ(module_of(r, "pkg/mod.pyi"), "pkg.mod");
  EXPECT_EQ(module_of(r, "ns/sub/m.py"), "ns.sub.m");

  ASSERT_EQ(r.packages.size(), 3u);  // ns, ns.sub, pkg (no row for the root)
  EXPECT_EQ(r.packages[0].qualname, "ns");
  EXPECT_EQ(r.packages[1].qualname, "ns.sub");
  EXPECT_EQ(r.packages[2].qualname, "pkg");

  const RepoPackageRow* pkg = find_package(r, "pkg");
  ASSERT_NE(pkg, nullptr);
  EXPECT_EQ(pkg->name, "pkg");
  EXPECT_EQ(pkg->node_id, package_id("pkg"));
  EXPECT_EQ(pkg->init_file_id, file_id_for("pkg/__init__.py"));
  EXPECT_FALSE(pkg->parent_package_id);

  const RepoPackageRow* ns = find_package(r, "ns");
  ASSERT_NE(ns, nullptr);
  EXPECT_FALSE(ns->init_file_id);  // namespace package
  const RepoPackageRow* sub = find_package(r, "ns/sub");
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(sub->name, "sub");
  EXPECT_EQ(sub->parent_package_id, package_id("ns"));
}

TEST(ModuleName, StubInitIsUsedWhenThereIsNoPy) {
  TempDir d;
  d.write("a/__init__.pyi", "");
  d.write("b/__init__.py", "");
  d.write("b/__init__.pyi", "");
  ScanResult r = scan_repository(d.path(), ScanOptions{});
  EXPECT_EQ(find_package(r, "a")->init_file_id, file_id_for("a/__init__.pyi"));
  EXPECT_EQ(find_package(r, "b")->init_file_id, file_id_for("b/__init__.py"));
}

TEST(ModuleName, DirectoriesWithoutSourcesAreNotPackages) {
  TempDir d;
  d.write("docs/index.rst", "");
  d.write("data/nested/x.json", "");
  d.write("m.py", "");
  ScanResult r = scan_repository(d.path(), ScanOptions{});
  EXPECT_TRUE(r.packages.empty());
}

TEST(ModuleName, SrcLayout) {
  TempDir d;
  d.write("src/__init__.py", "");
  d.write("src/top.py", "");
  d.write("src/pkg/__init__.py", "");
  d.write("src/pkg/a.py", "");
  d.write("src/pkg/inner/b.py", "");
  d.write("tests/test_a.py", "");
  ScanResult r = scan_repository(d.path(), ScanOptions{});
  // src/__init__.py: named after its root directory rather than "" or "__init__".
  EXPECT_EQ(module_of(r, "src/__init__.py"), "src");
  EXPECT_EQ(module_of(r, "src/top.py"), "top");
  EXPECT_EQ(module_of(r, "src/pkg/__init__.py"), "pkg");
  EXPECT_EQ(module_of(r, "src/pkg/a.py"), "pkg.a");
  EXPECT_EQ(module_of(r, "src/pkg/inner/b.py"), "pkg.inner.b");
  EXPECT_EQ(module_of(r, "tests/test_a.py"), "tests.test_a");

  EXPECT_EQ(find_package(r, "src"), nullptr);  // a package root, not a package
  const RepoPackageRow* pkg = find_package(r, "src/pkg");
  ASSERT_NE(pkg, nullptr);
  EXPECT_EQ(pkg->qualname, "pkg");
  EXPECT_FALSE(pkg->parent_package_id);
  const RepoPackageRow* inner = find_package(r, "src/pkg/inner");
  ASSERT_NE(inner, nullptr);
  EXPECT_EQ(inner->qualname, "pkg.inner");
  EXPECT_EQ(inner->parent_package_id, package_id("src/pkg"));
  EXPECT_FALSE(inner->init_file_id);
  ASSERT_EQ(r.packages.size(), 3u);
  EXPECT_EQ(r.packages[0].qualname, "pkg");
  EXPECT_EQ(r.packages[1].qualname, "pkg.inner");
  EXPECT_EQ(r.packages[2].qualname, "tests");
}

TEST(ModuleName, SameQualnameUnderSrcAndRootIsOrderedByPath) {
  TempDir d;
  d.write("src/pkg/a.py", "");
  d.write("pkg/b.py", "");
  ScanResult r = scan_repository(d.path(), ScanOptions{});
  ASSERT_EQ(r.packages.size(), 2u);
  EXPECT_EQ(r.packages[0].dir_path, "pkg");
  EXPECT_EQ(r.packages[1].dir_path, "src/pkg");
}

TEST(ModuleName, RootThatIsAPackageIsPrefixed) {
  TempDir d;
  d.write("requests/__init__.py", "");
  d.write("requests/api.py", "");
  d.write("requests/adapters/http.py", "");
  ScanResult r = scan_repository(d.path() / "requests", ScanOptions{});
  EXPECT_EQ(module_of(r, "__init__.py"), "requests");
  EXPECT_EQ(module_of(r, "api.py"), "requests.api");
  EXPECT_EQ(module_of(r, "adapters/http.py"), "requests.adapters.http");

  ASSERT_EQ(r.packages.size(), 2u);
  const RepoPackageRow& root = r.packages[0];
  EXPECT_EQ(root.dir_path, ".");
  EXPECT_EQ(root.qualname, "requests");
  EXPECT_EQ(root.name, "requests");
  EXPECT_EQ(root.node_id, package_id("."));
  EXPECT_EQ(root.init_file_id, file_id_for("__init__.py"));
  EXPECT_FALSE(root.parent_package_id);
  const RepoPackageRow& adapters = r.packages[1];
  EXPECT_EQ(adapters.qualname, "requests.adapters");
  EXPECT_EQ(adapters.parent_package_id, package_id("."));
}

TEST(ModuleName, EnclosingPackagesPrefixToo) {
  TempDir d;
  d.write("outer/__init__.py", "");
  d.write("outer/inner/__init__.py", "");
  d.write("outer/inner/x.py", "");
  ScanResult r = scan_repository(d.path() / "outer" / "inner", ScanOptions{});
  EXPECT_EQ(module_of(r, "x.py"), "outer.inner.x");
  EXPECT_EQ(module_of(r, "__init__.py"), "outer.inner");
  ASSERT_FALSE(r.packages.empty());
  EXPECT_EQ(r.packages[0].qualname, "outer.inner");
  EXPECT_EQ(r.packages[0].name, "inner");
}

TEST(ModuleName, DirectoryNamedLikeASourceIsANamespacePackage) {
  TempDir d;
  d.write("x.py/inner.py", "");
  ScanResult r = scan_repository(d.path(), ScanOptions{});
  EXPECT_EQ(module_of(r, "x.py/inner.py"), "x.py.inner");
  ASSERT_EQ(r.packages.size(), 1u);
  EXPECT_EQ(r.packages[0].dir_path, "x.py");
  EXPECT_EQ(r.packages[0].name, "x.py");
}

}  // namespace
}  // namespace ca
