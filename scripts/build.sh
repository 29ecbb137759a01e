#!/usr/bin/env bash
# Sets up the dependencies (scripts/setup.sh) and builds everything into build/ (or $BUILD_DIR).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BUILD_DIR:-$root/build}"
"$root/scripts/setup.sh"
# RelWithDebInfo with line tables only (-g1): perf, callgrind, backtraces and sanitizer
# reports keep functions, files and lines, and the build is faster than with full -g.
cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
  ${CMAKE_ARGS:-} >/dev/null
cmake --build "$build_dir" --parallel "${JOBS:-$(nproc)}"
