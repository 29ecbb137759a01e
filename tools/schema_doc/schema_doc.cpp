// ca_schema_doc: prints docs/schema.md, so that the schema document cannot drift from the
// code. It has three sources and no fourth:
//   - the node and edge kinds with their descriptions: the one list in src/core/kinds.hpp;
//   - every table and its columns with their types: the DuckDB catalog of a real build of an
//     empty repository (build_graph, the same code path as `codeanatomy build`). That covers
//     the tables made from row structs (src/extract/facts.hpp, src/store/schema.hpp) and the
//     tables made by SQL views (src/semantic/views/*.sql), whose columns are whatever DuckDB
//     infers from the SELECT, without a second declaration that could disagree with either;
//   - words: the prose template tools/schema_doc/schema.md.in, the view files' header
//     comments and table_docs.cpp. The generator refuses to run when table_docs.cpp misses a
//     table of the build or names a table or column that does not exist.
//
// Usage: ca_schema_doc [--template FILE] [--output FILE | --check FILE]
//   (no option)   print the document on stdout
//   --output FILE write it to FILE (scripts/gen-docs.sh)
//   --check FILE  exit 1 when FILE differs from it (the CTest test docs_schema_up_to_date)
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/kinds.hpp"
#include "pipeline/build.hpp"
#include "pipeline/table_placement.hpp"
#include "semantic/view_registry.hpp"
#include "store/duckdb_api.hpp"
#include "table_docs.hpp"

namespace fs = std::filesystem;

