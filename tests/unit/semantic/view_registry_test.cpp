// Dependencies come from DuckDB's parse of each view; bad views are refused by name.
#include <gtest/gtest.h>

#include "semantic/view_registry.hpp"

namespace ca {
namespace {

class ViewPlanning : public ::testing::Test {
 protected:
  ViewPlanning() : db_("", DbOpenOptions{}), con_(db_) {}
  Database db_;
  Connection con_;
};

TEST_F(ViewPlanning, InfersTablesIgnoringCtes) {
  auto inputs =
      infer_view_inputs(con_, {"v",
                               "WITH c AS (SELECT * FROM a) SELECT x FROM c JOIN b USING (id) "
                               "WHERE EXISTS (SELECT 1 FROM d) UNION ALL SELECT 1 FROM main.e"});
  EXPECT_EQ(inputs, (std::vector<std::string>{"a", "b", "d", "e"}));
}

TEST_F(ViewPlanning, RejectsWhatIsNotOneSelect) {
  EXPECT_THROW(infer_view_inputs(con_, {"v", "CREATE TABLE x AS SELECT 1"}), ViewError);
  EXPECT_THROW(infer_view_inputs(con_, {"v", "SELECT 1; SELECT 2"}), ViewError);
  EXPECT_THROW(infer_view_inputs(con_, {"v", "DELETE FROM t"}), ViewError);
  try {
    infer_view_inputs(con_, {"bad_view", "DROP TABLE t"});
    FAIL();
  } catch (const ViewError& e) {
    EXPECT_NE(std::string(e.what()).find("bad_view"), std::string::npos);
  }
}

TEST_F(ViewPlanning, GenerationsFollowDependencies) {
  auto plan = plan_views(con_,
                         {{"c", "SELECT * FROM b JOIN a USING (x)"},
                          {"b", "SELECT * FROM a"},
                          {"a", "SELECT * FROM base1"},
                          {"d", "SELECT * FROM base2"}},
                         {"base1", "base2"});
  ASSERT_EQ(plan.size(), 4u);
  EXPECT_EQ(plan[0].name, "a");
  EXPECT_EQ(plan[0].generation, 0);
  EXPECT_EQ(plan[1].name, "d");
  EXPECT_EQ(plan[1].generation, 0);
  EXPECT_EQ(plan[2].name, "b");
  EXPECT_EQ(plan[2].generation, 1);
  EXPECT_EQ(plan[3].name, "c");
  EXPECT_EQ(plan[3].generation, 2);
  EXPECT_EQ(plan[3].inputs, (std::vector<std::string>{"a", "b"}));
}

TEST_F(ViewPlanning, RefusesUnknownTablesCyclesAndOwnedNames) {
  EXPECT_THROW(plan_views(con_, {{"v", "SELECT * FROM nowhere"}}, {}), ViewError);
  EXPECT_THROW(plan_views(con_, {{"v", "SELECT * FROM w"}, {"w", "SELECT * FROM v"}}, {}),
               ViewError);
  EXPECT_THROW(plan_views(con_, {{"v", "SELECT * FROM v"}}, {}), ViewError);
  EXPECT_THROW(plan_views(con_, {{"base", "SELECT 1"}}, {"base"}), ViewError);
}

TEST_F(ViewPlanning, EmbeddedViewsAreSelects) {
  ASSERT_FALSE(embedded_views().empty());
  for (const auto& v : embedded_views()) EXPECT_NO_THROW(infer_view_inputs(con_, v)) << v.name;
}

}  // namespace
}  // namespace ca
