// The registry of SQL views: each views/*.sql file is one SELECT whose result becomes the
// table of the file's name. Dependencies are inferred from DuckDB's own parse of the SQL.
#pragma once

#include <string>
#include <vector>

namespace ca {

/// A view as written: the table it creates and its SELECT.
struct ViewSource {
  std::string name;
  std::string sql;
};

/// Every view compiled into the binary (src/semantic/views/*.sql), sorted by name.
const std::vector<ViewSource>& embedded_views();

}  // namespace ca
