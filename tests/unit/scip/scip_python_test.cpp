// The real scip-python (.deps/scip-python, run with node) on a tiny project: proves the
// rule for an unspecified position encoding (UTF-16 code units, a BOM counted on line 0) on
// the positions it actually writes. Skipped, saying why, when node or scip-python is absent
// (ctest -E ScipPython leaves it out).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/ids.hpp"
#include "evidence/scip/scip_reader.hpp"
#include "scan/decode.hpp"
#include "support/test_support.hpp"

namespace ca {
namespace {

namespace fs = std::filesystem;

TEST(ScipPython, RealIndexerPositionsAreUtf16WithTheBomCounted) {
  const fs::path index_js = fs::path(CA_DEPS_DIR) / "scip-python" / "index.js";
  if (!fs::exists(index_js))
    GTEST_SKIP() << "scip-python is not in " << index_js.parent_path() << " (scripts/setup.sh)";
  if (std::system("node --version >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "node is not on PATH: scip-python cannot run";

  // Each file has something before a reference on its last line that counts differently in
  // UTF-8, UTF-16 and code points, or a line ending or BOM that moves it.
  const std::vector<std::pair<std::string, std::string>> sources = {
      {"main.py", "def foo():\n    return 1\n\n\nx = \"é😀\"; y = foo()\n"},
      {"bom.py",
       "\xEF\xBB\xBF"
       "a = 1; b = a\n"},
      {"crlf.py", "a = 1\r\nb = a\r\n"},
      {"cr.py", "a = 1\rb = a\rc = b\n"},
      {"tab.py", "x = 1\nif x:\n\ty = \"😀é\"; z = y\n"},
  };
  test::TempDir dir;
  for (const auto& [path, bytes] : sources) dir.write("proj/" + path, bytes);
  dir.write("env.json", "[]");
  const fs::path out = dir.path() / "index.scip";
  const std::string command = "node '" + index_js.string() + "' index --quiet --cwd '" +
                              (dir.path() / "proj").string() +
                              "' --project-name p --project-version 0 --environment '" +
                              (dir.path() / "env.json").string() + "' --output '" + out.string() +
                              "' >'" + (dir.path() / "log").string() + "' 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << test::read_file(dir.path() / "log");

  std::deque<SourceText> texts;
  std::vector<ScipIndexFile> files;
  for (const auto& [path, bytes] : sources) {
    texts.push_back(std::get<SourceText>(decode_python_source(bytes)));
    files.push_back(ScipIndexFile{file_id_for(path), path, &texts.back()});
  }
  ScipIndexResult r = read_scip_index(test::read_file(out), out.string(), files);
  EXPECT_EQ(r.tool_name, "scip-python");
  for (const DiagnosticRow& d : r.facts.diagnostics) ADD_FAILURE() << d.code << ": " << d.message;
  ASSERT_EQ(r.facts.documents.size(), sources.size());
  for (const ScipDocumentRow& d : r.facts.documents) {
    EXPECT_EQ(d.position_encoding, "unspecified") << d.path;
    EXPECT_EQ(d.read_as, "utf16");
  }

  // Every named occurrence covers its own name in the file's bytes.
  std::vector<std::string> found;
  for (const ScipOccurrenceRow& o : r.facts.occurrences) {
    if (o.span.bstart == o.span.bend) continue;  // the module's empty range
    const std::string* bytes = nullptr;
    std::string path;
    for (size_t i = 0; i < files.size(); ++i)
      if (files[i].file_id == o.file_id) bytes = &sources[i].second, path = sources[i].first;
    ASSERT_NE(bytes, nullptr);
    const std::string name = bytes->substr(static_cast<size_t>(o.span.bstart),
                                           static_cast<size_t>(o.span.bend - o.span.bstart));
    if (!o.is_local) {
      const std::string descriptor = "/" + name;
      EXPECT_NE(o.symbol.find(descriptor), std::string::npos)
          << path << ": " << o.symbol << " at [" << o.span.bstart << "," << o.span.bend
          << ") covers '" << name << "'";
    }
    found.push_back(path + ":" + std::to_string(o.span.bstart) + ":" + name);
  }
  // The references after the non-ASCII text, the BOM and the line endings, by byte offset.
  for (const char* expected : {"main.py:40:y", "main.py:44:foo", "bom.py:10:b", "bom.py:14:a",
                               "crlf.py:11:a", "cr.py:16:b", "tab.py:27:z", "tab.py:31:y"}) {
    EXPECT_NE(std::find(found.begin(), found.end(), expected), found.end()) << expected;
  }
}

}  // namespace
}  // namespace ca
