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

TEST_F(ViewPlanning, EmbeddedViewsAreSelects) {
  ASSERT_FALSE(embedded_views().empty());
  for (const auto& v : embedded_views()) EXPECT_NO_THROW(infer_view_inputs(con_, v)) << v.name;
}

}  // namespace
}  // namespace ca
