#!/usr/bin/env bash
# The executable runs on jemalloc with the settings src/alloc/jemalloc_config.cpp compiles
# in (the ones the build's speed and peak memory were measured with): jemalloc reports its
# options when MALLOC_CONF asks it to print its statistics at exit.
source "$(dirname "$0")/lib.sh"

MALLOC_CONF=stats_print:true "$CA" --version >"$OUT" 2>&1
grep -q "jemalloc statistics" "$OUT" && pass "jemalloc is the allocator" \
  || fail "no jemalloc statistics: $(head -c 300 "$OUT")"
for setting in "opt.background_thread: true" "opt.dirty_decay_ms: 100" "opt.muzzy_decay_ms: 0"; do
  grep -q "^ *$setting " "$OUT" && pass "$setting" || fail "not set: $setting"
done
finish
