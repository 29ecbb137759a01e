// The extraction cache: encoded facts decode to exactly the facts extracted (every field,
// the in-memory ones included), damaged encodings and cache files are refused rather than
// read, and a file whose bytes the cache has takes its facts from there.
#include "pipeline/extract_cache.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include <fmt/format.h>
#include <unistd.h>

#include "extract/facts_codec.hpp"
#include "pipeline/file_job.hpp"
#include "scan/scanner.hpp"
#include "support/test_support.hpp"

namespace ca {
namespace {

// Every construct whose facts carry in-memory fields: flow blocks (branches, loops, try,
// with, match), bindings in them, global/nonlocal, imports in branches, lambdas,
// comprehensions, decorators, docstrings, __all__.
constexpr std::string_view kRichSource = R"PY("""Module docstring."""
import os
from . import sibling as sib
__all__ = ["Base", "helper"]
__all__ += ["extra"]

try:
    import json
except ImportError:
    json = None
finally:
    done = True

counter = 0


def helper(a, /, b=1, *args, c: int = 2, **kwargs):
    """Helper."""
    global counter
    counter += 1
    total = [x * 2 for x in args if x]
    pick = lambda v=b: v + c
    if a:
        result = pick()
    elif b:
        result = {k: v for k, v in kwargs.items()}
    else:
        result = None
    while total:
        total.pop()
    else:
        total = None
    with open(os.devnull) as handle:
        handle.read()
    match a:
        case [first, *rest]:
            result = first
        case {"k": value}:
            result = value
        case _:
            pass
    if (n := len(args)) > 1:
        result = n
    return result


class Base(object, metaclass=type):
    """A class."""

    attr = helper(1)

    def __init__(self, value):
        self.value = value

    @staticmethod
    def make(*parts):
        def inner():
            nonlocal parts
            parts = ()
            yield from parts
        return inner


@Base.make
def decorated():
    return Base(1).value
)PY";

/// A file with syntax errors: its facts are kept with the errors as diagnostics.
constexpr std::string_view kBrokenSource = "def broken(:\n    return 1\nclass C:\n    x = (\n";

ExtractedFile extract(const ScannedFile& file) {
  PythonSyntaxExtractor extractor;
  return process_file(file, FileLimits{}, extractor);
}

std::string encode(const ExtractedFile& e) {
  std::string out;
  encode_file_facts(e.file, e.facts, out);
  return out;
}

/// Writes a cache of these entries; "" or what went wrong.
std::string write_cache(const std::filesystem::path& path, std::string_view identity,
                        const std::vector<std::pair<std::string, std::string>>& entries) {
  ExtractCacheWriter writer(path, identity);
  for (const auto& [key, encoded] : entries) writer.add(key, encoded);
  return writer.commit();
}

TEST(ExtractCache, EncodedFactsDecodeToTheSameFacts) {
  test::TempDir dir;
  dir.write("pkg/__init__.py", "");
  dir.write("pkg/rich.py", kRichSource);
  dir.write("pkg/broken.py", kBrokenSource);
  // A real package too, when the setup has installed it (it does: scripts/setup.sh).
  const std::filesystem::path requests = "/usr/lib/python3/dist-packages/requests";
  std::vector<ScannedFile> files = scan_repository(dir.path(), ScanOptions{}).files;
  if (std::filesystem::is_directory(requests))
    for (auto& f : scan_repository(requests, ScanOptions{}).files) files.push_back(f);
  ASSERT_GE(files.size(), 3u);

  bool saw_flow_block = false, saw_flow_pos = false, saw_ir = false, saw_syntax_error = false;
  for (const ScannedFile& file : files) {
    ExtractedFile e = extract(file);
    EXPECT_TRUE(e.cacheable) << file.path;
    std::string encoded = "bytes before";
    encode_file_facts(e.file, e.facts, encoded);  // appends
    ASSERT_EQ(encoded.rfind("bytes before", 0), 0u);
    RepoFileRow row;
    FileFacts facts;
    ASSERT_TRUE(decode_file_facts(std::string_view(encoded).substr(12), row, facts)) << file.path;
    EXPECT_EQ(row, e.file) << file.path;
    EXPECT_EQ(facts, e.facts) << file.path;
    for (const DefRow& d : facts.defs) {
      saw_flow_block |= d.flow_block != 0;
      saw_flow_pos |= d.flow_pos != 0;
    }
    saw_ir |= !facts.ir.stmts.empty() && facts.ir.has_dunder_all;
    saw_syntax_error |= row.status == "syntax_error" && !facts.defs.empty();
  }
  // The comparison above covers these only if the sources exercise them.
  EXPECT_TRUE(saw_flow_block);
  EXPECT_TRUE(saw_flow_pos);
  EXPECT_TRUE(saw_ir);
  EXPECT_TRUE(saw_syntax_error);
}

TEST(ExtractCache, TruncatedOrExtendedEncodingsAreRefused) {
  test::TempDir dir;
  dir.write("rich.py", kRichSource);
  const std::string whole = encode(extract(scan_repository(dir.path(), ScanOptions{}).files.at(0)));
  // Every prefix is refused (and read within its bounds: the sanitizer builds check that).
  for (size_t n = 0; n < whole.size(); n += (n < 256 ? 1 : 97)) {
    RepoFileRow row;
    FileFacts facts;
    EXPECT_FALSE(decode_file_facts(std::string_view(whole).substr(0, n), row, facts)) << n;
  }
  RepoFileRow row;
  FileFacts facts;
  EXPECT_FALSE(decode_file_facts(whole + '\0', row, facts));
  // A huge count is refused before anything is allocated for it.
  std::string huge = whole.substr(0, 20) + std::string(10, '\xff');
  EXPECT_FALSE(decode_file_facts(huge, row, facts));
}

TEST(ExtractCache, FileRoundTripIdentityAndDamage) {
  test::TempDir dir;
  const std::filesystem::path path = dir.path() / std::string(kExtractCacheFile);
  const std::string first = "facts of a", second = "facts of b";
  ASSERT_EQ(write_cache(path, "program 1", {{"a", first}, {"b", second}}), "");
  EXPECT_FALSE(std::filesystem::exists(path.string() + fmt::format(".tmp-{}", ::getpid())));

  ExtractCache cache = ExtractCache::read(path, "program 1");
  EXPECT_EQ(cache.problem(), "");
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.find("a").encoded.value_or(""), first);
  EXPECT_EQ(cache.find("b").encoded.value_or(""), second);
  EXPECT_FALSE(cache.find("c").encoded.has_value());
  EXPECT_FALSE(cache.find("c").damaged);

  // Another program or options: nothing found, and nothing to warn about.
  ExtractCache other = ExtractCache::read(path, "program 2");
  EXPECT_EQ(other.size(), 0u);
  EXPECT_EQ(other.problem(), "");
  // None yet.
  EXPECT_EQ(ExtractCache::read(dir.path() / "none", "program 1").size(), 0u);

  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  auto rewrite = [&](const std::string& content) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
  };
  // A changed byte in an entry: that entry is damaged, the other still found.
  std::string flipped = bytes;
  flipped[flipped.rfind("of a") + 3] = 'x';
  rewrite(flipped);
  ExtractCache damaged = ExtractCache::read(path, "program 1");
  EXPECT_TRUE(damaged.find("a").damaged);
  EXPECT_FALSE(damaged.find("a").encoded.has_value());
  EXPECT_EQ(damaged.find("b").encoded.value_or(""), second);
  // Truncated, or not a cache at all: empty, with a message naming the file.
  for (const std::string& content : {bytes.substr(0, bytes.size() - 3), std::string("junk")}) {
    rewrite(content);
    ExtractCache bad = ExtractCache::read(path, "program 1");
    EXPECT_EQ(bad.size(), 0u);
    EXPECT_NE(bad.problem().find(path.string()), std::string::npos) << bad.problem();
  }
}

TEST(ExtractCache, WriterTakesEntriesFromManyThreadsAndKeepsTheOldCacheUntilCommit) {
  test::TempDir dir;
  const std::filesystem::path path = dir.path() / "cache";
  ASSERT_EQ(write_cache(path, "id", {{"old", "old facts"}}), "");
  {
    ExtractCacheWriter writer(path, "id");
    writer.add("new", "new facts");
  }  // dropped uncommitted: the old cache stays, the temporary goes
  EXPECT_EQ(ExtractCache::read(path, "id").find("old").encoded.value_or(""), "old facts");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);

  ExtractCacheWriter writer(path, "id");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&writer, t] {
      for (int i = 0; i < 200; ++i)
        writer.add(fmt::format("{}/{}", t, i), fmt::format("facts {} {}", t, i));
    });
  for (auto& thread : threads) thread.join();
  ASSERT_EQ(writer.commit(), "");
  ExtractCache cache = ExtractCache::read(path, "id");
  EXPECT_EQ(cache.problem(), "");
  EXPECT_EQ(cache.size(), 800u);
  EXPECT_EQ(cache.find("3/199").encoded.value_or(""), "facts 3 199");
  EXPECT_FALSE(cache.find("old").encoded.has_value());
}

TEST(ExtractCache, ProcessFileTakesFactsFromTheCacheOnlyForTheSameBytes) {
  test::TempDir dir;
  dir.write("rich.py", kRichSource);
  const ScannedFile file = scan_repository(dir.path(), ScanOptions{}).files.at(0);
  ExtractedFile fresh = extract(file);
  const std::string fresh_encoded = encode(fresh);
  const std::filesystem::path path = dir.path() / "cache";
  ASSERT_EQ(
      write_cache(path, "id", {{ExtractCache::key(file, fresh.file.content_hash), fresh_encoded}}),
      "");
  ExtractCache cache = ExtractCache::read(path, "id");
  PythonSyntaxExtractor extractor;

  ExtractedFile hit = process_file(file, FileLimits{}, extractor, &cache);
  EXPECT_EQ(hit.cache_use, CacheUse::hit);
  EXPECT_EQ(hit.cache_entry, fresh_encoded);
  EXPECT_FALSE(hit.cacheable);  // its entry is there already
  EXPECT_EQ(hit.file, fresh.file);
  EXPECT_EQ(hit.facts, fresh.facts);

  // Other bytes, or the same bytes under another module name: extracted.
  ScannedFile renamed = file;
  renamed.module = "other";
  ExtractedFile miss = process_file(renamed, FileLimits{}, extractor, &cache);
  EXPECT_EQ(miss.cache_use, CacheUse::miss);
  EXPECT_EQ(miss.file.module, "other");
  dir.write("rich.py", std::string(kRichSource) + "\nx = 1\n");
  ExtractedFile edited = process_file(file, FileLimits{}, extractor, &cache);
  EXPECT_EQ(edited.cache_use, CacheUse::miss);
  EXPECT_NE(edited.file.content_hash, fresh.file.content_hash);
  EXPECT_GT(edited.facts.defs.size(), fresh.facts.defs.size());

  // With the hash the input digest computed, a hit reads nothing: the file may be gone.
  dir.write("rich.py", kRichSource);
  std::filesystem::rename(dir.path() / "rich.py", dir.path() / "moved.py");
  ExtractedFile unread =
      process_file(file, FileLimits{}, extractor, &cache, fresh.file.content_hash);
  EXPECT_EQ(unread.cache_use, CacheUse::hit);
  EXPECT_EQ(unread.facts, fresh.facts);
  // Unless the text is wanted (the cpython and scip layers read it).
  FileLimits with_text;
  with_text.keep_text = true;
  EXPECT_EQ(process_file(file, with_text, extractor, &cache, fresh.file.content_hash).file.status,
            "unreadable");
  // A hash that is not the file's (it changed after the digest): looked up again once read.
  std::filesystem::rename(dir.path() / "moved.py", dir.path() / "rich.py");
  ExtractedFile reread = process_file(file, with_text, extractor, &cache, "0123");
  EXPECT_EQ(reread.cache_use, CacheUse::hit);
  ASSERT_NE(reread.text, nullptr);
  EXPECT_EQ(reread.facts, fresh.facts);

  // An entry that does not decode (its checksum intact): extracted anew, and said so.
  ASSERT_EQ(
      write_cache(path, "id", {{ExtractCache::key(file, fresh.file.content_hash), "not facts"}}),
      "");
  ExtractCache wrong = ExtractCache::read(path, "id");
  ExtractedFile redone = process_file(file, FileLimits{}, extractor, &wrong);
  EXPECT_EQ(redone.cache_use, CacheUse::damaged);
  EXPECT_EQ(redone.facts, fresh.facts);
}

}  // namespace
}  // namespace ca
