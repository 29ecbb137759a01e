#!/usr/bin/env bash
# `codeanatomy diag` passes on the graphs the tool builds and names each violation it finds
# in a damaged copy.
source "$(dirname "$0")/lib.sh"
for src in /usr/lib/python3/dist-packages/requests; do
  "$CA" build "$src" -o "$TMP/good" -q
  expect_status "diag clean on $(basename "$src")" 0 "$CA" diag "$TMP/good"
done
mkdir -p "$TMP/bad" && printf 'def f(:\n  pass\nx = "\xe9"\n' >"$TMP/bad/m.py" && printf 'a = 1\r\nb = a\r\n' >"$TMP/bad/crlf.py"
"$CA" build "$TMP/bad" -o "$TMP/badout" -q
expect_status "diag clean on bad inputs" 0 "$CA" diag "$TMP/badout"
# (tests/unit/diag damages graphs and checks that each violation is named)
cp "$TMP/good/cpg.duckdb" "$TMP/copy.duckdb"
expect_status "diag on a database file path" 0 "$CA" diag "$TMP/copy.duckdb"
expect_status "diag without a graph" 2 "$CA" diag "$TMP/nothing"
finish
