#!/usr/bin/env bash
# Fuzzes the per-file work, whole-program resolution and the scip layer's reader with
# libFuzzer + ASan + UBSan.
#
#   bench/fuzz.sh [SECONDS] [TARGET]
#
# SECONDS: time per target (default 60). TARGET: file_job, program, scip_reader or all
# (default).
# Configures and builds build-fuzz/ with clang (CA_FUZZ=ON), generates the seed corpus
# from tests/golden/cases and ../shared/bench (or $CA_FUZZ_SEEDS_FROM), then runs each
# target in turn, one process at a time. Findings (crash-*, timeout-*, oom-*, leak-*) are
# kept in build-fuzz/findings/<target>/; the corpus grows in build-fuzz/corpus/<target>/
# and the log is build-fuzz/logs/<target>.log. A finding that is fixed goes to
# tests/fuzz/regressions/<target>/ (minimize it first: see the end of this file's output).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
which="${2:-all}"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
seeds_from="${CA_FUZZ_SEEDS_FROM:-$root/../shared/bench}"
case "$which" in
  all) targets=(file_job program scip_reader) ;;
  file_job | program | scip_reader) targets=("$which") ;;
  *) echo "unknown target $which: file_job, program, scip_reader or all" >&2; exit 1 ;;
esac

"$root/scripts/setup.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCA_FUZZ=ON \
  -DCMAKE_C_COMPILER="${CC:-clang}" -DCMAKE_CXX_COMPILER="${CXX:-clang++}" >/dev/null
cmake --build "$build" --parallel "${JOBS:-2}" --target fuzzers

seed_args=()
[ -d "$seeds_from" ] && seed_args=("$seeds_from")
rm -rf "$build/seeds"
python3 "$root/tests/fuzz/make_seeds.py" "$build/seeds" "${seed_args[@]}"

export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
mkdir -p "$build/logs"
status=0
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  findings="$build/findings/$target"
  mkdir -p "$corpus" "$findings"
  echo "== $target: ${seconds}s, log $build/logs/$target.log"
  set +e
  # -max_len: Python files are larger than libFuzzer's default, but long inputs slow every
  # run down; -timeout catches hangs (a parse or fixpoint that does not end), -rss_limit_mb
  # runaway memory. The regression inputs join the seeds so that fixed bugs stay covered.
  "$build/tests/fuzz/${target}_fuzzer" "$corpus" "$build/seeds/$target" \
    "$root/tests/fuzz/regressions/$target" \
    -dict="$root/tests/fuzz/python.dict" -max_len="${MAX_LEN:-8192}" -timeout=10 \
    -rss_limit_mb=2048 -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$findings/" >"$build/logs/$target.log" 2>&1
  rc=$?
  set -e
  grep -E '^#[0-9]+ +(DONE|pulse)|stat::number_of_executed_units|stat::peak_rss_mb' \
    "$build/logs/$target.log" | tail -n 3
  if [ "$rc" -ne 0 ]; then
    status=1
    echo "$target: finding(s) in $findings (exit $rc):"
    ls "$findings"
  fi
done
if [ "$status" -ne 0 ]; then
  echo "minimize: $build/tests/fuzz/TARGET_fuzzer -minimize_crash=1 -runs=20000 -exact_artifact_path=OUT CRASH"
  echo "then keep OUT in tests/fuzz/regressions/TARGET/ once fixed"
fi
exit "$status"
