#!/usr/bin/env bash
# Rebuilds: a build whose inputs (program, options, every file's path, module and content)
# equal the published graph's keeps that graph and records a run of cache hits; any change
# (an edit, a new or deleted file, an option) rebuilds, taking unchanged files' facts from
# the extraction cache, and the result equals a fresh build of the same tree (also when the
# cache is damaged); --full always rebuilds, extracting every file; `plan` says which will
# happen and why.
source "$(dirname "$0")/lib.sh"

src=/usr/lib/python3/dist-packages/requests
[ -d "$src" ] || { fail "$src is missing: run scripts/setup.sh"; finish; }
cp -r "$src" "$TMP/repo"
tables="cpg_nodes cpg_edges cpg_props repo_files repo_packages diagnostics evidence_conflicts"
# same_tables A B: the graph tables of two outputs are identical, row for row
same_tables() {
  local t
  for t in $tables; do
    "$CA" query "$1" "SELECT * FROM $t" --format csv >"$TMP/a.csv" || { echo "no $t in $1"; return 1; }
    "$CA" query "$2" "SELECT * FROM $t" --format csv >"$TMP/b.csv" || { echo "no $t in $2"; return 1; }
    cmp -s "$TMP/a.csv" "$TMP/b.csv" || { echo "$t differs"; return 1; }
  done
}

"$CA" build "$TMP/repo" -o "$TMP/out" -q
run1=$(q "$TMP/out" "SELECT value FROM run_info WHERE key = 'run_id'")
cp "$TMP/out/cpg.duckdb" "$TMP/first.duckdb"
expect_status "a second build over nothing changed" 0 "$CA" build "$TMP/repo" -o "$TMP/out"
grep -q "^kept $TMP/out/cpg.duckdb in .*nothing changed" "$OUT" && pass "it says the graph was kept" \
  || fail "summary: $(cat "$OUT")"
expect_eq "every task but scan a cache hit" \
  "$(q "$TMP/out" "SELECT count(*) FILTER (WHERE cache_hit = (task <> 'scan')) = count(*) AND count(*) > 40 FROM run_tasks")" "true"
expect_eq "a new run id" "$(q "$TMP/out" "SELECT value <> '$run1' FROM run_info WHERE key = 'run_id'")" "true"
same_tables "$TMP/first.duckdb" "$TMP/out" && pass "the kept graph is the first build's" || fail "kept graph differs"
expect_status "diag on the kept graph" 0 "$CA" diag "$TMP/out"

touch "$TMP/repo/api.py"
"$CA" build "$TMP/repo" -o "$TMP/out" >"$OUT"
grep -q "^kept" "$OUT" && pass "a new modification time alone changes nothing" || fail "touch rebuilt: $(cat "$OUT")"
expect_status "plan over an unchanged repository" 0 "$CA" plan "$TMP/out"
grep -q "skip: inputs unchanged" "$OUT" && pass "plan: nothing reruns" || fail "plan: $(tail -3 "$OUT")"

# Edits that move imports, class bases and call targets in other files.
cat >>"$TMP/repo/api.py" <<'PY'


def fetch_twice(url):
    return get(url), head(url)
PY
sed -i 's/^class HTTPError(RequestException):/class HTTPError(ConnectionError):/' "$TMP/repo/exceptions.py"
printf '\nfrom .api import fetch_twice\n' >>"$TMP/repo/help.py"
expect_status "plan after the edits" 0 "$CA" plan "$TMP/out"
grep -q "rerun: 3 files changed: api.py, exceptions.py, help.py" "$OUT" && pass "plan names the changed files" \
  || fail "plan: $(tail -3 "$OUT")"
nfiles=$(q "$TMP/out" "SELECT count(*) FROM repo_files")
grep -q "; $((nfiles - 3)) of $nfiles files' facts from the extraction cache (1 tasks): extract_ts" "$OUT" \
  && pass "plan says extraction takes the other files' facts from the cache" || fail "plan: $(tail -3 "$OUT")"
"$CA" build "$TMP/repo" -o "$TMP/out" >"$OUT"
grep -q "^built" "$OUT" && pass "an edit rebuilds" || fail "edit kept: $(cat "$OUT")"
grep -q "; $((nfiles - 3)) from the extraction cache" "$OUT" \
  && pass "the other files' facts come from the extraction cache" || fail "summary: $(cat "$OUT")"
expect_eq "no cache hit after an edit" "$(q "$TMP/out" "SELECT count(*) FILTER (WHERE cache_hit) FROM run_tasks")" "0"
"$CA" build "$TMP/repo" -o "$TMP/fresh" -q
same_tables "$TMP/fresh" "$TMP/out" && pass "the rebuilt graph equals a fresh build of the same tree" || fail "rebuilt graph differs"
expect_eq "the edit is in the graph: the new call edge" \
  "$(q "$TMP/out" "SELECT count(*) FROM cpg_edges e JOIN cpg_nodes s ON s.node_id = e.src JOIN cpg_nodes d ON d.node_id = e.dst WHERE e.kind = 'CALLS_FUNCTION' AND s.name = 'fetch_twice' AND d.qualname IN ('repo.api.get', 'repo.api.head')")" "2"
