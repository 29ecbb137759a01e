// The per-file job on files that move under it: deleted or replaced between the scan and
// the read, over the size limit; and reading agrees with processing the same bytes.
#include "pipeline/file_job.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "scan/scanner.hpp"
#include "support/test_support.hpp"

namespace ca {
namespace {

const ScannedFile& find(const ScanResult& scan, std::string_view path) {
  auto it = std::find_if(scan.files.begin(), scan.files.end(),
                         [&](const ScannedFile& f) { return f.path == path; });
  EXPECT_NE(it, scan.files.end()) << path;
  return *it;
}

const DiagnosticRow* diagnostic(const ExtractedFile& e, std::string_view code) {
  for (const DiagnosticRow& d : e.facts.diagnostics)
    if (d.code == code) return &d;
  return nullptr;
}

TEST(FileJob, FileDeletedBetweenScanAndRead) {
  test::TempDir dir;
  dir.write("kept.py", "def f():\n    return 1\n");
  dir.write("gone.py", "x = 1\n");
  ScanResult scan = scan_repository(dir.path(), ScanOptions{});
  ASSERT_EQ(scan.files.size(), 2u);
  std::filesystem::remove(dir.path() / "gone.py");

  PythonSyntaxExtractor extractor;
  ExtractedFile gone = process_file(find(scan, "gone.py"), FileLimits{}, extractor);
  EXPECT_EQ(gone.file.status, "unreadable");
  const DiagnosticRow* d = diagnostic(gone, "unreadable");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->severity, "error");
  EXPECT_NE(d->message.find("No such file"), std::string::npos) << d->message;
  EXPECT_TRUE(gone.facts.defs.empty());

  ExtractedFile kept = process_file(find(scan, "kept.py"), FileLimits{}, extractor);
  EXPECT_EQ(kept.file.status, "ok");
  EXPECT_EQ(kept.facts.defs.size(), 1u);
}

TEST(FileJob, FileReplacedByDirectoryBetweenScanAndRead) {
  test::TempDir dir;
  dir.write("mod.py", "x = 1\n");
  ScanResult scan = scan_repository(dir.path(), ScanOptions{});
  ASSERT_EQ(scan.files.size(), 1u);
  std::filesystem::remove(dir.path() / "mod.py");
  std::filesystem::create_directory(dir.path() / "mod.py");

  PythonSyntaxExtractor extractor;
  ExtractedFile e = process_file(scan.files[0], FileLimits{}, extractor);
  EXPECT_EQ(e.file.status, "unreadable");
  ASSERT_NE(diagnostic(e, "unreadable"), nullptr);
}

TEST(FileJob, OverTheSizeLimitNamesTheLimitAndTheOption) {
  test::TempDir dir;
  dir.write("big.py", std::string(100, '#') + "\n");
  ScanResult scan = scan_repository(dir.path(), ScanOptions{});
  ASSERT_EQ(scan.files.size(), 1u);
  FileLimits limits;
  limits.max_file_size = 50;
  PythonSyntaxExtractor extractor;
  ExtractedFile e = process_file(scan.files[0], limits, extractor);
  EXPECT_EQ(e.file.status, "too_large");
  EXPECT_EQ(e.file.size_bytes, 101);
  const DiagnosticRow* d = diagnostic(e, "too_large");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("101 bytes"), std::string::npos) << d->message;
  EXPECT_NE(d->message.find("limit of 50 bytes"), std::string::npos) << d->message;
  EXPECT_NE(d->message.find("--max-file-size"), std::string::npos) << d->message;
}

TEST(FileJob, ReadingGivesTheSameRowsAsProcessingTheBytes) {
  test::TempDir dir;
  const std::string text = "# -*- coding: latin-1 -*-\nclass C:\n    def m(self): return '\xe9'\n";
  dir.write("m.py", text);
  ScanResult scan = scan_repository(dir.path(), ScanOptions{});
  ASSERT_EQ(scan.files.size(), 1u);
  PythonSyntaxExtractor extractor;
  ExtractedFile read = process_file(scan.files[0], FileLimits{}, extractor);
  ExtractedFile direct = process_file_content(scan.files[0], FileLimits{}, text, extractor);
  EXPECT_EQ(read.file.status, "ok");
  EXPECT_NE(read.file.encoding, "utf-8");
  EXPECT_EQ(read.file.content_hash, direct.file.content_hash);
  EXPECT_EQ(read.file.size_bytes, static_cast<int64_t>(text.size()));
  EXPECT_EQ(read.facts.defs.size(), direct.facts.defs.size());
  EXPECT_EQ(diagnostic(read, "changed_while_reading"), nullptr);
}

}  // namespace
}  // namespace ca
