// Scalar functions the SQL views use to compute ids exactly as the C++ side does
// (core/ids.hpp): ca_node_id(path, kind, bstart, bend, discriminator) and
// ca_edge_id(kind, src, dst, bstart), both returning UBIGINT.
#pragma once

#include "store/duckdb_api.hpp"

namespace ca {

/// Registers ca_node_id and ca_edge_id on `con` (visible to the whole database instance).
/// Throws DbError when DuckDB refuses them.
void register_id_functions(Connection& con);

}  // namespace ca
