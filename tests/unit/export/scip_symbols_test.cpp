// SCIP symbol strings (escaping, descriptors) and docstring cleaning.
#include "export/scip_symbols.hpp"

#include <gtest/gtest.h>

namespace ca::scip_symbol {
namespace {

TEST(ScipSymbols, SimpleIdentifiersAreNotEscaped) {
  EXPECT_EQ(escape_identifier("helper"), "helper");
  EXPECT_EQ(escape_identifier("__init__"), "__init__");
  EXPECT_EQ(escape_identifier("a-b+c$1"), "a-b+c$1");
}

TEST(ScipSymbols, OtherNamesAreBacktickedWithBackticksDoubled) {
  EXPECT_EQ(escape_identifier("pkg.mod"), "`pkg.mod`");
  EXPECT_EQ(escape_identifier("a b"), "`a b`");
  EXPECT_EQ(escape_identifier("x`y"), "`x``y`");
  EXPECT_EQ(escape_identifier("caf\xc3\xa9"), "`caf\xc3\xa9`");  // non-ASCII letters
  EXPECT_EQ(escape_identifier(""), "``");
}

TEST(ScipSymbols, Descriptors) {
  EXPECT_EQ(namespace_descriptor("pkg.mod"), "`pkg.mod`/");
  EXPECT_EQ(type_descriptor("Shape"), "Shape#");
  EXPECT_EQ(term_descriptor("sides"), "sides.");
  EXPECT_EQ(method_descriptor("area"), "area().");
  EXPECT_EQ(parameter_descriptor("self"), "(self)");
  EXPECT_EQ(meta_descriptor("__init__"), "__init__:");
  EXPECT_EQ(module_namespace("requests"), "requests/");
}

TEST(ScipSymbols, PackageFields) {
  EXPECT_EQ(package_prefix("scip-python", "python", "my pkg", ""), "scip-python python my  pkg . ");
  EXPECT_EQ(package_prefix("scip-python", "python", "requests", "0") +
                module_namespace("requests.api") + method_descriptor("get") +
                parameter_descriptor("url"),
            "scip-python python requests 0 `requests.api`/get().(url)");
}

TEST(ScipDocstrings, QuotesPrefixesAndIndentation) {
  EXPECT_EQ(docstring_text("\"\"\"A shape.\n\n    Has an area.\n    \"\"\""),
            "A shape.\n\nHas an area.");
  EXPECT_EQ(docstring_text("r'''  Raw \\n text.'''"), "Raw \\n text.");
  EXPECT_EQ(docstring_text("'one'"), "one");
  EXPECT_EQ(docstring_text("\"\"\"\n    First.\n      Indented.\n    \"\"\""),
            "First.\n  Indented.");
  EXPECT_EQ(docstring_text("42"), "");
}

}  // namespace
}  // namespace ca::scip_symbol
