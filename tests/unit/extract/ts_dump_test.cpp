// Prints the facts of CA_TS_DUMP (a file) when set: a debugging aid, passes otherwise.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "ts_test_helpers.hpp"

namespace ca::test {
namespace {

struct Printer {
  std::ostream& out;
  template <class T>
  void operator()(const char* name, const T& value) {
    out << name << '=';
    print(value);
    out << ' ';
  }
  template <class T>
  void print(const std::optional<T>& v) {
    if (v)
      print(*v);
    else
      out << "NULL";
  }
  template <class T>
  void print(const T& v) {
    out << v;
  }
};

template <class Row>
void dump(const char* table, const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    std::cout << table << ": ";
    Printer p{std::cout};
    row.columns(p);
    std::cout << '\n';
  }
}

TEST(TsDump, DumpsFileFromEnvironment) {
  const char* path = std::getenv("CA_TS_DUMP");
  if (path == nullptr) GTEST_SKIP() << "set CA_TS_DUMP=file.py to print its facts";
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  FileFacts f = extract_source(buffer.str());
  dump("scope", f.scopes);
  dump("def", f.defs);
  dump("param", f.params);
  dump("name", f.names);
  dump("import", f.imports);
  dump("call", f.calls);
  dump("decorator", f.decorators);
  dump("base", f.class_bases);
  dump("return", f.returns);
  dump("doc", f.docstrings);
  dump("decl", f.scope_decls);
  dump("diag", f.diagnostics);
}

}  // namespace
}  // namespace ca::test
