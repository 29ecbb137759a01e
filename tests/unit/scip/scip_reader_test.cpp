// The scip layer's reader: indexes built here with the generated protobuf API, serialized,
// and read back against a few files; rows, columns, diagnostics and the failure mode.
#include <gtest/gtest.h>
#include <scip.pb.h>

#include <deque>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/ids.hpp"
#include "evidence/scip/scip_reader.hpp"
#include "scan/decode.hpp"

namespace ca {
namespace {

constexpr std::string_view kIndexPath = "out/index.scip";

/// The build's files: path -> bytes, decoded as the scan does.
class Files {
 public:
  Files(std::initializer_list<std::pair<std::string, std::string>> files) {
    for (const auto& [path, bytes] : files) {
      texts_.push_back(std::get<SourceText>(decode_python_source(bytes)));
      list_.push_back(ScipIndexFile{file_id_for(path), path, &texts_.back()});
    }
  }
  /// Adds a file without text (it could not be decoded).
  void add_without_text(const std::string& path) {
    list_.push_back(ScipIndexFile{file_id_for(path), path, nullptr});
  }
  const std::vector<ScipIndexFile>& list() const { return list_; }

 private:
  std::deque<SourceText> texts_;
  std::vector<ScipIndexFile> list_;
};

void set_range(google::protobuf::RepeatedField<int32_t>* out, std::initializer_list<int32_t> r) {
  for (int32_t n : r) out->Add(n);
}

scip::Occurrence* add_occurrence(scip::Document* doc, std::initializer_list<int32_t> range,
                                 const std::string& symbol, int32_t roles = 0) {
  scip::Occurrence* o = doc->add_occurrences();
  set_range(o->mutable_range(), range);
  o->set_symbol(symbol);
  o->set_symbol_roles(roles);
  return o;
}

ScipIndexResult read(const scip::Index& index, const Files& files) {
  std::string bytes;
  EXPECT_TRUE(index.SerializeToString(&bytes));
  return read_scip_index(bytes, kIndexPath, files.list());
}

const std::string kMod = "def foo():\n    return bar\n\nx = \"é😀\"; y = foo()\n";
const std::string kFoo = "scip-python python p 0 pkg/mod/foo().";

TEST(ScipReader, RowsAndColumns) {
  Files files{{"pkg/mod.py", kMod}};
  scip::Index index;
  index.mutable_metadata()->mutable_tool_info()->set_name("scip-python");
  index.mutable_metadata()->mutable_tool_info()->set_version("0.6.6");
  index.mutable_metadata()->set_project_root("file:///repo");
  scip::Document* doc = index.add_documents();
  doc->set_relative_path("pkg/mod.py");
  doc->set_language("python");
  scip::Occurrence* def = add_occurrence(doc, {0, 4, 7}, kFoo, scip::Definition);
  set_range(def->mutable_enclosing_range(), {0, 0, 1, 14});
  add_occurrence(doc, {3, 15, 18}, kFoo, scip::ReadAccess);
  add_occurrence(doc, {3, 11, 3, 12}, "local 0", scip::Definition | scip::WriteAccess);
  add_occurrence(doc, {3, 0, 1}, "scip-python python p 0 pkg/mod/x.", scip::Import);
  scip::SymbolInformation* info = doc->add_symbols();
  info->set_symbol(kFoo);
  info->set_kind(scip::SymbolInformation::Function);
  info->set_display_name("foo");
  info->add_documentation("```python\ndef foo()\n```");
  info->add_documentation("Returns bar.");
  info->set_enclosing_symbol("scip-python python p 0 pkg/mod/__init__:");
  scip::Relationship* rel = info->add_relationships();
  rel->set_symbol("scip-python python p 0 pkg/base/foo().");
  rel->set_is_implementation(true);
  rel->set_is_reference(true);

  ScipIndexResult r = read(index, files);
  EXPECT_EQ(r.tool_name, "scip-python");
  EXPECT_EQ(r.tool_version, "0.6.6");
  EXPECT_EQ(r.project_root, "file:///repo");
  EXPECT_TRUE(r.facts.diagnostics.empty());
  const FileId id = file_id_for("pkg/mod.py");

  ASSERT_EQ(r.facts.documents.size(), 1u);
  const ScipDocumentRow& d = r.facts.documents[0];
  EXPECT_EQ(d.file_id, id);
  EXPECT_EQ(d.path, "pkg/mod.py");
  EXPECT_EQ(d.language, "python");
  EXPECT_EQ(d.position_encoding, "unspecified");
  EXPECT_EQ(d.read_as, "utf16");
  EXPECT_EQ(d.occurrences, 4);
  EXPECT_EQ(d.symbols, 1);

  ASSERT_EQ(r.facts.occurrences.size(), 4u);
  const ScipOccurrenceRow& o0 = r.facts.occurrences[0];
  EXPECT_EQ(o0.file_id, id);
  EXPECT_EQ(o0.occurrence_index, 0);
  EXPECT_EQ(o0.symbol, kFoo);
  EXPECT_EQ(o0.roles, 1);
  EXPECT_TRUE(o0.is_definition);
  EXPECT_FALSE(o0.is_import);
  EXPECT_FALSE(o0.is_local);
  EXPECT_EQ(o0.span.bstart, 4);
  EXPECT_EQ(o0.span.bend, 7);
  EXPECT_EQ(o0.span.start_line, 1);
  EXPECT_EQ(o0.span.start_col, 4);
  EXPECT_EQ(o0.span.end_line, 1);
  EXPECT_EQ(o0.span.end_col, 7);
  EXPECT_EQ(o0.enclosing_bstart, 0);
  EXPECT_EQ(o0.enclosing_bend, 25);  // the end of "    return bar"
  EXPECT_EQ(o0.scip_range, "0,4,7");

  // foo() after "é😀": UTF-16 15 is byte 18 of line 4 (which starts at byte 27).
  const ScipOccurrenceRow& o1 = r.facts.occurrences[1];
  EXPECT_EQ(o1.occurrence_index, 1);
  EXPECT_EQ(o1.roles, 8);
  EXPECT_FALSE(o1.is_definition);
  EXPECT_EQ(o1.span.bstart, 27 + 18);
  EXPECT_EQ(o1.span.bend, 27 + 21);
  EXPECT_EQ(o1.span.start_line, 4);
  EXPECT_EQ(o1.span.start_col, 18);
  EXPECT_EQ(o1.span.end_col, 21);
  EXPECT_EQ(kMod.substr(static_cast<size_t>(o1.span.bstart), 3), "foo");
  EXPECT_FALSE(o1.enclosing_bstart.has_value());
  EXPECT_FALSE(o1.enclosing_bend.has_value());

  const ScipOccurrenceRow& o2 = r.facts.occurrences[2];
  EXPECT_TRUE(o2.is_local);
  EXPECT_TRUE(o2.is_definition);
  EXPECT_EQ(o2.roles, 5);
  EXPECT_EQ(o2.scip_range, "3,11,3,12");
  EXPECT_EQ(kMod.substr(static_cast<size_t>(o2.span.bstart), 1), "y");

  const ScipOccurrenceRow& o3 = r.facts.occurrences[3];
  EXPECT_TRUE(o3.is_import);
  EXPECT_FALSE(o3.is_definition);

  ASSERT_EQ(r.facts.symbols.size(), 1u);
  const ScipSymbolRow& s = r.facts.symbols[0];
  EXPECT_EQ(s.file_id, id);
  EXPECT_EQ(s.symbol, kFoo);
  EXPECT_EQ(s.kind, "Function");
  EXPECT_EQ(s.display_name, "foo");
  EXPECT_EQ(s.documentation, "```python\ndef foo()\n```\n\nReturns bar.");
  EXPECT_EQ(s.relationships, "reference,implementation scip-python python p 0 pkg/base/foo().");
  EXPECT_EQ(s.enclosing_symbol, "scip-python python p 0 pkg/mod/__init__:");

  ASSERT_EQ(r.facts.relationships.size(), 1u);
  const ScipRelationshipRow& rr = r.facts.relationships[0];
  EXPECT_EQ(rr.file_id, id);
  EXPECT_EQ(rr.symbol, kFoo);
  EXPECT_EQ(rr.target_symbol, "scip-python python p 0 pkg/base/foo().");
  EXPECT_TRUE(rr.is_reference);
  EXPECT_TRUE(rr.is_implementation);
  EXPECT_FALSE(rr.is_type_definition);
  EXPECT_FALSE(rr.is_definition);
}

TEST(ScipReader, DeclaredEncodings) {
  // y of `x = "é😀"; y = foo()`: UTF-8 14, UTF-16 11, code points 10.
  const std::map<scip::PositionEncoding, std::pair<int32_t, std::string>> cases = {
      {scip::UTF8CodeUnitOffsetFromLineStart, {14, "utf8"}},
      {scip::UTF16CodeUnitOffsetFromLineStart, {11, "utf16"}},
      {scip::UTF32CodeUnitOffsetFromLineStart, {10, "utf32"}},
  };
  for (const auto& [encoding, expected] : cases) {
    Files files{{"pkg/mod.py", kMod}};
    scip::Index index;
    scip::Document* doc = index.add_documents();
    doc->set_relative_path("pkg/mod.py");
    doc->set_position_encoding(encoding);
    add_occurrence(doc, {3, expected.first, expected.first + 1}, "local 1");
    ScipIndexResult r = read(index, files);
    ASSERT_EQ(r.facts.documents.size(), 1u);
    EXPECT_EQ(r.facts.documents[0].position_encoding, expected.second);
    EXPECT_EQ(r.facts.documents[0].read_as, expected.second);
    ASSERT_EQ(r.facts.occurrences.size(), 1u) << expected.second;
    EXPECT_EQ(r.facts.occurrences[0].span.bstart, 27 + 14);
    EXPECT_TRUE(r.facts.diagnostics.empty());
  }
}

TEST(ScipReader, UnknownPositionEncodingIsReadAsUtf16) {
  Files files{{"pkg/mod.py", kMod}};
  scip::Index index;
  scip::Document* doc = index.add_documents();
  doc->set_relative_path("pkg/mod.py");
  doc->set_position_encoding(static_cast<scip::PositionEncoding>(7));
  add_occurrence(doc, {3, 11, 12}, "local 1");
  ScipIndexResult r = read(index, files);
  ASSERT_EQ(r.facts.documents.size(), 1u);
  EXPECT_EQ(r.facts.documents[0].position_encoding, "unknown_7");
  EXPECT_EQ(r.facts.documents[0].read_as, "utf16");
  ASSERT_EQ(r.facts.occurrences.size(), 1u);
  EXPECT_EQ(r.facts.occurrences[0].span.bstart, 27 + 14);
  ASSERT_EQ(r.facts.diagnostics.size(), 1u);
  EXPECT_EQ(r.facts.diagnostics[0].code, "scip_unknown_position_encoding");
}

TEST(ScipReader, DocumentsInPathOrderAndLeadingDotSlash) {
  Files files{{"a.py", "a = 1\n"}, {"b/c.py", "c = 1\n"}};
  scip::Index index;
  for (const char* path : {"./b/c.py", "a.py"}) {
    scip::Document* doc = index.add_documents();
    doc->set_relative_path(path);
    add_occurrence(doc, {0, 0, 1}, std::string("local ") + path);
  }
  ScipIndexResult r = read(index, files);
  EXPECT_TRUE(r.facts.diagnostics.empty());
  ASSERT_EQ(r.facts.documents.size(), 2u);
  EXPECT_EQ(r.facts.documents[0].path, "a.py");
  EXPECT_EQ(r.facts.documents[1].path, "./b/c.py");
  EXPECT_EQ(r.facts.documents[1].file_id, file_id_for("b/c.py"));
  ASSERT_EQ(r.facts.occurrences.size(), 2u);
  EXPECT_EQ(r.facts.occurrences[0].file_id, file_id_for("a.py"));
  EXPECT_EQ(r.facts.occurrences[1].file_id, file_id_for("b/c.py"));
}

TEST(ScipReader, ExternalSymbolsAndKinds) {
  Files files{{"pkg/mod.py", kMod}};
  scip::Index index;
  scip::Document* doc = index.add_documents();
  doc->set_relative_path("pkg/mod.py");
  for (int kind : {0, 26, 7, 66, 200}) {
    scip::SymbolInformation* s = doc->add_symbols();
    s->set_symbol("sym " + std::to_string(kind));
    s->set_kind(static_cast<scip::SymbolInformation::Kind>(kind));
  }
  scip::SymbolInformation* ext = index.add_external_symbols();
  ext->set_symbol("scip-python python python-stdlib 3.11 builtins/len().");
  ext->set_kind(scip::SymbolInformation::Function);
  ext->add_documentation("Return the number of items.");
  scip::Relationship* rel = ext->add_relationships();
  rel->set_symbol("scip-python python python-stdlib 3.11 builtins/object#");
  rel->set_is_type_definition(true);
  rel->set_is_definition(true);
  ext->add_relationships()->set_symbol("no roles");

  ScipIndexResult r = read(index, files);
  ASSERT_EQ(r.facts.symbols.size(), 6u);
  EXPECT_EQ(r.facts.symbols[0].kind, std::nullopt);
  EXPECT_EQ(r.facts.symbols[1].kind, "Method");
  EXPECT_EQ(r.facts.symbols[2].kind, "Class");
  EXPECT_EQ(r.facts.symbols[3].kind, "AbstractMethod");
  EXPECT_EQ(r.facts.symbols[4].kind, "kind_200");
  const ScipSymbolRow& e = r.facts.symbols[5];
  EXPECT_EQ(e.file_id, std::nullopt);
  EXPECT_EQ(e.symbol, "scip-python python python-stdlib 3.11 builtins/len().");
  EXPECT_EQ(e.kind, "Function");
  EXPECT_EQ(e.documentation, "Return the number of items.");
  EXPECT_EQ(e.relationships,
            "type_definition,definition scip-python python python-stdlib 3.11 builtins/object#\n"
            "none no roles");
  EXPECT_EQ(r.facts.documents[0].symbols, 5);
  ASSERT_EQ(r.facts.relationships.size(), 2u);
  EXPECT_EQ(r.facts.relationships[0].file_id, std::nullopt);
  EXPECT_TRUE(r.facts.relationships[0].is_type_definition);
  EXPECT_TRUE(r.facts.relationships[0].is_definition);
  EXPECT_FALSE(r.facts.relationships[0].is_reference);
  EXPECT_EQ(r.facts.relationships[1].target_symbol, "no roles");
}

TEST(ScipReader, UnknownDocumentIsSkippedWithADiagnostic) {
  Files files{{"pkg/mod.py", kMod}};
  scip::Index index;
  scip::Document* doc = index.add_documents();
  doc->set_relative_path("vendor/other.py");
  add_occurrence(doc, {0, 0, 1}, "local 0");
  doc->add_symbols()->set_symbol("local 0");
  ScipIndexResult r = read(index, files);
  EXPECT_TRUE(r.facts.documents.empty());
  EXPECT_TRUE(r.facts.occurrences.empty());
  EXPECT_TRUE(r.facts.symbols.empty());
  ASSERT_EQ(r.facts.diagnostics.size(), 1u);
  const DiagnosticRow& d = r.facts.diagnostics[0];
  EXPECT_EQ(d.layer, "scip");
  EXPECT_EQ(d.code, "scip_unknown_document");
  EXPECT_EQ(d.severity, "warning");
  EXPECT_EQ(d.file_id, 0u);
  EXPECT_EQ(d.path, "vendor/other.py");
  EXPECT_NE(d.message.find(kIndexPath), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("not part of the build"), std::string::npos) << d.message;
  EXPECT_FALSE(d.bstart.has_value());
}

TEST(ScipReader, LongNamesAreCutInMessagesAtCharacterBoundaries) {
  Files files{};
  scip::Index index;
  std::string path;
  for (int i = 0; i < 200; ++i) path += "é";
  index.add_documents()->set_relative_path(path);
  ScipIndexResult r = read(index, files);
  ASSERT_EQ(r.facts.diagnostics.size(), 1u);
  const std::string& m = r.facts.diagnostics[0].message;
  EXPECT_NE(m.find("...' (400 bytes)"), std::string::npos) << m;
  // 160 bytes of "é" is 80 whole characters.
  EXPECT_NE(m.find("'" + path.substr(0, 160) + "...'"), std::string::npos) << m;
}

TEST(ScipReader, DuplicateDocumentKeepsTheFirst) {
  Files files{{"pkg/mod.py", kMod}};
  scip::Index index;
  for (int i = 0; i < 2; ++i) {
    scip::Document* doc = index.add_documents();
    doc->set_relative_path(i ? "./pkg/mod.py" : "pkg/mod.py");
    add_occurrence(doc, {0, 4, 7}, "first " + std::to_string(i));
  }
  ScipIndexResult r = read(index, files);
  ASSERT_EQ(r.facts.documents.size(), 1u);
  ASSERT_EQ(r.facts.occurrences.size(), 1u);
  EXPECT_EQ(r.facts.occurrences[0].symbol, "first 0");
  ASSERT_EQ(r.facts.diagnostics.size(), 1u);
  EXPECT_EQ(r.facts.diagnostics[0].code, "scip_duplicate_document");
}

TEST(ScipReader, FileWithoutTextKeepsItsDocumentAndSymbols) {
  Files files{};
  files.add_without_text("bad.py");
  scip::Index index;
  scip::Document* doc = index.add_documents();
  doc->set_relative_path("bad.py");
  add_occurrence(doc, {0, 0, 1}, "local 0");
  doc->add_symbols()->set_symbol("local 0");
  ScipIndexResult r = read(index, files);
  ASSERT_EQ(r.facts.documents.size(), 1u);
  EXPECT_EQ(r.facts.documents[0].occurrences, 0);
  EXPECT_EQ(r.facts.documents[0].symbols, 1);
  EXPECT_TRUE(r.facts.occurrences.empty());
  EXPECT_EQ(r.facts.symbols.size(), 1u);
  ASSERT_EQ(r.facts.diagnostics.size(), 1u);
  EXPECT_EQ(r.facts.diagnostics[0].code, "scip_no_text");
  EXPECT_EQ(r.facts.diagnostics[0].file_id, file_id_for("bad.py"));
  EXPECT_EQ(r.facts.diagnostics[0].path, "bad.py");
}

TEST(ScipReader, BadRangesAreSkippedWithDiagnostics) {
  Files files{{"pkg/mod.py", kMod}};
  scip::Index index;
  scip::Document* doc = index.add_documents();
  doc->set_relative_path("pkg/mod.py");
  struct Case {
    std::vector<int32_t> range;
    std::string code, text;
  };
  const std::vector<Case> cases = {
      {{0, 4}, "scip_bad_range", "3 or 4 numbers, this one 2"},
      {{0, 4, 0, 7, 1}, "scip_bad_range", "3 or 4 numbers, this one 5"},
      {{}, "scip_bad_range", "this one 0"},
      {{-1, 0, 1}, "scip_bad_range", "negative"},
      {{0, 0, -1, 2}, "scip_bad_range", "negative"},
      {{0, 7, 4}, "scip_bad_range", "ends before it starts"},
      {{1, 0, 0, 5}, "scip_bad_range", "ends before it starts"},
      {{9, 0, 1}, "scip_position_out_of_range", "no line 9"},
      {{0, 0, 9, 0}, "scip_position_out_of_range", "no line 9"},
      {{0, 4, 99}, "scip_position_out_of_range", "character 99 is past the end of line 0"},
      {{3, 7, 8}, "scip_position_out_of_range", "falls inside a character"},
  };
  for (const Case& c : cases) {
    scip::Occurrence* o = doc->add_occurrences();
    for (int32_t n : c.range) o->add_range(n);
    o->set_symbol("bad");
  }
  add_occurrence(doc, {0, 4, 7}, kFoo, scip::Definition);

  ScipIndexResult r = read(index, files);
  ASSERT_EQ(r.facts.occurrences.size(), 1u);
  EXPECT_EQ(r.facts.occurrences[0].occurrence_index, static_cast<int32_t>(cases.size()));
  EXPECT_EQ(r.facts.documents[0].occurrences, 1);
  ASSERT_EQ(r.facts.diagnostics.size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    const DiagnosticRow& d = r.facts.diagnostics[i];
    EXPECT_EQ(d.code, cases[i].code) << i;
    EXPECT_EQ(d.severity, "warning");
    EXPECT_EQ(d.layer, "scip");
    EXPECT_EQ(d.file_id, file_id_for("pkg/mod.py"));
    EXPECT_EQ(d.path, "pkg/mod.py");
    EXPECT_NE(d.message.find(kIndexPath), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("occurrence " + std::to_string(i)), std::string::npos) << d.message;
    EXPECT_NE(d.message.find(cases[i].text), std::string::npos) << d.message;
    std::string raw;
    for (int32_t n : cases[i].range) raw += (raw.empty() ? "" : ",") + std::to_string(n);
    EXPECT_NE(d.message.find("[" + raw + "]"), std::string::npos) << d.message;
  }
}

TEST(ScipReader, BadEnclosingRangeOnlyNullsTheEnclosingColumns) {
  Files files{{"pkg/mod.py", kMod}};
  scip::Index index;
  scip::Document* doc = index.add_documents();
  doc->set_relative_path("pkg/mod.py");
  scip::Occurrence* o = add_occurrence(doc, {0, 4, 7}, kFoo, scip::Definition);
  set_range(o->mutable_enclosing_range(), {0, 0, 40, 0});
  scip::Occurrence* p = add_occurrence(doc, {0, 4, 7}, kFoo, scip::Definition);
  set_range(p->mutable_enclosing_range(), {0, 1});
  ScipIndexResult r = read(index, files);
  ASSERT_EQ(r.facts.occurrences.size(), 2u);
  for (const ScipOccurrenceRow& row : r.facts.occurrences) {
    EXPECT_EQ(row.span.bstart, 4);
    EXPECT_FALSE(row.enclosing_bstart.has_value());
    EXPECT_FALSE(row.enclosing_bend.has_value());
  }
  ASSERT_EQ(r.facts.diagnostics.size(), 2u);
  EXPECT_EQ(r.facts.diagnostics[0].code, "scip_position_out_of_range");
  EXPECT_EQ(r.facts.diagnostics[1].code, "scip_bad_range");
  for (const DiagnosticRow& d : r.facts.diagnostics) {
    EXPECT_NE(d.message.find("enclosing range"), std::string::npos) << d.message;
    EXPECT_EQ(d.bstart, 4);  // anchored at the occurrence
    EXPECT_EQ(d.bend, 7);
    EXPECT_EQ(d.start_line, 1);
  }
}

TEST(ScipReader, GarbageIsNotAnIndex) {
  Files files{{"pkg/mod.py", kMod}};
  for (std::string_view bytes :
       {std::string_view("this is not a SCIP index\n"), std::string_view("\xff\xff\xff\xff"),
        std::string_view("\x12\x7f", 2)}) {
    try {
      read_scip_index(bytes, kIndexPath, files.list());
      ADD_FAILURE() << "no error for " << bytes;
    } catch (const ScipIndexError& e) {
      EXPECT_NE(std::string(e.what()).find(kIndexPath), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("not a SCIP index"), std::string::npos) << e.what();
    }
  }
  // No bytes at all are an empty index.
  ScipIndexResult r = read_scip_index("", kIndexPath, files.list());
  EXPECT_TRUE(r.facts.documents.empty());
  EXPECT_TRUE(r.facts.diagnostics.empty());
}

TEST(ScipReader, ForEachTableNamesTheTables) {
  ScipFacts facts;
  std::vector<std::string> names;
  for_each_scip_table(facts, [&](std::string_view name, const auto&) { names.emplace_back(name); });
  const ScipFacts& cfacts = facts;
  for_each_scip_table(cfacts,
                      [&](std::string_view name, const auto&) { names.emplace_back(name); });
  EXPECT_EQ(names,
            (std::vector<std::string>{"scip_documents", "scip_occurrences", "scip_symbols",
                                      "scip_relationships", "scip_documents", "scip_occurrences",
                                      "scip_symbols", "scip_relationships"}));
}

}  // namespace
}  // namespace ca
