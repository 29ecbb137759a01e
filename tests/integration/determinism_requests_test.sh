#!/usr/bin/env bash
# The same input gives the same tables at any thread count: Debian's python3-requests
# built with -j1 and -j4, every table compared (run_tasks and run_info, which record timings and paths, aside).
source "$(dirname "$0")/lib.sh"
src=/usr/lib/python3/dist-packages/requests
[ -d "$src" ] || { fail "$src is missing: run scripts/setup.sh (it installs python3-requests)"; finish; }
"$CA" build "$src" -o "$TMP/j1" -j1 -q
"$CA" build "$src" -o "$TMP/j4" -j4 -q
tables=$(q "$TMP/j1" "SELECT string_agg(table_name, ' ' ORDER BY table_name) FROM information_schema.tables WHERE table_name NOT LIKE 'run\_%' ESCAPE '\'")
expect_eq "same tables" "$tables" "$(q "$TMP/j4" "SELECT string_agg(table_name, ' ' ORDER BY table_name) FROM information_schema.tables WHERE table_name NOT LIKE 'run\_%' ESCAPE '\'")"
for t in $tables; do
  "$CA" query "$TMP/j1" "SELECT * FROM $t" --format csv >"$TMP/a.csv"
  "$CA" query "$TMP/j4" "SELECT * FROM $t" --format csv >"$TMP/b.csv"
  if cmp -s "$TMP/a.csv" "$TMP/b.csv"; then pass "$t identical ($(($(wc -l <"$TMP/a.csv") - 1)) rows, same order)"
  else fail "$t differs between -j1 and -j4"; fi
done
finish
