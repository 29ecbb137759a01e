#!/usr/bin/env bash
# Runs the pinned scip-python (deps/versions.env, fetched by scripts/setup.sh into
# .deps/scip-python) on one directory, offline: an empty environment file keeps it from
# asking pip about installed packages, so it indexes the directory's own code only.
#
#   scripts/scip-python.sh DIR OUTPUT.scip [PROJECT_NAME [PROJECT_VERSION]]
#
# PROJECT_NAME defaults to DIR's name, PROJECT_VERSION to 0. Node gets 8 GB of heap
# (large repositories need it; override with NODE_OPTIONS). Exit status: scip-python's, or
# 1 for a usage error / missing scip-python.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../deps/versions.env
source "$root/deps/versions.env"
if [ $# -lt 2 ] || [ ! -d "$1" ]; then
  echo "usage: $0 DIR OUTPUT.scip [PROJECT_NAME [PROJECT_VERSION]]" >&2
  exit 1
fi
bin="$root/.deps/scip-python/index.js"
if [ ! -f "$root/.deps/scip-python/.fetched" ] ||
  [ "$(cat "$root/.deps/scip-python/.fetched")" != "@sourcegraph/scip-python@$SCIP_PYTHON_VERSION" ]; then
  echo "scip-python@$SCIP_PYTHON_VERSION is not in $root/.deps/scip-python: run scripts/setup.sh" >&2
  exit 1
fi
dir="$(cd "$1" && pwd)"
out="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
name="${3:-$(basename "$dir")}"
version="${4:-0}"
env_file="$(mktemp --suffix=.json)"
trap 'rm -f "$env_file"' EXIT
echo '[]' >"$env_file"
export NODE_OPTIONS="${NODE_OPTIONS:---max-old-space-size=8192}"
node "$bin" index --quiet --cwd "$dir" --project-name "$name" --project-version "$version" \
  --environment "$env_file" --output "$out"
