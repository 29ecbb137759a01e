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
echo "Example: the functions with the most call sites in their bodies"
set -x
"$bin" query "$out" "SELECT f.qualname, count(*) AS calls
  FROM cpg_edges e JOIN cpg_nodes f ON f.node_id = e.src JOIN cpg_nodes c ON c.node_id = e.dst
  WHERE e.kind = 'CONTAINS' AND f.kind = 'FUNCTION' AND c.kind = 'CALL'
  GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10"
