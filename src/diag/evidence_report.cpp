// The agreement report of the evidence layers; see evidence_report.hpp.
#include "diag/evidence_report.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "store/duckdb_api.hpp"
#include "store/read_query.hpp"

namespace ca {
namespace {

int64_t to_int(const std::optional<std::string>& v) {
  return v ? std::stoll(*v) : 0;
}

/// Rates from a query returning (subject, layer, total, confirmed, contradicted).
std::vector<EvidenceRate> rates(Connection& con, std::string_view sql) {
  std::vector<EvidenceRate> out;
  QueryResult r = con.query(sql);
  for (size_t i = 0; i < r.row_count(); ++i)
    out.push_back({r.value(i, 0).value_or(""), r.value(i, 1).value_or(""), to_int(r.value(i, 2)),
                   to_int(r.value(i, 3)), to_int(r.value(i, 4))});
  return out;
}

// Layers other than the one a fact comes from; `layers` holds the ones the build ran.
constexpr std::string_view kNodeRates = R"(
  WITH layers AS (SELECT unnest(string_split(value, ',')) AS layer FROM run_info
                  WHERE key = 'layers'),
  judged AS (SELECT node_id, layer FROM ev_node_confirmations)
  SELECT n.kind, l.layer, count(*) AS total, count(j.node_id) AS confirmed, 0
  FROM cpg_nodes n CROSS JOIN layers l
  LEFT JOIN judged j ON j.node_id = n.node_id AND j.layer = l.layer
  WHERE l.layer <> 'ts' AND n.kind NOT IN ('FILE', 'PACKAGE', 'EXTERNAL', 'DIAGNOSTIC')
  GROUP BY ALL HAVING count(j.node_id) > 0 ORDER BY 1, 2)";

constexpr std::string_view kEdgeRates = R"(
  WITH layers AS (SELECT unnest(string_split(value, ',')) AS layer FROM run_info
                  WHERE key = 'layers'),
  judged AS (SELECT kind, src, dst, layer, bool_or(agrees) AS agrees,
                    bool_or(NOT agrees) AS disagrees
             FROM ev_edge_confirmations GROUP BY ALL)
  SELECT e.kind, l.layer, count(*) AS total, count(*) FILTER (WHERE j.agrees),
         count(*) FILTER (WHERE j.disagrees)
  FROM cpg_edges e CROSS JOIN layers l
  LEFT JOIN judged j ON j.kind = e.kind AND j.src = e.src AND j.dst = e.dst AND j.layer = l.layer
  WHERE l.layer <> 'ts'
    AND (e.kind, l.layer) IN (SELECT DISTINCT kind, layer FROM ev_edge_confirmations)
  GROUP BY ALL ORDER BY 1, 2)";

// Symtable: every name a matched scope binds or declares on either side.
constexpr std::string_view kScopeComparison = R"(
  SELECT 'scope classification (' || s.kind || ' scopes)', 'cpython', count(*),
         count(*) FILTER (WHERE v.ours IS NOT DISTINCT FROM v.theirs),
         count(*) FILTER (WHERE v.ours IS DISTINCT FROM v.theirs)
  FROM ev_scope_symbols v JOIN ts_scopes s ON s.scope_id = v.scope_id
  GROUP BY ALL ORDER BY 1)";

// SCIP: reference sites where SCIP names a definition of ours, by how we resolved them.
constexpr std::string_view kReferenceComparison = R"(
  WITH scip AS (SELECT ref_id FROM ev_scip_refs GROUP BY ref_id
                HAVING count(target_id) > 0),
  ours AS (SELECT e.src AS ref_id, e.resolution,
                  bool_or(list_contains(string_split(e.evidence, ','), 'scip')) AS agreed
           FROM cpg_edges e WHERE e.kind = 'REFERS_TO' GROUP BY ALL)
  SELECT 'REFERS_TO target (' || coalesce(o.resolution, 'unresolved by us') || ')', 'scip',
         count(*), count(*) FILTER (WHERE o.agreed), count(*) FILTER (WHERE NOT o.agreed)
  FROM scip s LEFT JOIN ours o ON o.ref_id = s.ref_id
  GROUP BY ALL ORDER BY 1)";

}  // namespace

