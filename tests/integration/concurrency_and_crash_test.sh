#!/usr/bin/env bash
# Two builds into one output never interleave (the second fails at once, or waits with
# --wait); a killed build leaves the previous graph intact and the next build succeeds.
source "$(dirname "$0")/lib.sh"
src=/usr/lib/python3/dist-packages/requests
[ -d "$src" ] || { fail "$src is missing: run scripts/setup.sh"; finish; }
mkdir -p "$TMP/repo" && cp -r "$src"/. "$TMP/repo/"
"$CA" build "$TMP/repo" -o "$TMP/out" -q
before=$(q "$TMP/out" "SELECT count(*) FROM cpg_nodes")

# A second build while the first holds the lock: refused at once with a clear message.
exec 9>"$TMP/out/cpg.lock"
flock -x 9
expect_status "concurrent build refused" 2 "$CA" build "$TMP/repo" -o "$TMP/out" -q
grep -q -- "--wait" "$ERR" && pass "message suggests --wait" || fail "message: $(cat "$ERR")"
( sleep 2; flock -u 9 ) &
start=$(date +%s)
expect_status "--wait waits for the lock" 0 "$CA" build "$TMP/repo" -o "$TMP/out" -q --wait
waited=$(( $(date +%s) - start ))
[ "$waited" -ge 1 ] && pass "waited ${waited}s" || fail "did not wait (${waited}s)"
exec 9>&-
wait

# Kill builds at different moments; the published graph stays what it was.
for delay in 0.02 0.05 0.1 0.2 0.3; do
  "$CA" build "$TMP/repo" -o "$TMP/out" -q -j1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  expect_eq "graph intact after SIGKILL at ${delay}s" "$before" "$(q "$TMP/out" "SELECT count(*) FROM cpg_nodes")"
done
expect_status "next build succeeds" 0 "$CA" build "$TMP/repo" -o "$TMP/out" -q
expect_eq "no temporary files left" "" "$(ls "$TMP/out" | grep tmp || true)"
expect_eq "graph complete" "$before" "$(q "$TMP/out" "SELECT count(*) FROM cpg_nodes")"
expect_status "diag clean after recovery" 0 "$CA" diag "$TMP/out"
finish
