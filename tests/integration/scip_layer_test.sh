#!/usr/bin/env bash
# The scip evidence layer: an index given with --scip-index (written here in protobuf text
# form and encoded with protoc) is read against the build's files; SCIP's word joins the
# evidence of nodes and edges, a contradicted REFERS_TO loses confidence and is listed in
# evidence_conflicts and by `diag --evidence`; bad indexes and failing indexers are
# reported without losing the graph; the real scip-python on python3-requests agrees with
# our definitions at >= 99% of its definitions.
source "$(dirname "$0")/lib.sh"
root="$(cd "$(dirname "$0")/../.." && pwd)"
command -v protoc >/dev/null || { fail "protoc is missing: run scripts/setup.sh"; finish; }

mkdir -p "$TMP/repo"
printf 'def f():\n    return 1\n\ndef g():\n    return 2\n\nx = f()\ny = g()\n' >"$TMP/repo/a.py"
# 0-based lines; f and g defined at column 4; x = f() reads f, y = g() is said to read f.
cat >"$TMP/index.txt" <<'PB'
metadata { project_root: "file:///repo" tool_info { name: "hand" version: "1" } }
documents {
  relative_path: "a.py"
  language: "python"
  position_encoding: UTF8CodeUnitOffsetFromLineStart
  occurrences { range: [0, 4, 5] symbol: "hand . . . a/f()." symbol_roles: 1 }
  occurrences { range: [3, 4, 5] symbol: "hand . . . a/g()." symbol_roles: 1 }
  occurrences { range: [6, 4, 5] symbol: "hand . . . a/f()." symbol_roles: 8 }
  occurrences { range: [7, 4, 5] symbol: "hand . . . a/f()." symbol_roles: 8 }
  occurrences { range: [99, 0, 1] symbol: "hand . . . a/f()." symbol_roles: 8 }
}
documents { relative_path: "elsewhere.py" language: "python" }
PB
protoc --encode=scip.Index -I "$root/proto" "$root/proto/scip.proto" <"$TMP/index.txt" >"$TMP/index.scip"
expect_status "build with --scip-index" 0 "$CA" build "$TMP/repo" -o "$TMP/out" --scip-index "$TMP/index.scip" --keep-evidence -q
expect_eq "the layer is recorded" "$(q "$TMP/out" "SELECT replace(value, ',', '+') FROM run_info WHERE key = 'layers'")" "ts+scip"
expect_eq "occurrences kept (the one past the end is not)" \
  "$(q "$TMP/out" "SELECT count(*) FROM scip_occurrences")" "4"
expect_eq "a definition's span" \
  "$(q "$TMP/out" "SELECT bstart || '-' || bend || ' ' || start_line || ':' || start_col FROM scip_occurrences WHERE is_definition AND symbol LIKE '%a/g().'")" "27-28 4:4"
expect_eq "the function SCIP defines at its name is confirmed" \
  "$(q "$TMP/out" "SELECT replace(evidence, ',', '+') FROM cpg_nodes WHERE kind = 'FUNCTION' AND name = 'f'")" "ts+scip"
expect_eq "the agreeing REFERS_TO gains scip evidence" \
  "$(q "$TMP/out" "SELECT replace(e.evidence, ',', '+') || ' ' || e.confidence FROM cpg_edges e JOIN cpg_nodes t ON t.node_id = e.dst WHERE e.kind = 'REFERS_TO' AND t.kind = 'FUNCTION' AND t.name = 'f'")" "ts+scip 1.0"
expect_eq "the contradicted REFERS_TO keeps its evidence and loses half its confidence" \
  "$(q "$TMP/out" "SELECT e.evidence || ' ' || e.confidence FROM cpg_edges e JOIN cpg_nodes t ON t.node_id = e.dst WHERE e.kind = 'REFERS_TO' AND t.kind = 'FUNCTION' AND t.name = 'g'")" "ts 0.5"
expect_eq "the contradiction is a conflict row" \
  "$(q "$TMP/out" "SELECT conflict || ' ' || layer || ' ' || start_line || ' ' || theirs FROM evidence_conflicts")" \
  "refers_to_target scip 8 hand . . . a/f()."
expect_eq "diagnostics: the unknown document and the position past the end" \
  "$(q "$TMP/out" "SELECT string_agg(code, ' ' ORDER BY code) FROM diagnostics WHERE layer = 'scip'")" \
  "scip_position_out_of_range scip_unknown_document"
