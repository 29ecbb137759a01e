#!/usr/bin/env bash
# `codeanatomy query` opens the graph read-only, without access to other files, and
# refuses anything but a reading statement.
source "$(dirname "$0")/lib.sh"
mkdir -p "$TMP/repo" && printf 'x = 1\n' >"$TMP/repo/m.py"
"$CA" build "$TMP/repo" -o "$TMP/out" -q
before="$(sha256sum "$TMP/out/cpg.duckdb")"
expect_status "SELECT works" 0 "$CA" query "$TMP/out" "SELECT count(*) FROM cpg_nodes"
for sql in "DELETE FROM cpg_nodes" "DROP TABLE cpg_nodes" "CREATE TABLE t AS SELECT 1" \
           "INSERT INTO cpg_props VALUES (1, 'a', 'b')" "UPDATE cpg_nodes SET name = 'x'" \
           "ATTACH '$TMP/other.duckdb' AS o" "COPY cpg_nodes TO '$TMP/leak.csv'" \
           "INSTALL httpfs" "LOAD httpfs" "SET threads = 1" "PRAGMA threads = 1" "CHECKPOINT" "EXPORT DATABASE '$TMP/exp'" \
           "SELECT 1; DROP TABLE cpg_nodes"; do
  expect_status "refused: $sql" 1 "$CA" query "$TMP/out" "$sql"
  if ! grep -qi "refused\|read-only\|permission\|disabled\|cannot" "$ERR"; then fail "no clear message for: $sql: $(cat "$ERR")"; fi
done
expect_status "reading other files refused" 1 "$CA" query "$TMP/out" "SELECT * FROM read_csv('/etc/passwd')"
expect_status "reading parquet files refused" 1 "$CA" query "$TMP/out" "SELECT * FROM '$TMP/x.parquet'"
expect_eq "no file written by COPY or EXPORT" "no" "$([ -e "$TMP/leak.csv" ] || [ -e "$TMP/exp" ] && echo yes || echo no)"
expect_eq "database unchanged" "$before" "$(sha256sum "$TMP/out/cpg.duckdb")"
finish
