#!/usr/bin/env bash
# Configuration (codeanatomy.toml, [tool.codeanatomy] in pyproject.toml, CODEANATOMY_*
# variables, options; their precedence; `config show`; errors naming file and line) and the
# progress display (on a terminal only, NO_COLOR respected, stdout kept clean).
source "$(dirname "$0")/lib.sh"
# The tests set these themselves; inherited values would change the results.
unset CODEANATOMY_LAYERS CODEANATOMY_INCLUDE CODEANATOMY_EXCLUDE CODEANATOMY_SOURCE_ROOTS \
  CODEANATOMY_JOBS CODEANATOMY_OUTPUT CODEANATOMY_MAX_FILE_SIZE CODEANATOMY_PARSE_TIMEOUT_MS
repo="$TMP/repo"
mkdir -p "$repo/lib/app" "$repo/tests" "$repo/scripts"
printf '"""App."""\n' >"$repo/lib/app/__init__.py"
printf 'def run():\n    return 1\n' >"$repo/lib/app/core.py"
printf 'GENERATED = 1\n' >"$repo/lib/app/gen_tables.py"
printf 'from app.core import run\n' >"$repo/tests/test_core.py"
printf 'print("tool")\n' >"$repo/scripts/tool.py"

paths() { q "$1" "SELECT string_agg(path, ' ' ORDER BY path) FROM repo_files"; }
modules() { q "$1" "SELECT string_agg(module, ' ' ORDER BY module) FROM repo_files"; }

# --- without configuration: every file, names from the repository root
"$CA" build "$repo" -o "$TMP/plain" -q
expect_eq "no config: every file" \
  "lib/app/__init__.py lib/app/core.py lib/app/gen_tables.py scripts/tool.py tests/test_core.py" \
  "$(paths "$TMP/plain")"
expect_eq "no config: modules from the root" \
  "lib.app lib.app.core lib.app.gen_tables scripts.tool tests.test_core" "$(modules "$TMP/plain")"

# --- codeanatomy.toml: include / exclude / source_roots / layers / output
cat >"$repo/codeanatomy.toml" <<'TOML'
# CodeAnatomy settings for this repository
layers = ["ts"]
include = ["lib/", "tests/"]
exclude = ["gen_*.py"]
source_roots = ["lib", "."]
output = "graph-out"
TOML
expect_status "build with codeanatomy.toml" 0 "$CA" build "$repo" -q
db="$repo/graph-out"
expect_eq "output from the file (relative to the repository)" "yes" \
  "$([ -f "$db/cpg.duckdb" ] && echo yes || echo no)"
expect_status "plan of the repository" 0 "$CA" plan "$repo" --format json
expect_eq "plan finds the graph where the file puts it, and keeps it" \
  "$db/cpg.duckdb False" \
  "$(python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); print(p["database"], any(t["rerun"] for t in p["tasks"] if t["name"] != "scan"))' "$OUT")"
expect_eq "include and exclude select the files" \
  "lib/app/__init__.py lib/app/core.py tests/test_core.py" "$(paths "$db")"
expect_eq "source_roots name the modules" "app app.core tests.test_core" "$(modules "$db")"
expect_eq "run_info records the layers" "ts" \
  "$(q "$db" "SELECT value FROM run_info WHERE key = 'layers'")"
expect_eq "the import resolves through the source root" "app.core.run" \
  "$(q "$db" "SELECT string_agg(DISTINCT d.qualname, ',') FROM cpg_edges e
      JOIN cpg_nodes d ON d.node_id = e.dst
      WHERE e.kind = 'IMPORTS_SYMBOL' AND e.path = 'tests/test_core.py'")"

# --- environment overrides the file, the command line overrides both
CODEANATOMY_EXCLUDE="tests/" "$CA" build "$repo" -o "$TMP/env" -q
expect_eq "CODEANATOMY_EXCLUDE replaces the file's exclude" \
  "lib/app/__init__.py lib/app/core.py lib/app/gen_tables.py" "$(paths "$TMP/env")"
CODEANATOMY_EXCLUDE="tests/" CODEANATOMY_OUTPUT="$TMP/env-out" \
  "$CA" build "$repo" --exclude core.py --exclude '/lib/app/__init__.py' -q
expect_eq "CODEANATOMY_OUTPUT replaces the file's output" "yes" \
  "$([ -f "$TMP/env-out/cpg.duckdb" ] && echo yes || echo no)"
