#!/usr/bin/env bash
# Regenerates docs/schema.md with ca_schema_doc (tools/schema_doc/): the node and edge kinds
# from src/core/kinds.hpp, every table and column from a real build. Builds the generator in
# build/ (or $BUILD_DIR) first; run scripts/setup.sh once before on a fresh machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BUILD_DIR:-$root/build}"
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" >/dev/null
fi
cmake --build "$build_dir" --target ca_schema_doc --parallel "${JOBS:-$(nproc)}"
"$build_dir/tools/ca_schema_doc" --output "$root/docs/schema.md"
echo "wrote $root/docs/schema.md"
