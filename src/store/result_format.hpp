// Renders query results as an aligned text table, CSV (RFC 4180) or JSON (an array of
// objects, numbers and booleans typed, NULL as null).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "store/duckdb_api.hpp"

namespace ca {

enum class ResultFormat { Table, Csv, Json };

/// The format named `name` ("table", "csv", "json"), or nullopt.
std::optional<ResultFormat> parse_result_format(std::string_view name);

/// The whole result rendered in `format`, ending with a newline.
std::string format_result(const QueryResult& result, ResultFormat format);

}  // namespace ca
