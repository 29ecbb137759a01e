// Which tables a build keeps in the graph file; see table_placement.hpp.
#include "pipeline/table_placement.hpp"

#include <array>

namespace ca {

bool is_evidence_table(std::string_view table) {
  static constexpr std::array<std::string_view, 6> kPrefixes = {"ts_",  "py_", "scip_",
                                                                "res_", "ev_", "sem_"};
  for (std::string_view prefix : kPrefixes)
    if (table.starts_with(prefix)) return true;
  return false;
}

std::string_view TablePlacement::memory_catalog() const {
  return keep_evidence ? std::string_view{} : kBuildMemoryCatalog;
}

std::string_view TablePlacement::catalog(std::string_view table) const {
  return is_evidence_table(table) ? memory_catalog() : std::string_view{};
}

std::string TablePlacement::create_name(std::string_view table) const {
  const std::string_view in = catalog(table);
  return in.empty() ? std::string(table) : std::string(in) + ".main." + std::string(table);
}

}  // namespace ca
