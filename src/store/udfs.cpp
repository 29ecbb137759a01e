// ca_node_id / ca_edge_id as DuckDB scalar functions over whole vectors.
#include "store/udfs.hpp"

#include <string_view>

#include "core/ids.hpp"

namespace ca {
namespace {

std::string_view read_string(duckdb_vector vec, idx_t row) {
  auto* s = static_cast<duckdb_string_t*>(duckdb_vector_get_data(vec)) + row;
  return {duckdb_string_t_data(s), duckdb_string_t_length(*s)};
}

bool row_valid(duckdb_vector vec, idx_t row) {
  uint64_t* validity = duckdb_vector_get_validity(vec);
  return !validity || duckdb_validity_row_is_valid(validity, row);
}

/// Output NULL when any input is NULL.
bool any_null(duckdb_data_chunk input, idx_t ncols, idx_t row) {
  for (idx_t c = 0; c < ncols; ++c)
    if (!row_valid(duckdb_data_chunk_get_vector(input, c), row)) return true;
  return false;
}

void set_null(duckdb_vector output, idx_t row) {
  duckdb_vector_ensure_validity_writable(output);
  duckdb_validity_set_row_invalid(duckdb_vector_get_validity(output), row);
}

void node_id_function(duckdb_function_info, duckdb_data_chunk input, duckdb_vector output) {
  idx_t n = duckdb_data_chunk_get_size(input);
  duckdb_vector path = duckdb_data_chunk_get_vector(input, 0);
  duckdb_vector kind = duckdb_data_chunk_get_vector(input, 1);
  auto* bstart =
      static_cast<int64_t*>(duckdb_vector_get_data(duckdb_data_chunk_get_vector(input, 2)));
  auto* bend =
      static_cast<int64_t*>(duckdb_vector_get_data(duckdb_data_chunk_get_vector(input, 3)));
  duckdb_vector disc = duckdb_data_chunk_get_vector(input, 4);
  auto* out = static_cast<uint64_t*>(duckdb_vector_get_data(output));
  for (idx_t r = 0; r < n; ++r) {
    if (any_null(input, 5, r)) {
      set_null(output, r);
      continue;
    }
    out[r] = node_id_for(read_string(path, r), read_string(kind, r), bstart[r], bend[r],
                         read_string(disc, r));
  }
}

void edge_id_function(duckdb_function_info, duckdb_data_chunk input, duckdb_vector output) {
  idx_t n = duckdb_data_chunk_get_size(input);
  duckdb_vector kind = duckdb_data_chunk_get_vector(input, 0);
  auto* src =
      static_cast<uint64_t*>(duckdb_vector_get_data(duckdb_data_chunk_get_vector(input, 1)));
  auto* dst =
      static_cast<uint64_t*>(duckdb_vector_get_data(duckdb_data_chunk_get_vector(input, 2)));
  auto* bstart =
      static_cast<int64_t*>(duckdb_vector_get_data(duckdb_data_chunk_get_vector(input, 3)));
  auto* out = static_cast<uint64_t*>(duckdb_vector_get_data(output));
  for (idx_t r = 0; r < n; ++r) {
    if (any_null(input, 4, r)) {
      set_null(output, r);
      continue;
    }
    out[r] = edge_id_for(read_string(kind, r), src[r], dst[r], bstart[r]);
  }
}

void register_function(Connection& con, const char* name, std::initializer_list<duckdb_type> params,
                       duckdb_scalar_function_t fn) {
  duckdb_scalar_function f = duckdb_create_scalar_function();
  duckdb_scalar_function_set_name(f, name);
  for (duckdb_type t : params) {
    duckdb_logical_type type = duckdb_create_logical_type(t);
    duckdb_scalar_function_add_parameter(f, type);
    duckdb_destroy_logical_type(&type);
  }
  duckdb_logical_type ret = duckdb_create_logical_type(DUCKDB_TYPE_UBIGINT);
  duckdb_scalar_function_set_return_type(f, ret);
  duckdb_destroy_logical_type(&ret);
  duckdb_scalar_function_set_function(f, fn);
  duckdb_state state = duckdb_register_scalar_function(con.handle(), f);
  duckdb_destroy_scalar_function(&f);
  if (state == DuckDBError) throw DbError(std::string("cannot register scalar function ") + name);
}

}  // namespace

void register_id_functions(Connection& con) {
  register_function(con, "ca_node_id",
                    {DUCKDB_TYPE_VARCHAR, DUCKDB_TYPE_VARCHAR, DUCKDB_TYPE_BIGINT,
                     DUCKDB_TYPE_BIGINT, DUCKDB_TYPE_VARCHAR},
                    node_id_function);
  register_function(
      con, "ca_edge_id",
      {DUCKDB_TYPE_VARCHAR, DUCKDB_TYPE_UBIGINT, DUCKDB_TYPE_UBIGINT, DUCKDB_TYPE_BIGINT},
      edge_id_function);
}

}  // namespace ca
