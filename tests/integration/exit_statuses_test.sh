#!/usr/bin/env bash
# Exit statuses of DESIGN.md §4: 0 success, 1 usage error, 2 no graph.
source "$(dirname "$0")/lib.sh"
mkdir -p "$TMP/repo" && printf 'x = 1\n' >"$TMP/repo/m.py"
expect_status "--version" 0 "$CA" --version
grep -q "codeanatomy" "$OUT" && pass "--version prints the name" || fail "--version output: $(cat "$OUT")"
expect_status "--help" 0 "$CA" --help
expect_status "build --help" 0 "$CA" build --help
for opt in --output --jobs --max-file-size --parse-timeout-ms --json --quiet --verbose; do
  grep -q -- "$opt" "$OUT" && pass "build --help documents $opt" || fail "build --help lacks $opt"
done
expect_status "query --help" 0 "$CA" query --help
grep -q -- "--format" "$OUT" && pass "query --help documents --format" || fail "query --help lacks --format"
expect_status "no subcommand" 1 "$CA"
expect_status "unknown flag" 1 "$CA" build "$TMP/repo" --no-such-flag
expect_status "bad -j" 1 "$CA" build "$TMP/repo" -j -3
expect_status "bad --format" 1 "$CA" query "$TMP/repo" "SELECT 1" --format xml
expect_status "missing repository" 2 "$CA" build "$TMP/does-not-exist" -o "$TMP/out1"
grep -q "does-not-exist" "$ERR" && pass "error names the missing repository" || fail "error text: $(cat "$ERR")"
touch "$TMP/blocker"
expect_status "unusable output directory" 2 "$CA" build "$TMP/repo" -o "$TMP/blocker/sub"
expect_status "query without a graph" 2 "$CA" query "$TMP/nothing" "SELECT 1"
expect_status "build succeeds" 0 "$CA" build "$TMP/repo" -o "$TMP/out2" --json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["files"] == 1 and d["table_rows"]["cpg_nodes"] > 0' "$OUT" \
  && pass "--json summary" || fail "--json summary: $(cat "$OUT")"
expect_status "bad SQL is a usage error" 1 "$CA" query "$TMP/out2" "SELEC nonsense"
finish