expect_eq "--exclude (repeated) replaces CODEANATOMY_EXCLUDE" \
  "lib/app/gen_tables.py tests/test_core.py" "$(paths "$TMP/env-out")"
CODEANATOMY_SOURCE_ROOTS="lib" "$CA" build "$repo" -o "$TMP/roots" --source-root . \
  --include '*.py' -q
expect_eq "--source-root replaces CODEANATOMY_SOURCE_ROOTS" \
  "lib.app lib.app.core scripts.tool tests.test_core" "$(modules "$TMP/roots")"

# --- config show names where each value came from
cat >"$repo/codeanatomy.toml" <<'TOML'
jobs = 2
exclude = ["tests/"]
TOML
CODEANATOMY_MAX_FILE_SIZE=5000 CODEANATOMY_JOBS=3 \
  expect_status "config show" 0 "$CA" config show "$repo" --parse-timeout-ms 7 --jobs 4
show="$(cat "$OUT")"
line_of() { grep -E "^$1 = " <<<"$show" || echo "<no $1 line>"; }
expect_eq "show: the file and its line" "exclude = [\"tests/\"] # file $repo/codeanatomy.toml:2" \
  "$(line_of exclude | tr -s ' ')"
expect_eq "show: an environment variable" \
  "max_file_size = 5000 # environment CODEANATOMY_MAX_FILE_SIZE" "$(line_of max_file_size | tr -s ' ')"
expect_eq "show: the command line beats environment and file" "jobs = 4 # command line --jobs" \
  "$(line_of jobs | tr -s ' ')"
expect_eq "show: an option" "parse_timeout_ms = 7 # command line --parse-timeout-ms" \
  "$(line_of parse_timeout_ms | tr -s ' ')"
expect_eq "show: a default" "layers = [\"ts\"] # default" "$(line_of layers | tr -s ' ')"
grep -q "^# config file: $repo/codeanatomy.toml" <<<"$show" && pass "show: names the file" \
  || fail "show: no config file line: $show"
CODEANATOMY_JOBS=3 expect_status "config show --json" 0 "$CA" config show "$repo" --json
python3 - "$OUT" "$repo" <<'PY' && pass "show --json: values and sources" || fail "show --json: $(cat "$OUT")"
import json, sys
d = json.load(open(sys.argv[1]))
s = d["settings"]
assert d["config_file"] == sys.argv[2] + "/codeanatomy.toml", d["config_file"]
assert s["jobs"] == {"value": 3, "source": "environment", "origin": "CODEANATOMY_JOBS"}, s["jobs"]
assert s["exclude"]["value"] == ["tests/"] and s["exclude"]["source"] == "file", s["exclude"]
assert s["exclude"]["origin"].endswith("codeanatomy.toml:2"), s["exclude"]
assert s["layers"] == {"value": ["ts"], "source": "default", "origin": ""}, s["layers"]
assert s["keep_evidence"] == {"value": False, "source": "default", "origin": ""}, s["keep_evidence"]
assert set(s) == {"layers", "include", "exclude", "source_roots", "jobs", "output",
                  "max_file_size", "parse_timeout_ms", "keep_evidence"}, sorted(s)
PY
expect_status "config show --help" 0 "$CA" config show --help
for opt in --json --layers --include --exclude --source-root --jobs --output --max-file-size \
  --parse-timeout-ms --keep-evidence CODEANATOMY_SOURCE_ROOTS CODEANATOMY_KEEP_EVIDENCE; do
  grep -q -- "$opt" "$OUT" && pass "config show --help documents $opt" \
    || fail "config show --help lacks $opt"
done
expect_status "build --help" 0 "$CA" build --help
for opt in --layers --include --exclude --source-root CODEANATOMY_EXCLUDE codeanatomy.toml \
  NO_COLOR; do
  grep -q -- "$opt" "$OUT" && pass "build --help documents $opt" || fail "build --help lacks $opt"
done

# --- bad configuration: exit 1, naming the file, the line and the key
printf 'jobs = 2\nexclude = ["a",\ninclude = 3\n' >"$repo/codeanatomy.toml"
expect_status "TOML syntax error" 1 "$CA" build "$repo" -o "$TMP/bad1"
grep -qE "$repo/codeanatomy.toml:3" "$ERR" && pass "syntax error names file and line" \
  || fail "syntax error message: $(cat "$ERR")"