namespace {

struct Column {
  std::string name;
  std::string type;
};

/// A temporary directory removed when it goes out of scope.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "ca_schema_doc-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
      throw std::runtime_error("cannot create a temporary directory in " +
                               fs::temp_directory_path().string());
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

/// Every user table of a fresh build with its columns in order, by table name.
std::map<std::string, std::vector<Column>> built_tables() {
  TempDir tmp;
  fs::create_directories(tmp.path() / "repo");
  ca::BuildOptions options;
  options.repo = tmp.path() / "repo";
  options.output_dir = tmp.path() / "out";
  options.jobs = 1;
  options.keep_evidence = true;  // every table a build can write
  ca::BuildSummary summary = ca::build_graph(options);

  ca::DbOpenOptions open;
  open.read_only = true;
  std::map<std::string, std::vector<Column>> tables;
  {
    ca::Database db(summary.database, open);
    ca::Connection con(db);
    ca::QueryResult r = con.query(
        "SELECT c.table_name, c.column_name, c.data_type FROM duckdb_columns() c "
        "WHERE c.database_name = current_database() AND c.schema_name = 'main' "
        "AND NOT c.internal ORDER BY c.table_name, c.column_index");
    for (size_t i = 0; i < r.row_count(); ++i)
      tables[*r.value(i, 0)].push_back(Column{*r.value(i, 1), *r.value(i, 2)});
  }
  return tables;
}

/// The header comment of a view's SQL (its leading `--` lines), as one paragraph.
std::string view_description(const std::string& sql) {
  std::istringstream in(sql);
  std::string line, text;
  while (std::getline(in, line)) {
    if (line.rfind("--", 0) != 0) break;
    std::string words = line.substr(2);
    size_t start = words.find_first_not_of(' ');
    if (start == std::string::npos) continue;
    if (!text.empty()) text += ' ';
    text += words.substr(start);
  }
  return text;
}

/// `|` would end a Markdown table cell.
std::string cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

template <size_t N>
std::string kinds_table(const std::array<ca::KindInfo, N>& kinds) {
  std::string out = "| kind | what |\n|---|---|\n";
  for (const auto& k : kinds)
    out += "| `" + std::string(k.name) + "` | " + cell(k.description) + " |\n";
  out.pop_back();
  return out;
}

const char* group_title(ca::docs::TableGroup g) {
  using G = ca::docs::TableGroup;
  switch (g) {
    case G::Graph:
      return "The graph";
    case G::Scan:
      return "What was scanned, and every problem found";
    case G::Syntax:
      return "Syntax facts from tree-sitter (`ts_*`)";
    case G::Resolution:
      return "Name binding and whole-program resolution (`res_*`)";
    case G::Internal:
      return "Intermediate views (`sem_*`)";
    case G::Run:
      return "The build itself";
  }
  return "";
}

/// The tables section; throws when table_docs() and the build disagree on the tables.
std::string tables_section(const std::map<std::string, std::vector<Column>>& tables) {
  std::map<std::string, std::string> views;
  for (const auto& v : ca::embedded_views()) views[v.name] = view_description(v.sql);

  std::vector<std::string> problems;
  std::set<std::string> documented;
  std::vector<ca::docs::TableDoc> docs = ca::docs::table_docs();
  for (const auto& doc : docs) documented.insert(std::string(doc.name));
  // A view needs no entry: its header comment describes it, its name places it.
  for (const auto& [name, description] : views) {
    if (documented.count(name) || !tables.count(name)) continue;
    bool graph = name.rfind("cpg_", 0) == 0;
    docs.push_back(
        {name, graph ? ca::docs::TableGroup::Graph : ca::docs::TableGroup::Internal, "", {}});
    documented.insert(name);
  }
  for (const auto& [name, columns] : tables)
    if (!documented.count(name))
      problems.push_back("table " + name +
                         " of the build has no entry in tools/schema_doc/table_docs.cpp");

  std::string out;
  bool first_group = true;
  for (auto group : {ca::docs::TableGroup::Graph, ca::docs::TableGroup::Scan,
                     ca::docs::TableGroup::Syntax, ca::docs::TableGroup::Resolution,
                     ca::docs::TableGroup::Internal, ca::docs::TableGroup::Run}) {
    if (!first_group) out += "\n";
    first_group = false;
    out += "### " + std::string(group_title(group)) + "\n";
    for (const auto& doc : docs) {
      if (doc.group != group) continue;
      const std::string name(doc.name);
      auto table = tables.find(name);
      if (table == tables.end()) {
        problems.push_back("tools/schema_doc/table_docs.cpp describes table " + name +
                           ", which the build does not write");
        continue;
      }
      std::string description(doc.description);
      if (auto view = views.find(name); view != views.end()) {
        if (!description.empty())
          problems.push_back("table " + name +
                             " is made by a view: describe it in the view's header comment");
        description = view->second + " (view `src/semantic/views/" + name + ".sql`)";
      }
      if (description.empty()) problems.push_back("table " + name + " has no description");

      std::map<std::string, std::string> notes;
      for (const auto& n : doc.notes) notes[std::string(n.column)] = std::string(n.note);
      if (ca::is_evidence_table(name))
        description += " Kept in the file only by `build --keep-evidence`.";
      out += "\n#### `" + name + "`\n\n" + description + "\n\n";
      out += "| column | type | notes |\n|---|---|---|\n";
      for (const auto& c : table->second) {
        auto note = notes.find(c.name);
        std::string text = note == notes.end() ? "" : cell(note->second);
        if (note != notes.end()) notes.erase(note);
        out += "| `" + c.name + "` | " + c.type + " | " + text + " |\n";
      }
      for (const auto& [column, note] : notes)
        problems.push_back("tools/schema_doc/table_docs.cpp has a note on " + name + "." + column +
                           ", which the build does not write");
    }
  }
  if (!problems.empty()) {
    std::string message;
    for (const auto& p : problems) message += "  " + p + "\n";
    throw std::runtime_error("the table descriptions and the build disagree:\n" + message);
  }
  out.pop_back();
  return out;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void replace(std::string& text, const std::string& placeholder, const std::string& value) {
  size_t at = text.find(placeholder);
  if (at == std::string::npos)
    throw std::runtime_error("the template has no " + placeholder + " placeholder");
  text.replace(at, placeholder.size(), value);
}

std::string render(const fs::path& template_path) {
  std::string doc = read_text(template_path);
  replace(doc, "@NODE_KINDS@", kinds_table(ca::kNodeKinds));
  replace(doc, "@EDGE_KINDS@", kinds_table(ca::kEdgeKinds));
  replace(doc, "@TABLES@", tables_section(built_tables()));
  return doc;
}

/// 1-based number of the first line where a and b differ.
size_t first_difference(const std::string& a, const std::string& b) {
  size_t line = 1;
  for (size_t i = 0; i < a.size() && i < b.size() && a[i] == b[i]; ++i)
    if (a[i] == '\n') ++line;
  return line;
}

int usage() {
  std::cerr << "usage: ca_schema_doc [--template FILE] [--output FILE | --check FILE]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path template_path = CA_SCHEMA_TEMPLATE;
  fs::path output, check;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (i + 1 >= argc) return usage();
    if (arg == "--template")
      template_path = argv[++i];
    else if (arg == "--output")
      output = argv[++i];
    else if (arg == "--check")
      check = argv[++i];
    else
      return usage();
  }
  if (!output.empty() && !check.empty()) return usage();
  try {
    std::string doc = render(template_path);
    if (!check.empty()) {
      std::string current = read_text(check);
      if (current == doc) return 0;
      std::cerr << check.string() << " is out of date (first difference at line "
                << first_difference(current, doc)
                << "): it is generated from src/core/kinds.hpp, the tables of a build and "
                   "tools/schema_doc/. Regenerate it with scripts/gen-docs.sh\n";
      return 1;
    }
    if (!output.empty()) {
      std::ofstream out(output, std::ios::binary);
      out << doc;
      if (!out.flush()) throw std::runtime_error("cannot write " + output.string());
      return 0;
    }
    std::cout << doc;
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "ca_schema_doc: " << e.what() << "\n";
    return 2;
  }
}