if "$CA" diag "$TMP/out" --evidence >"$TMP/ev.txt" 2>"$ERR" &&
  grep -q "refers_to_target (scip): 1" "$TMP/ev.txt" && grep -q "a.py:8 " "$TMP/ev.txt"; then
  pass "diag --evidence lists the conflict with its example"
else fail "diag --evidence: $(cat "$TMP/ev.txt" "$ERR")"; fi

# Bad input: the given index must be readable and a SCIP index; a failing indexer is a
# diagnostic, not a lost graph.
expect_status "a missing index" 2 "$CA" build "$TMP/repo" -o "$TMP/bad1" --scip-index "$TMP/none.scip"
grep -q "cannot read the SCIP index $TMP/none.scip" "$ERR" && pass "missing index named" || fail "missing index: $(cat "$ERR")"
head -c 100 /dev/urandom | tr '\0' 'x' >"$TMP/garbage.scip"
printf '\xff\xff\xff\xff' >>"$TMP/garbage.scip"
expect_status "an index that is not SCIP" 2 "$CA" build "$TMP/repo" -o "$TMP/bad2" --scip-index "$TMP/garbage.scip"
grep -q "$TMP/garbage.scip" "$ERR" && pass "bad index named" || fail "bad index: $(cat "$ERR")"
[ ! -e "$TMP/bad2/cpg.duckdb" ] && pass "no graph published from a bad index" || fail "a graph was published"
expect_status "a failing indexer" 0 env CODEANATOMY_SCIP_PYTHON=/bin/false "$CA" build "$TMP/repo" -o "$TMP/fails" --layers ts,scip --keep-evidence -q
expect_eq "its diagnostic" \
  "$(q "$TMP/fails" "SELECT code || ' ' || (message LIKE '%/bin/false exited with status 1%') FROM diagnostics WHERE layer = 'scip'")" \
  "scip_indexer_failed true"
expect_eq "the rest of the graph is there" "$(q "$TMP/fails" "SELECT count(*) FROM cpg_nodes WHERE kind = 'FUNCTION'")" "2"

# The real scip-python (run by the build) on python3-requests.
src=/usr/lib/python3/dist-packages/requests
[ -d "$src" ] || { fail "$src is missing: run scripts/setup.sh"; finish; }
expect_status "build --layers ts,scip runs scip-python" 0 "$CA" build "$src" -o "$TMP/rq" --layers ts,scip --keep-evidence -q
[ -s "$TMP/rq/scip-python.scip" ] && pass "the generated index is kept" || fail "no scip-python.scip"
expect_eq "every file has a document read as UTF-16" \
  "$(q "$TMP/rq" "SELECT count(*) || ' ' || string_agg(DISTINCT position_encoding || '>' || read_as) FROM scip_documents")" \
  "$(q "$TMP/rq" "SELECT count(*) FROM repo_files") unspecified>utf16"
matched=$(q "$TMP/rq" "SELECT count(*) FILTER (WHERE conflict = 'scip_definition_unmatched') * 100 <= (SELECT count(*) FROM scip_occurrences WHERE is_definition) FROM evidence_conflicts")
expect_eq "SCIP definitions matched by span to ours: >= 99%" "$matched" "true"
expect_eq "definitions seen" "$(q "$TMP/rq" "SELECT count(*) > 1000 FROM scip_occurrences WHERE is_definition")" "true"
agree=$(q "$TMP/rq" "SELECT count(*) FILTER (WHERE NOT agrees) * 100 <= count(*) FROM ev_edge_confirmations WHERE layer = 'scip' AND kind = 'REFERS_TO'")
expect_eq "REFERS_TO contradicted by SCIP on <= 1% of the judged edges" "$agree" "true"
# Same tables at any -j: the layer, the fusion views and the conflicts.
"$CA" build "$src" -o "$TMP/rq1" -j1 --scip-index "$TMP/rq/scip-python.scip" --keep-evidence -q
for t in scip_documents scip_occurrences scip_symbols scip_relationships ev_scip_refs evidence_conflicts cpg_edges; do
  "$CA" query "$TMP/rq" "SELECT * FROM $t" --format csv >"$TMP/a.csv"
  "$CA" query "$TMP/rq1" "SELECT * FROM $t" --format csv >"$TMP/b.csv"
  if cmp -s "$TMP/a.csv" "$TMP/b.csv"; then pass "$t identical at -j1 and -j2"; else fail "$t differs between -j1 and -j2"; fi
done
finish
