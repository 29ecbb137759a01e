// Text renderings of query results; see result_format.hpp.
#include "store/result_format.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace ca {
namespace {

constexpr std::string_view kNull = "NULL";

bool is_integer_type(const std::string& t) {
  return t == "TINYINT" || t == "SMALLINT" || t == "INTEGER" || t == "BIGINT" || t == "UBIGINT" ||
         t == "UINTEGER" || t == "HUGEINT";
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"')
      out += "\"\"";
    else
      out += c;
  }
  return out + "\"";
}

/// Display width in code points (good enough for aligning identifiers and paths).
size_t display_width(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string render_table(const QueryResult& r) {
  size_t cols = r.column_count();
  std::vector<size_t> width(cols);
  for (size_t c = 0; c < cols; ++c) {
    width[c] = display_width(r.column_name(c));
    for (size_t row = 0; row < r.row_count(); ++row) {
      const auto& v = r.value(row, c);
      width[c] = std::max(width[c], v ? display_width(*v) : kNull.size());
    }
  }
  std::string out;
  auto cell = [&](std::string_view text, size_t c) {
    if (c) out += " | ";
    out += text;
    if (c + 1 < cols) out.append(width[c] - display_width(text), ' ');
  };
  for (size_t c = 0; c < cols; ++c) cell(r.column_name(c), c);
  out += '\n';
  for (size_t c = 0; c < cols; ++c) {
    if (c) out += "-+-";
    out.append(width[c], '-');
  }
  out += '\n';
  for (size_t row = 0; row < r.row_count(); ++row) {
    for (size_t c = 0; c < cols; ++c) {
      const auto& v = r.value(row, c);
      cell(v ? std::string_view(*v) : kNull, c);
    }
    out += '\n';
  }
  out += "(" + std::to_string(r.row_count()) + (r.row_count() == 1 ? " row)\n" : " rows)\n");
  return out;
}

std::string render_csv(const QueryResult& r) {
  std::string out;
  for (size_t c = 0; c < r.column_count(); ++c) {
    if (c) out += ',';
    out += csv_field(r.column_name(c));
  }
  out += "\r\n";
  for (size_t row = 0; row < r.row_count(); ++row) {
    for (size_t c = 0; c < r.column_count(); ++c) {
      if (c) out += ',';
      if (const auto& v = r.value(row, c)) out += csv_field(*v);
    }
    out += "\r\n";
  }
  return out;
}

std::string render_json(const QueryResult& r) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (size_t row = 0; row < r.row_count(); ++row) {
    nlohmann::ordered_json obj = nlohmann::ordered_json::object();
    for (size_t c = 0; c < r.column_count(); ++c) {
      const auto& v = r.value(row, c);
      const std::string& type = r.column_type(c);
      auto& slot = obj[r.column_name(c)];
      if (!v)
        slot = nullptr;
      else if (type == "BOOLEAN")
        slot = (*v == "true");
      else if (type == "UBIGINT")
        slot = std::stoull(*v);
      else if (is_integer_type(type) && type != "HUGEINT")
        slot = std::stoll(*v);
      else if (type == "DOUBLE" || type == "FLOAT")
        slot = std::stod(*v);
      else
        slot = *v;
    }
    rows.push_back(std::move(obj));
  }
  return rows.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace

std::optional<ResultFormat> parse_result_format(std::string_view name) {
  if (name == "table") return ResultFormat::Table;
  if (name == "csv") return ResultFormat::Csv;
  if (name == "json") return ResultFormat::Json;
  return std::nullopt;
}

std::string format_result(const QueryResult& result, ResultFormat format) {
  switch (format) {
    case ResultFormat::Csv:
      return render_csv(result);
    case ResultFormat::Json:
      return render_json(result);
    case ResultFormat::Table:
      break;
  }
  return render_table(result);
}

}  // namespace ca