EvidenceReport evidence_report(const std::filesystem::path& db_path) {
  Database db(db_path, graph_reader_options());
  Connection con(db);
  EvidenceReport report;
  require_evidence_tables(con, db_path,
                          {"ev_node_confirmations", "ev_edge_confirmations", "ev_scope_symbols",
                           "ev_scip_refs", "ts_scopes"},
                          "diag --evidence");
  QueryResult layers = con.query("SELECT value FROM run_info WHERE key = 'layers'");
  if (layers.row_count() > 0 && layers.value(0, 0)) {
    std::string list = *layers.value(0, 0);
    for (size_t start = 0; start <= list.size();) {
      size_t comma = list.find(',', start);
      if (comma == std::string::npos) comma = list.size();
      if (comma > start) report.layers.push_back(list.substr(start, comma - start));
      start = comma + 1;
    }
  }
  report.nodes = rates(con, kNodeRates);
  report.edges = rates(con, kEdgeRates);
  report.comparisons = rates(con, kScopeComparison);
  for (auto& r : rates(con, kReferenceComparison)) report.comparisons.push_back(std::move(r));
  QueryResult classes = con.query(
      "SELECT conflict, layer, count(*) FROM evidence_conflicts GROUP BY ALL ORDER BY 3 DESC, "
      "1, 2");
  for (size_t i = 0; i < classes.row_count(); ++i) {
    EvidenceConflictClass c{
        *classes.value(i, 0), *classes.value(i, 1), to_int(classes.value(i, 2)), {}};
    QueryResult examples = con.query(fmt::format(
        "SELECT path || ':' || start_line || '  ours: ' || ours || '  theirs: ' || theirs || "
        "coalesce('  (' || detail || ')', '') FROM evidence_conflicts "
        "WHERE conflict = {} AND layer = {} ORDER BY path, bstart LIMIT 3",
        sql_quote(c.conflict), sql_quote(c.layer)));
    for (size_t j = 0; j < examples.row_count(); ++j) c.examples.push_back(*examples.value(j, 0));
    report.conflicts.push_back(std::move(c));
  }
  return report;
}

std::string format_evidence_report(const EvidenceReport& report) {
  std::string out = fmt::format("layers: {}\n", fmt::join(report.layers, ","));
  auto pct = [](int64_t part, int64_t total) {
    return total == 0 ? std::string("-") : fmt::format("{:.2f}%", 100.0 * part / total);
  };
  auto section = [&](std::string_view title, const std::vector<EvidenceRate>& rows) {
    if (rows.empty()) return;
    out += fmt::format("\n{}\n", title);
    out += fmt::format("  {:<44} {:<8} {:>9} {:>10} {:>9} {:>10} {:>9}\n", "kind", "layer", "total",
                       "confirmed", "", "contradicts", "");
    for (const auto& r : rows)
      out += fmt::format("  {:<44} {:<8} {:>9} {:>10} {:>9} {:>10} {:>9}\n", r.subject, r.layer,
                         r.total, r.confirmed, pct(r.confirmed, r.total), r.contradicted,
                         pct(r.contradicted, r.total));
  };
  if (report.layers.size() <= 1)
    out += "only the ts layer ran: build with --layers ts,cpython or ts,scip to compare\n";
  section("nodes seen by another layer at the same place (kinds a layer never saw left out)",
          report.nodes);
  section("edges another layer confirms or contradicts", report.edges);
  section("site-by-site agreement", report.comparisons);
  if (!report.conflicts.empty()) out += "\nconflicts (table evidence_conflicts)\n";
  for (const auto& c : report.conflicts) {
    out += fmt::format("  {} ({}): {}\n", c.conflict, c.layer, c.count);
    for (const auto& e : c.examples) out += fmt::format("    {}\n", e);
  }
  if (report.conflicts.empty() && report.layers.size() > 1) out += "\nno conflicts\n";
  return out;
}

}  // namespace ca