expect_eq "no graph from a bad config" "no" "$([ -e "$TMP/bad1/cpg.duckdb" ] && echo yes || echo no)"
printf 'jobs = 2\njbos = 3\n' >"$repo/codeanatomy.toml"
expect_status "unknown key" 1 "$CA" build "$repo" -o "$TMP/bad2"
grep -q "codeanatomy.toml:2: unknown key 'jbos' (did you mean 'jobs'?)" "$ERR" \
  && pass "unknown key named with its line" || fail "unknown key message: $(cat "$ERR")"
printf '\n\nmax_file_size = "big"\n' >"$repo/codeanatomy.toml"
expect_status "wrong type" 1 "$CA" config show "$repo"
grep -q "codeanatomy.toml:3: key 'max_file_size': expected an integer, got a string" "$ERR" \
  && pass "wrong type named" || fail "wrong type message: $(cat "$ERR")"
printf 'layers = ["ts", "jedi"]\n' >"$repo/codeanatomy.toml"
expect_status "unknown layer in the file" 1 "$CA" build "$repo" -o "$TMP/bad3"
grep -q "codeanatomy.toml:1: key 'layers': unknown layer 'jedi'; available: ts, cpython, scip" \
  "$ERR" && pass "unknown layer in the file refused" || fail "layer message: $(cat "$ERR")"
rm "$repo/codeanatomy.toml"
expect_status "unknown layer on the command line" 1 "$CA" build "$repo" -o "$TMP/bad4" --layers ts,jedi
grep -qx ".*option --layers: unknown layer 'jedi'; available: ts, cpython, scip" "$ERR" \
  && pass "unknown layer named" || fail "layer message: $(cat "$ERR")"
expect_status "bad integer in the environment" 1 env CODEANATOMY_JOBS=many "$CA" build "$repo" -o "$TMP/bad5"
grep -q "environment variable CODEANATOMY_JOBS: expected an integer, got 'many'" "$ERR" \
  && pass "bad variable named" || fail "variable message: $(cat "$ERR")"
expect_status "missing source root" 1 "$CA" build "$repo" -o "$TMP/bad6" --source-root nowhere
grep -q "option --source-root: source root 'nowhere' is not a directory" "$ERR" \
  && pass "missing source root named" || fail "source root message: $(cat "$ERR")"
expect_status "--layers ts is accepted" 0 "$CA" build "$repo" -o "$TMP/ts" --layers ts -q

# --- pyproject.toml [tool.codeanatomy]
cat >"$repo/pyproject.toml" <<'TOML'
[project]
name = "app"

[tool.codeanatomy]
exclude = ["scripts/", "tests/"]
source_roots = ["lib"]
TOML
"$CA" build "$repo" -o "$TMP/py" -q
expect_eq "pyproject [tool.codeanatomy] applies" "app app.core app.gen_tables" "$(modules "$TMP/py")"
printf 'exclude = ["lib/"]\n' >"$repo/codeanatomy.toml"
expect_status "both files" 0 "$CA" build "$repo" -o "$TMP/both" -v
expect_eq "codeanatomy.toml wins over pyproject.toml" "scripts.tool tests.test_core" \
  "$(modules "$TMP/both")"
grep -q "codeanatomy.toml wins over \[tool.codeanatomy\] in $repo/pyproject.toml" "$ERR" \
  && pass "-v says which file wins" || fail "-v log: $(cat "$ERR")"
rm "$repo/codeanatomy.toml"
printf '[tool.codeanatomy]\nexclude = "tests/"\n' >"$repo/pyproject.toml"
expect_status "bad [tool.codeanatomy]" 1 "$CA" build "$repo" -o "$TMP/bad7"
grep -q "pyproject.toml:2: key 'tool.codeanatomy.exclude': expected a list of strings" "$ERR" \
  && pass "pyproject error names file, line and key" || fail "pyproject message: $(cat "$ERR")"
printf '[project\nname = "broken, and not ours"\n' >"$repo/pyproject.toml"
expect_status "a broken pyproject.toml without our table is only a warning" 0 \
  "$CA" build "$repo" -o "$TMP/warn"
grep -q "pyproject.toml:1" "$ERR" && pass "the warning names the file" \
  || fail "warning: $(cat "$ERR")"
rm "$repo/pyproject.toml"

# --- progress: on a terminal only
if ! command -v script >/dev/null; then
  fail "script (util-linux) is missing: cannot test the terminal display"
  finish
