// The walk of scan_repository: which files are listed (ignore files, skipped directories,
// symlinks, odd names), their fields, diagnostics, and failure on a bad root.
#include "scan/scanner.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scan_test_util.hpp"
#include "support/test_support.hpp"

namespace ca {
namespace {

namespace fs = std::filesystem;
using test::listed_paths;
using test::TempDir;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

ScanResult scan(const TempDir& dir) {
  return scan_repository(dir.path(), ScanOptions{});
}

TEST(Scan, ListsPythonSourcesSortedWithTheirFields) {
  TempDir d;
  d.write("b.py", "");
  d.write("a/__init__.py", "");
  d.write("a/m.pyi", "");
  d.write("a.py", "");
  d.write("README.md", "");
  d.write("setup.cfg", "");
  d.write("x.pyc", "");
  d.write(".py", "");  // no module name: not a source
  ScanResult r = scan(d);
  EXPECT_THAT(listed_paths(r), ElementsAre("a.py", "a/__init__.py", "a/m.pyi", "b.py"));
  const ScannedFile* init = test::find_file(r, "a/__init__.py");
  ASSERT_NE(init, nullptr);
  EXPECT_TRUE(init->is_package_init);
  EXPECT_FALSE(init->is_stub);
  EXPECT_EQ(init->file_id, file_id_for("a/__init__.py"));
  EXPECT_TRUE(fs::equivalent(init->abs_path, d.path() / "a" / "__init__.py"));
  EXPECT_TRUE(init->abs_path.is_absolute());
  const ScannedFile* stub = test::find_file(r, "a/m.pyi");
  ASSERT_NE(stub, nullptr);
  EXPECT_TRUE(stub->is_stub);
  EXPECT_FALSE(stub->is_package_init);
  EXPECT_THAT(r.diagnostics, IsEmpty());
}

TEST(Scan, RelativeRootWorks) {
  TempDir d;
  d.write("m.py", "");
  fs::path old = fs::current_path();
  fs::current_path(d.path());
  ScanResult r = scan_repository(".", ScanOptions{});
  fs::current_path(old);
  ASSERT_THAT(listed_paths(r), ElementsAre("m.py"));
  EXPECT_TRUE(fs::exists(r.files[0].abs_path));
}

TEST(Scan, AlwaysSkipDirectoriesAreNeverEntered) {
  TempDir d;
  d.write("__pycache__/m.py", "");
  d.write(".git/hooks/h.py", "");
  d.write(".hg/x.py", "");
  d.write(".codeanatomy/y.py", "");
  d.write("vendor/v.py", "");
  d.write("pkg/__pycache__/c.py", "");
  d.write("pkg/ok.py", "");
  EXPECT_THAT(listed_paths(scan(d)), ElementsAre("pkg/ok.py", "vendor/v.py"));
  ScanOptions opts;
  opts.always_skip.push_back("vendor");
  EXPECT_THAT(listed_paths(scan_repository(d.path(), opts)), ElementsAre("pkg/ok.py"));
}

TEST(ScanGitignore, RootPatterns) {
  TempDir d;
  d.write(".gitignore",
          "# generated\n"
          "\n"
          "*_pb2.py\n"
          "build/\n"
          "/top_only.py\n"
          "docs/*.py\n"
          "!keep_pb2.py\n"
          "\\#hash.py\n"
          "tmp?.py\n"
          "[xy]gen.py\n"
          "cache.py/\n");
  for (const char* p :
       {"a_pb2.py", "keep_pb2.py", "sub/b_pb2.py", "sub/keep_pb2.py", "build/x.py",
        "sub/build/y.py", "top_only.py", "sub/top_only.py", "docs/conf.py", "docs/api/deep.py",
        "sub/docs/z.py", "#hash.py", "tmp1.py", "tmp12.py", "xgen.py", "zgen.py", "ok.py"}) {
    d.write(p, "");
  }
  d.write("cache.py", "");  // a file: "cache.py/" matches directories only
  d.write("sub/cache.py/inner.py", "");
  d.write("build.py", "");
  EXPECT_THAT(
      listed_paths(scan(d)),
      ElementsAre("build.py", "cache.py", "docs/api/deep.py", "keep_pb2.py", "ok.py",
                  "sub/docs/z.py", "sub/keep_pb2.py", "sub/top_only.py", "tmp12.py", "zgen.py"));
}

TEST(ScanGitignore, DoubleStarForms) {
  TempDir d;
  d.write(".gitignore",
          "**/fixtures\n"
          "gen/**\n"
          "a/**/b.py\n");
  for (const char* p : {"fixtures/f.py", "x/y/fixtures/f.py", "gen/g.py", "gen/deep/g.py", "a/b.py",
                        "a/x/b.py", "a/x/y/b.py", "a/x/c.py", "x/a/b.py", "ok.py"}) {
    d.write(p, "");
  }
  EXPECT_THAT(listed_paths(scan(d)), ElementsAre("a/x/c.py", "ok.py", "x/a/b.py"));
}

TEST(ScanGitignore, ExcludedDirectoryCannotBeReincluded) {
  TempDir d;
  d.write(".gitignore", "out/\n!out/keep.py\nlib/*\n!lib/keep.py\n");
  d.write("out/keep.py", "");
  d.write("lib/keep.py", "");
  d.write("lib/drop.py", "");
  // out/ is excluded as a directory: nothing below it comes back. lib/* excludes the
  // entries of lib/, not lib/ itself, so lib/keep.py can be re-included.
  EXPECT_THAT(listed_paths(scan(d)), ElementsAre("lib/keep.py"));
}

TEST(ScanGitignore, NestedGitignoreIsAnchoredToItsDirectoryAndOverridesOuter) {
  TempDir d;
  d.write(".gitignore", "*.gen.py\n");
  d.write("pkg/.gitignore", "/local.py\n!special.gen.py\n");
  for (const char* p : {"a.gen.py", "local.py", "pkg/local.py", "pkg/sub/local.py", "pkg/x.gen.py",
                        "pkg/special.gen.py", "special.gen.py"}) {
    d.write(p, "");
  }
  EXPECT_THAT(listed_paths(scan(d)),
              ElementsAre("local.py", "pkg/special.gen.py", "pkg/sub/local.py"));
}

TEST(ScanGitignore, GitInfoExcludeIsHonouredBelowGitignore) {
  TempDir d;
  d.write(".git/info/exclude", "secret*.py\n*.tmp.py\n");
  d.write(".gitignore", "!keep.tmp.py\n");
  for (const char* p : {"secret.py", "sub/secret_two.py", "a.tmp.py", "keep.tmp.py", "ok.py"})
    d.write(p, "");
  EXPECT_THAT(listed_paths(scan(d)), ElementsAre("keep.tmp.py", "ok.py"));
}

TEST(ScanGitignore, LinkedWorktreeGitFile) {
  TempDir d;
  d.write("gitdir/info/exclude", "ignored.py\n");
  d.write("repo/.git", "gitdir: " + (d.path() / "gitdir").string() + "\n");
  d.write("repo/ignored.py", "");
  d.write("repo/ok.py", "");
  EXPECT_THAT(listed_paths(scan_repository(d.path() / "repo", ScanOptions{})),
              ElementsAre("ok.py"));
}

TEST(ScanSymlinks, BrokenSymlinkIsListedSymlinkedDirectoryIsNotFollowed) {
  TempDir d;
  d.write("real/inside.py", "");
  fs::create_directory_symlink(d.path() / "real", d.path() / "linked");
  fs::create_symlink(d.path() / "nowhere.py", d.path() / "broken.py");
  fs::create_symlink("self.py", d.path() / "self.py");            // a loop
  fs::create_directory_symlink(".", d.path() / "real" / "loop");  // a directory loop
  fs::create_symlink(d.path() / "real", d.path() / "dirlink.py");
  EXPECT_THAT(listed_paths(scan(d)),
              ElementsAre("broken.py", "dirlink.py", "real/inside.py", "self.py"));
}

TEST(Scan, DirectoryNamedLikeASourceIsEntered) {
  TempDir d;
  d.write("x.py/inner.py", "");
  ScanResult r = scan(d);
  EXPECT_THAT(listed_paths(r), ElementsAre("x.py/inner.py"));
}

TEST(Scan, OddFileNamesAreKeptAsBytes) {
  TempDir d;
  d.write("with space.py", "");
  d.write("new\nline.py", "");
  const std::string unicode =
      "\xc3\xbcn\xc3\xaf"
      "c\xc3\xb8"
      "de.py";  // "ünïcøde.py"
  d.write(unicode, "");
  d.write("dir with space/m.py", "");
  ScanResult r = scan(d);
  EXPECT_THAT(listed_paths(r),
              ElementsAre("dir with space/m.py", "new\nline.py", "with space.py", unicode));
  EXPECT_EQ(r.files[1].file_id, file_id_for("new\nline.py"));
  EXPECT_TRUE(fs::exists(r.files[3].abs_path));
}

TEST(Scan, FifoNamedLikeASourceIsSkipped) {
  TempDir d;
  ASSERT_EQ(::mkfifo((d.path() / "pipe.py").c_str(), 0600), 0);
  d.write("ok.py", "");
  EXPECT_THAT(listed_paths(scan(d)), ElementsAre("ok.py"));
}

TEST(Scan, UnreadableDirectoryIsADiagnosticAndTheWalkGoesOn) {
  if (::geteuid() == 0) {
    GTEST_SKIP() << "running as root: chmod 000 does not stop root from reading a directory";
  }
  TempDir d;
  d.write("locked/hidden.py", "");
  d.write("ok.py", "");
  fs::permissions(d.path() / "locked", fs::perms::none);
  ScanResult r = scan(d);
  fs::permissions(d.path() / "locked", fs::perms::owner_all);
  EXPECT_THAT(listed_paths(r), ElementsAre("ok.py"));
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const DiagnosticRow& diag = r.diagnostics[0];
  EXPECT_EQ(diag.layer, "scan");
  EXPECT_EQ(diag.severity, "warning");
  EXPECT_EQ(diag.code, "unreadable_directory");
  EXPECT_EQ(diag.path, "locked");
  EXPECT_EQ(diag.file_id, file_id_for("locked"));
  EXPECT_NE(diag.message.find("locked"), std::string::npos);
}

TEST(Scan, UnreadableGitignoreIsADiagnostic) {
  if (::geteuid() == 0) {
    GTEST_SKIP() << "running as root: chmod 000 does not stop root from reading a file";
  }
  TempDir d;
  d.write("sub/.gitignore", "x.py\n");
  d.write("sub/x.py", "");
  fs::permissions(d.path() / "sub" / ".gitignore", fs::perms::none);
  ScanResult r = scan(d);
  fs::permissions(d.path() / "sub" / ".gitignore", fs::perms::owner_all);
  EXPECT_THAT(listed_paths(r), ElementsAre("sub/x.py"));
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, "unreadable_gitignore");
  EXPECT_EQ(r.diagnostics[0].path, "sub/.gitignore");
}

TEST(Scan, UnreadableRootThrows) {
  if (::geteuid() == 0) {
    GTEST_SKIP() << "running as root: chmod 000 does not stop root from reading a directory";
  }
  TempDir d;
  d.write("root/m.py", "");
  fs::permissions(d.path() / "root", fs::perms::none);
  EXPECT_THROW(scan_repository(d.path() / "root", ScanOptions{}), std::runtime_error);
  fs::permissions(d.path() / "root", fs::perms::owner_all);
}

TEST(Scan, SymlinkedGitignoreIsNotFollowed) {
  TempDir d;  // as git >= 2.32: a .gitignore that is a symlink is not read
  d.write("patterns.txt", "x.py\n");
  fs::create_symlink("patterns.txt", d.path() / ".gitignore");
  d.write("x.py", "");
  EXPECT_THAT(listed_paths(scan(d)), ElementsAre("x.py"));
}

TEST(Scan, BadRootThrows) {
  TempDir d;
  d.write("file.py", "");
  EXPECT_THROW(scan_repository(d.path() / "missing", ScanOptions{}), std::runtime_error);
  EXPECT_THROW(scan_repository(d.path() / "file.py", ScanOptions{}), std::runtime_error);
  try {
    scan_repository(d.path() / "missing", ScanOptions{});
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("missing"), std::string::npos);
  }
}

TEST(Scan, SameTreeGivesSameResult) {
  TempDir d;
  for (int i = 0; i < 50; ++i)
    d.write("p" + std::to_string(i % 7) + "/m" + std::to_string(i) + ".py", "");
  ScanResult a = scan(d);
  ScanResult b = scan(d);
  EXPECT_EQ(listed_paths(a), listed_paths(b));
  ASSERT_EQ(a.packages.size(), b.packages.size());
  for (size_t i = 0; i < a.packages.size(); ++i)
    EXPECT_EQ(a.packages[i].node_id, b.packages[i].node_id);
}

}  // namespace
}  // namespace ca