expect_eq "the edit is in the graph: the new base" \
  "$(q "$TMP/out" "SELECT string_agg(d.qualname, ',') FROM cpg_edges e JOIN cpg_nodes s ON s.node_id = e.src JOIN cpg_nodes d ON d.node_id = e.dst WHERE e.kind = 'INHERITS' AND s.qualname = 'repo.exceptions.HTTPError'")" \
  "repo.exceptions.ConnectionError"

rm "$TMP/repo/status_codes.py"
"$CA" build "$TMP/repo" -o "$TMP/out" >"$OUT"
grep -q "^built" "$OUT" && pass "a deleted file rebuilds" || fail "delete kept: $(cat "$OUT")"
expect_eq "its rows are gone" "$(q "$TMP/out" "SELECT count(*) FROM cpg_nodes WHERE path = 'status_codes.py'")" "0"
"$CA" build "$TMP/repo" -o "$TMP/fresh2" -q
same_tables "$TMP/fresh2" "$TMP/out" && pass "equal to a fresh build after the deletion" || fail "differs after deletion"

# A damaged extraction cache: the damaged entry's file is extracted anew, with a warning;
# a truncated cache is not used at all. Either way the graph is a fresh build's.
size=$(stat -c %s "$TMP/out/extract.cache")
printf 'XXXX' | dd of="$TMP/out/extract.cache" bs=1 seek=$((size - 8)) conv=notrunc 2>/dev/null
printf '\n# edited\n' >>"$TMP/repo/api.py"
"$CA" build "$TMP/repo" -o "$TMP/out" >"$OUT" 2>"$TMP/err"
grep -q "extract.cache: 1 damaged entry; extracted those files anew" "$TMP/err" \
  && pass "a damaged cache entry is named and its file extracted" || fail "stderr: $(cat "$TMP/err")"
"$CA" build "$TMP/repo" -o "$TMP/fresh3" -q
same_tables "$TMP/fresh3" "$TMP/out" && pass "equal to a fresh build despite the damaged entry" \
  || fail "differs after a damaged entry"
truncate -s -5 "$TMP/out/extract.cache"
printf '\n# edited again\n' >>"$TMP/repo/api.py"
"$CA" build "$TMP/repo" -o "$TMP/out" >"$OUT" 2>"$TMP/err"
grep -q "extract.cache is truncated or damaged; extracting every file anew" "$TMP/err" \
  && pass "a truncated cache is named and not used" || fail "stderr: $(cat "$TMP/err")"
grep -q "from the extraction cache" "$OUT" && fail "truncated cache used: $(cat "$OUT")" \
  || pass "no file taken from the truncated cache"
"$CA" build "$TMP/repo" -o "$TMP/fresh4" -q
same_tables "$TMP/fresh4" "$TMP/out" && pass "equal to a fresh build after a truncated cache" \
  || fail "differs after a truncated cache"

"$CA" build "$TMP/repo" -o "$TMP/out" --full >"$OUT"
grep -q "^built" "$OUT" && pass "--full rebuilds" || fail "--full kept: $(cat "$OUT")"
grep -q "from the extraction cache" "$OUT" && fail "--full used the cache: $(cat "$OUT")" \
  || pass "--full extracts every file"
"$CA" build "$TMP/repo" -o "$TMP/out" --exclude help.py >"$OUT"
grep -q "^built" "$OUT" && pass "another option rebuilds" || fail "option change kept: $(cat "$OUT")"
"$CA" build "$TMP/repo" -o "$TMP/out" --exclude help.py -j1 >"$OUT"
grep -q "^kept" "$OUT" && pass "another -j keeps the graph (same at any -j)" || fail "-j rebuilt: $(cat "$OUT")"
"$CA" build "$TMP/repo" -o "$TMP/out" --exclude help.py --keep-evidence >"$OUT"
grep -q "^built" "$OUT" && pass "--keep-evidence rebuilds a graph without them" || fail "--keep-evidence kept: $(cat "$OUT")"
expect_eq "and the evidence tables are there" "$(q "$TMP/out" "SELECT count(*) > 0 FROM res_calls")" "true"
expect_status "plan with --keep-evidence" 0 "$CA" plan "$TMP/out" --exclude help.py --keep-evidence
grep -q "skip: inputs unchanged" "$OUT" && pass "plan: the same options keep it" || fail "plan: $(tail -3 "$OUT")"
CODEANATOMY_KEEP_EVIDENCE=false expect_status "plan without" 0 "$CA" plan "$TMP/out" --exclude help.py
grep -q "rerun: the options changed" "$OUT" && pass "plan: leaving it out reruns" || fail "plan: $(tail -3 "$OUT")"
"$CA" build "$TMP/repo" -o "$TMP/out" --exclude help.py >"$OUT"
grep -q "^built" "$OUT" && pass "leaving --keep-evidence out rebuilds" || fail "evidence kept: $(cat "$OUT")"
cp -r "$TMP/repo" "$TMP/moved"
"$CA" build "$TMP/moved" -o "$TMP/out" --exclude help.py >"$OUT"
grep -q "^built" "$OUT" && pass "the same files elsewhere rebuild (the graph records its repository)" \
  || fail "moved repository kept: $(cat "$OUT")"
expect_eq "repo_root follows" "$(q "$TMP/out" "SELECT value FROM run_info WHERE key = 'repo_root'")" "$(cd "$TMP/moved" && pwd -P)"
finish
