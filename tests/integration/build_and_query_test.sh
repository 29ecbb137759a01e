#!/usr/bin/env bash
# Builds a small package and checks the published graph through `codeanatomy query`.
source "$(dirname "$0")/lib.sh"
repo="$TMP/repo"
mkdir -p "$repo/pkg/sub" "$repo/.git"
printf '__pycache__/\nignored_*.py\n' >"$repo/.gitignore"
cat >"$repo/pkg/__init__.py" <<'PY'
"""The package."""
PY
cat >"$repo/pkg/core.py" <<'PY'
import os
from . import sub


def helper(x, *args, key=1, **kw):
    return x


class Base:
    def run(self):
        return helper(1)


def main():
    value = helper(2)
    return value
PY
printf 'def leaf():\n    pass\n' >"$repo/pkg/sub/leaf.py"
printf 'print("ignored")\n' >"$repo/pkg/ignored_one.py"

"$CA" build "$repo" -o "$TMP/out" -j2 >"$TMP/build.txt"
expect_eq "published database" "yes" "$([ -f "$TMP/out/cpg.duckdb" ] && echo yes || echo no)"
expect_eq "no temporary file left" "" "$(ls "$TMP/out" | grep tmp || true)"
expect_eq "files scanned (.gitignore honoured)" "pkg/__init__.py pkg/core.py pkg/sub/leaf.py" \
  "$(q "$TMP/out" "SELECT string_agg(path, ' ' ORDER BY path) FROM repo_files")"
expect_eq "module names" "pkg pkg.core pkg.sub.leaf" \
  "$(q "$TMP/out" "SELECT string_agg(module, ' ' ORDER BY module) FROM repo_files")"
expect_eq "function qualnames" "pkg.core.Base.run pkg.core.helper pkg.core.main pkg.sub.leaf.leaf" \
  "$(q "$TMP/out" "SELECT string_agg(qualname, ' ' ORDER BY qualname) FROM cpg_nodes WHERE kind = 'FUNCTION'")"
expect_eq "parameters of helper" "x:positional_or_keyword args:var_positional key:keyword_only kw:var_keyword" \
  "$(q "$TMP/out" "SELECT string_agg(p.name || ':' || k.value, ' ' ORDER BY e.bstart)
      FROM cpg_edges e JOIN cpg_nodes f ON f.node_id = e.src JOIN cpg_nodes p ON p.node_id = e.dst
      JOIN cpg_props k ON k.node_id = p.node_id AND k.key = 'param_kind'
      WHERE e.kind = 'HAS_PARAMETER' AND f.qualname = 'pkg.core.helper'")"
expect_eq "helper(2) in main refers to def helper (line 5)" "5" \
  "$(q "$TMP/out" "SELECT string_agg(DISTINCT d.start_line::VARCHAR, ',') FROM cpg_edges e
      JOIN cpg_nodes r ON r.node_id = e.src JOIN cpg_nodes d ON d.node_id = e.dst
      WHERE e.kind = 'REFERS_TO' AND r.name = 'helper' AND r.start_line = 15")"
expect_eq "value refers to its assignment" "15" \
  "$(q "$TMP/out" "SELECT d.start_line FROM cpg_edges e JOIN cpg_nodes r ON r.node_id = e.src
      JOIN cpg_nodes d ON d.node_id = e.dst WHERE e.kind = 'REFERS_TO' AND r.name = 'value'")"
expect_eq "every edge endpoint is a node" "0" \
  "$(q "$TMP/out" "SELECT count(*) FROM cpg_edges e WHERE e.src NOT IN (SELECT node_id FROM cpg_nodes)
      OR e.dst NOT IN (SELECT node_id FROM cpg_nodes)")"
expect_eq "node ids unique" "0" \
  "$(q "$TMP/out" "SELECT count(*) - count(DISTINCT node_id) FROM cpg_nodes")"
expect_eq "every kind known" "0" \
  "$(q "$TMP/out" "SELECT count(*) FROM cpg_nodes WHERE kind NOT IN (SELECT kind FROM cpg_node_kinds)")"
expect_eq "one run_tasks row per view" "yes" \
  "$(q "$TMP/out" "SELECT CASE WHEN count(*) >= 3 THEN 'yes' ELSE 'no' END FROM run_tasks WHERE kind = 'view'")"
"$CA" query "$TMP/out" "SELECT kind, count(*) AS n FROM cpg_nodes GROUP BY 1 ORDER BY 1" --format json >"$TMP/kinds.json"
expect_eq "json output parses" "ok" "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("ok" if all(isinstance(r["n"], int) for r in d) else "bad")' "$TMP/kinds.json")"
# The evidence tables stay in memory unless the build keeps them; the graph is the same.
expect_eq "the file holds the graph, the scan, the diagnostics and the run log" \
  "cpg_edge_kinds cpg_edges cpg_node_kinds cpg_nodes cpg_props diagnostics evidence_conflicts repo_files repo_packages run_info run_tasks" \
  "$(q "$TMP/out" "SELECT string_agg(table_name, ' ' ORDER BY table_name) FROM duckdb_tables()")"
expect_status "a query of an evidence table" 1 "$CA" query "$TMP/out" "SELECT count(*) FROM ts_defs"
grep -q "hint: ts_defs is an evidence table; .*--keep-evidence" "$ERR" && pass "it names --keep-evidence" \
  || fail "no hint: $(cat "$ERR")"
"$CA" build "$repo" -o "$TMP/kept" -q --keep-evidence
expect_eq "--keep-evidence keeps them" "true" \
  "$(q "$TMP/kept" "SELECT count(*) >= 20 FROM duckdb_tables() WHERE table_name LIKE 'ts\_%' ESCAPE '\' OR table_name LIKE 'res\_%' ESCAPE '\'")"
for t in cpg_nodes cpg_edges cpg_props repo_files diagnostics evidence_conflicts; do
  "$CA" query "$TMP/out" "SELECT * FROM $t" --format csv >"$TMP/a.csv"
  "$CA" query "$TMP/kept" "SELECT * FROM $t" --format csv >"$TMP/b.csv"
  if [ -s "$TMP/a.csv" ] && cmp -s "$TMP/a.csv" "$TMP/b.csv"; then pass "$t the same with --keep-evidence"
  else fail "$t differs with --keep-evidence"; fi
done
"$CA" build "$repo" -j1 -q
expect_eq "default output REPO/.codeanatomy" "yes" "$([ -f "$repo/.codeanatomy/cpg.duckdb" ] && echo yes || echo no)"
expect_eq "query finds REPO/.codeanatomy" "3" "$(q "$repo" "SELECT count(*) FROM repo_files")"
finish
