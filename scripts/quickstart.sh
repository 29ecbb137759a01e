#!/usr/bin/env bash
# Quick start: sets up, builds, indexes Debian's python3-requests package and runs one
# example query on the graph.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${BUILD_DIR:-$root/build}"
"$root/scripts/build.sh"
repo="${1:-/usr/lib/python3/dist-packages/requests}"
out="${2:-$root/out/requests}"
bin="$build_dir/src/codeanatomy"
"$bin" build "$repo" -o "$out"
echo
echo "Example: the package's functions with the most callers, from the call graph"
set -x
"$bin" query "$out" "SELECT callee.qualname, count(*) AS callers
  FROM cpg_edges e JOIN cpg_nodes callee ON callee.node_id = e.dst
  WHERE e.kind = 'CALLS_FUNCTION' AND callee.kind = 'FUNCTION'
  GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10"
