# Shared helpers for the command-line tests: a temp dir removed on exit, and assertions
# that print what was expected and what was found.
set -euo pipefail
CA="${1:?usage: $0 PATH_TO_codeanatomy}"
TMP="$(mktemp -d)"
trap 'chmod -R u+rwx "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
failures=0
OUT="$TMP/.stdout"
ERR="$TMP/.stderr"

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# expect_eq WHAT EXPECTED ACTUAL
expect_eq() {
  if [ "$2" == "$3" ]; then pass "$1"; else fail "$1: expected [$2], got [$3]"; fi
}

# expect_status WHAT EXPECTED_STATUS CMD...
expect_status() {
  local what="$1" want="$2"; shift 2
  set +e; "$@" >"$OUT" 2>"$ERR"; local got=$?; set -e
  if [ "$got" == "$want" ]; then pass "$what"; else
    fail "$what: exit $got, expected $want; stderr: $(head -c 500 "$ERR")"; fi
}

# q DB SQL: one value (csv, header dropped)
q() { "$CA" query "$1" "$2" --format csv | tail -n +2 | tr -d '\r'; }

finish() {
  if [ "$failures" -gt 0 ]; then echo "$failures failure(s)" >&2; exit 1; fi
  echo "all passed"
}
