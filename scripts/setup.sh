#!/usr/bin/env bash
# Installs everything the build needs on Debian 12 (run as root, or with sudo available):
# the apt packages of deps/apt-packages.txt and, through `npm pack` (no install scripts),
# the tree-sitter runtime, the tree-sitter-python grammar, DuckDB's headers and library and
# scip-python at the versions of deps/versions.env, unpacked under .deps/. A second run
# checks and returns quickly without downloading anything.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../deps/versions.env
source "$root/deps/versions.env"
deps="$root/.deps"

log() { printf 'setup: %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_apt_packages() {
  local wanted=() missing=()
  mapfile -t wanted < <(grep -v '^\s*#' "$root/deps/apt-packages.txt" | grep -v '^\s*$')
  # npm comes with Debian's nodejs unless some other Node.js already provides it.
  command -v npm >/dev/null 2>&1 || wanted+=(npm)
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then log "apt packages present"; return; fi
  log "installing apt packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# fetch_npm SPEC DEST: unpacks the npm package SPEC into DEST unless DEST holds it already.
fetch_npm() {
  local spec="$1" dest="$2"
  if [ -f "$dest/.fetched" ] && [ "$(cat "$dest/.fetched")" = "$spec" ]; then return; fi
  log "fetching $spec"
  local tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent --ignore-scripts "$spec" >/dev/null)
  rm -rf "$dest" && mkdir -p "$dest"
  tar xzf "$tmp"/*.tgz -C "$dest" --strip-components=1
  rm -rf "$tmp"
  echo "$spec" >"$dest/.fetched"
}

install_apt_packages
mkdir -p "$deps"
fetch_npm "tree-sitter@$TREE_SITTER_VERSION" "$deps/tree-sitter"
fetch_npm "tree-sitter-python@$TREE_SITTER_PYTHON_VERSION" "$deps/tree-sitter-python"
fetch_npm "duckdb@$DUCKDB_VERSION" "$deps/duckdb"
fetch_npm "@duckdb/node-bindings-linux-x64@$DUCKDB_BINARY_PACKAGE_VERSION" "$deps/duckdb-lib"
# scip-python's package bundles its dependencies (dist/vendor.js): nothing to install.
fetch_npm "@sourcegraph/scip-python@$SCIP_PYTHON_VERSION" "$deps/scip-python"
node "$deps/scip-python/index.js" --version >/dev/null || { log "scip-python does not run"; exit 1; }
log "dependencies ready in $deps"
