#!/usr/bin/env bash
# Runs every query of docs/cookbook.md on the fixture package tests/fixtures/cookbook/ and
# compares its CSV output with tests/fixtures/cookbook/expected/<id>.csv. The expected files
# are written by hand from the fixture's source, never copied from the tool's output: a
# difference is either a wrong query or a wrong graph. Fails also when a ```sql block of the
# document has no id, a query has no expected file (or an expected file no query), or the
# result the document shows under a query differs from the expected file.
source "$(dirname "$0")/lib.sh"
root="$(cd "$(dirname "$0")/../.." && pwd)"
doc="$root/docs/cookbook.md"
fixture="$root/tests/fixtures/cookbook"
expected_dir="$fixture/expected"

"$CA" build "$fixture" -o "$TMP/out" -j2 -q
expect_eq "fixture builds without diagnostics" "0" \
  "$(q "$TMP/out" "SELECT count(*) FROM diagnostics")"

if python3 "$(dirname "$0")/cookbook_queries.py" "$doc" "$TMP/queries"; then
  pass "every sql block of docs/cookbook.md has a query id"
else
  fail "docs/cookbook.md: queries without ids (see above)"
fi

shopt -s nullglob
queries=("$TMP"/queries/*.sql)
expect_eq "docs/cookbook.md has queries" "yes" "$([ ${#queries[@]} -ge 10 ] && echo yes || echo no)"
for sql in "${queries[@]}"; do
  id="$(basename "$sql" .sql)"
  expected="$expected_dir/$id.csv"
  if [ ! -f "$expected" ]; then
    fail "$id: no expected result $expected (write it by hand from the fixture's source)"
    continue
  fi
  set +e
  "$CA" query "$TMP/out" "$(cat "$sql")" --format csv >"$TMP/$id.raw" 2>"$ERR"
  status=$?
  set -e
  if [ "$status" != 0 ]; then
    fail "$id: query failed (exit $status): $(head -c 500 "$ERR")"
    continue
  fi
  tr -d '\r' <"$TMP/$id.raw" >"$TMP/$id.csv"
  if diff -u "$expected" "$TMP/$id.csv" >"$TMP/$id.diff"; then
    pass "$id"
  else
    fail "$id: result differs from $expected (- expected, + got):
$(cat "$TMP/$id.diff")"
  fi
  if [ -f "$TMP/queries/$id.shown" ]; then
    if diff -u "$expected" "$TMP/queries/$id.shown" >"$TMP/$id.shown.diff"; then
      pass "$id: the result shown in docs/cookbook.md is the expected one"
    else
      fail "$id: the result shown in docs/cookbook.md differs from $expected:
$(cat "$TMP/$id.shown.diff")"
    fi
  fi
done
for expected in "$expected_dir"/*.csv; do
  id="$(basename "$expected" .csv)"
  [ -f "$TMP/queries/$id.sql" ] || fail "$expected: no query with id $id in docs/cookbook.md"
done
finish
