// ts_params: positions, kinds, spans, defaults and annotations of function and lambda
// parameters.
#include <gtest/gtest.h>

#include "ts_test_helpers.hpp"

namespace ca::test {
namespace {

TEST(TsParams, KindsAndPositions) {
  std::string src = "def f(a, /, b: int = 2, *args: str, c, d=3, **kw): pass\n";
  FileFacts f = extract_source(src);
  ASSERT_EQ(f.params.size(), 6u);
  const char* names[] = {"a", "b", "args", "c", "d", "kw"};
  const char* kinds[] = {"positional_only", "positional_or_keyword", "var_positional",
                         "keyword_only",    "keyword_only",          "var_keyword"};
  NodeId fid = only_named(f.defs, "f").node_id;
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(f.params[i].position, i);
    EXPECT_EQ(f.params[i].name, names[i]);
    EXPECT_EQ(f.params[i].param_kind, kinds[i]) << names[i];
    EXPECT_EQ(f.params[i].function_id, fid);
  }
  const ParamRow& b = f.params[1];
  EXPECT_EQ(b.span.bstart, offset_of(src, "b:"));
  EXPECT_EQ(b.span.bend, offset_of(src, "int") + 3);  // name through annotation
  EXPECT_EQ(b.annotation_range.bstart, offset_of(src, "int"));
  EXPECT_EQ(b.default_range.bstart, offset_of(src, "2"));
  EXPECT_EQ(b.default_range.bend, offset_of(src, "2") + 1);
  EXPECT_EQ(b.qualname, "pkg.mod.f.<locals>.b");
  EXPECT_EQ(b.node_id, node_id_for(kPath, NodeKind::Parameter, b.span.bstart, b.span.bend));
  const ParamRow& args = f.params[2];
  EXPECT_EQ(args.span.bstart, offset_of(src, "args"));  // the star is not part of ast.arg
  EXPECT_EQ(args.span.bend, offset_of(src, "str") + 3);
  EXPECT_FALSE(f.params[0].default_range.bstart.has_value());
  EXPECT_FALSE(f.params[0].annotation_range.bstart.has_value());
}

TEST(TsParams, BareStarAndLambda) {
  std::string src = "g = lambda a, *, b=1: a\ndef h(x, *, y): pass\n";
  FileFacts f = extract_source(src);
  ASSERT_EQ(f.params.size(), 4u);
  EXPECT_EQ(f.params[0].param_kind, "positional_or_keyword");
  EXPECT_EQ(f.params[1].param_kind, "keyword_only");
  EXPECT_EQ(f.params[1].position, 1);
  EXPECT_EQ(f.params[0].function_id, only_named(f.defs, "<lambda>").node_id);
  EXPECT_EQ(f.params[0].qualname, "pkg.mod.<lambda>.<locals>.a");
  EXPECT_EQ(f.params[3].name, "y");
  EXPECT_EQ(f.params[3].param_kind, "keyword_only");
}

}  // namespace
}  // namespace ca::test
