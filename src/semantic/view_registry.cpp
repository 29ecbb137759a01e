// Table-level dependencies of the SQL views; see view_registry.hpp.
#include "semantic/view_registry.hpp"

#include "semantic/view_lineage.hpp"

namespace ca {

std::vector<std::string> infer_view_inputs(Connection& con, const ViewSource& view) {
  return statement_tables(parse_view_sql(con, view));
}

}  // namespace ca
