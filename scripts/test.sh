#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite with CTest; ends with one summary line
# "ctest: N passed, N failed, N skipped".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BUILD_DIR:-$root/build}"
"$root/scripts/build.sh"
cd "$build_dir"
log="$build_dir/Testing/ctest-output.log"
mkdir -p "$(dirname "$log")"
set +e
ctest --output-on-failure --parallel "${JOBS:-$(nproc)}" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
total=$(sed -n 's/.*tests passed, [0-9]* tests\{0,1\} failed out of \([0-9]*\).*/\1/p' "$log" | tail -n 1)
failed=$(sed -n 's/.*tests passed, \([0-9]*\) tests\{0,1\} failed out of.*/\1/p' "$log" | tail -n 1)
skipped=$(grep -c '(Skipped)$' "$log" || true)
if [ -n "$total" ]; then
  echo "ctest: $((total - failed - skipped)) passed, $failed failed, $skipped skipped"
fi
exit "$status"