fi
# pty [VAR=value...] "COMMAND": runs COMMAND with a pseudo-terminal as its stdin, stdout and
# stderr (unless it redirects them); prints what reached the terminal.
pty() {
  local vars=()
  while [ $# -gt 1 ]; do vars+=("$1"); shift; done
  env -u NO_COLOR "${vars[@]}" script -qec "$1" /dev/null </dev/null
}
# The terminal's text without colours, one line per '\r' or '\n'.
plain() { tr '\r' '\n' <"$1" | sed 's/\x1b\[[0-9;]*m//g'; }

pty "$CA build $repo -o $TMP/p1 -j2" >"$TMP/pty1.txt"
for stage in scan extract resolve load views publish; do
  plain "$TMP/pty1.txt" | grep -qE "^  $stage +.*[0-9]+ m?s" && pass "terminal: $stage line" \
    || fail "terminal: no $stage line in $(cat -v "$TMP/pty1.txt")"
done
plain "$TMP/pty1.txt" | grep -qE "^  extract +5 files +[0-9.]+ m?s +[0-9]+ files/s" \
  && pass "terminal: files and files/s" || fail "terminal: extract line: $(cat -v "$TMP/pty1.txt")"
grep -q "built $TMP/p1/cpg.duckdb" "$TMP/pty1.txt" && pass "terminal: the summary follows" \
  || fail "terminal: no summary: $(cat -v "$TMP/pty1.txt")"
grep -q $'\x1b\[' "$TMP/pty1.txt" && pass "terminal: colours without NO_COLOR" \
  || fail "terminal: no colour codes without NO_COLOR (the NO_COLOR check below proves nothing)"

pty NO_COLOR=1 "$CA build $repo -o $TMP/p2 -j2 -v" >"$TMP/pty2.txt"
plain "$TMP/pty2.txt" | grep -qE "^  extract +5 files" && pass "NO_COLOR: progress still shown" \
  || fail "NO_COLOR: no progress: $(cat -v "$TMP/pty2.txt")"
expect_eq "NO_COLOR: no ESC[ sequences (progress and -v logs)" "0" \
  "$(grep -c $'\x1b\[' "$TMP/pty2.txt" || true)"

pty "$CA build $repo -o $TMP/p3 2>$TMP/p3.err" >"$TMP/pty3.txt"
expect_eq "stderr not a terminal: nothing on it" "" "$(cat "$TMP/p3.err")"
grep -q "files/s" "$TMP/pty3.txt" && fail "stderr not a terminal: progress on stdout" \
  || pass "stderr not a terminal: no progress anywhere"
expect_eq "stderr not a terminal: the summary alone" "built $TMP/p3/cpg.duckdb in" \
  "$(head -n1 "$TMP/pty3.txt" | tr -d '\r' | sed 's/ [0-9.]* s$//')"

"$CA" build "$repo" -o "$TMP/p4" >"$TMP/p4.out" 2>"$TMP/p4.err"
expect_eq "piped: nothing on stderr" "" "$(cat "$TMP/p4.err")"
expect_eq "piped: only the summary on stdout" "built" "$(head -c5 "$TMP/p4.out")"

pty "$CA build $repo -o $TMP/p5 -q" >"$TMP/pty5.txt"
expect_eq "-q on a terminal: nothing at all" "" "$(tr -d '\r\n' <"$TMP/pty5.txt")"

pty "$CA build $repo -o $TMP/p6 --json >$TMP/p6.json" >"$TMP/pty6.txt"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["files"] == 5' "$TMP/p6.json" \
  && pass "--json on a terminal: stdout is JSON alone" || fail "--json stdout: $(cat "$TMP/p6.json")"
plain "$TMP/pty6.txt" | grep -qE "^  extract +5 files" && pass "--json on a terminal: progress on stderr" \
  || fail "--json on a terminal: no progress: $(cat -v "$TMP/pty6.txt")"

touch "$TMP/blocker"
set +e
pty "$CA build $repo -o $TMP/blocker/sub" >"$TMP/pty7.txt"
status=$?
set -e
expect_eq "failed build on a terminal: exit 2" "2" "$status"
grep -q "build failed: cannot create output directory" "$TMP/pty7.txt" \
  && pass "failed build: the error reaches the terminal" || fail "failed build: $(cat -v "$TMP/pty7.txt")"
finish
