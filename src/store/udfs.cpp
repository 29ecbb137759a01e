// ca_node_id / ca_edge_id as DuckDB scalar functions over whole vectors.
#include "store/udfs.hpp"

#include <array>
#include <string_view>

#include "core/ids.hpp"

namespace ca {
namespace {

std::string_view read_string(duckdb_vector vec, idx_t row) {
  auto* s = static_cast<duckdb_string_t*>(duckdb_vector_get_data(vec)) + row;
  return {duckdb_string_t_data(s), duckdb_string_t_length(*s)};
}

/// The validity masks of a chunk's input columns, fetched once per chunk: output NULL
/// when any input is NULL.
template <size_t N>
class InputValidity {
 public:
  explicit InputValidity(duckdb_data_chunk input) {
    for (size_t c = 0; c < N; ++c) {
      masks_[c] = duckdb_vector_get_validity(duckdb_data_chunk_get_vector(input, c));
      any_mask_ = any_mask_ || masks_[c] != nullptr;
    }
  }
  bool any_null(idx_t row) const {
    if (!any_mask_) return false;
    for (uint64_t* mask : masks_)
      if (mask != nullptr && !duckdb_validity_row_is_valid(mask, row)) return true;
    return false;
  }

 private:
  std::array<uint64_t*, N> masks_{};
  bool any_mask_ = false;
};

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
  const InputValidity<5> validity(input);
  for (idx_t r = 0; r < n; ++r) {
    if (validity.any_null(r)) {
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
  const InputValidity<4> validity(input);
  for (idx_t r = 0; r < n; ++r) {
    if (validity.any_null(r)) {
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
