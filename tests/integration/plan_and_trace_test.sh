#!/usr/bin/env bash
# The task DAG as the build runs it: --trace writes a Chrome trace with a span for every
# task, run_tasks has a row for every task, and `plan` shows the same DAG as text, JSON (the
# views' inferred inputs checked against their SQL) and Graphviz dot that renders.
source "$(dirname "$0")/lib.sh"
repo="$TMP/repo"
mkdir -p "$repo/pkg"
printf 'def helper(x):\n    return x\n' >"$repo/pkg/__init__.py"
printf 'from pkg import helper\n\n\nclass A:\n    def run(self):\n        return helper(1)\n' \
  >"$repo/pkg/mod.py"

expect_status "plan before any build" 0 "$CA" plan "$repo" --format json
cp "$OUT" "$TMP/plan_first.json"
expect_status "build with --trace" 0 "$CA" build "$repo" -o "$TMP/out" -j2 --trace "$TMP/trace.json" -q
expect_status "plan over the output" 0 "$CA" plan "$TMP/out" --format json
cp "$OUT" "$TMP/plan.json"
expect_status "plan as text" 0 "$CA" plan "$TMP/out"
cp "$OUT" "$TMP/plan.txt"
expect_status "plan as dot" 0 "$CA" plan "$TMP/out" --format dot
cp "$OUT" "$TMP/plan.dot"
expect_status "plan of a missing path is a usage error" 1 "$CA" plan "$TMP/nowhere"

# run_tasks: one row per task of the plan, views with their inferred inputs.
q "$TMP/out" "SELECT task FROM run_tasks ORDER BY task" >"$TMP/run_tasks.txt"
expect_eq "one run_tasks row per view" "yes" \
  "$(q "$TMP/out" "SELECT CASE WHEN count(*) >= 4 THEN 'yes' ELSE 'no' END FROM run_tasks WHERE kind = 'view'")"
expect_eq "cpg_props inputs in run_tasks" "repo_files,res_inherits,sem_decorator_targets,ts_decorators,ts_defs,ts_params" \
  "$(q "$TMP/out" "SELECT inputs FROM run_tasks WHERE task = 'cpg_props'" | tr -d '"')"

python3 - "$TMP" <<'PY' || failures=$((failures + 1))
import json, re, sys
tmp = sys.argv[1]
plan = json.load(open(f"{tmp}/plan.json"))
first = json.load(open(f"{tmp}/plan_first.json"))
trace = json.load(open(f"{tmp}/trace.json"))
tasks = {t["name"]: t for t in plan["tasks"]}
errors = []

# The trace: complete events with a span for every task of the plan.
spans = [e for e in trace["traceEvents"] if e.get("ph") == "X"]
for e in spans:
    for key in ("name", "ts", "dur", "tid", "pid", "cat"):
        if key not in e:
            errors.append(f"trace event without {key}: {e}")
names = {e["name"] for e in spans}
missing = sorted(set(tasks) - names)
if missing:
    errors.append(f"tasks without a span in the trace: {missing}")
workers = [e for e in spans if e["name"].startswith("extract_ts worker")]
if not workers or any(e["tid"] != int(e["name"].split()[-1]) for e in workers):
    errors.append(f"extraction not one span per worker with tid = worker: {workers}")

# run_tasks lists the same tasks as the plan.
run_tasks = open(f"{tmp}/run_tasks.txt").read().split()
if sorted(run_tasks) != sorted(tasks):
    errors.append(f"run_tasks {sorted(run_tasks)} != plan {sorted(tasks)}")

# Inferred inputs agree with the views' SQL (src/semantic/views/*.sql).
def reads(view):
    return {r["table"]: r["columns"] for r in tasks[view]["reads"]}
scope = reads("sem_scope_nodes")
if scope != {"ts_scopes": ["kind", "parent_scope_id", "scope_id"]}:
    errors.append(f"sem_scope_nodes reads {scope}")
props = reads("cpg_props")
expect = {"repo_files": ["encoding", "path", "size_bytes", "status"],
          "res_inherits": ["base_id", "bstart", "class_id", "position"],
          "sem_decorator_targets": ["bstart", "decorated_id", "decorator_id", "position"],
          "ts_decorators": ["position", "target_id", "text"],
          "ts_defs": ["is_async", "is_method", "kind", "node_id"],
          "ts_params": ["bstart", "function_id", "node_id", "param_kind", "position"]}
if props != expect:
    errors.append(f"cpg_props reads {props}, expected {expect}")
for name, t in tasks.items():
    if t["kind"] == "view" and sorted(r["table"] for r in t["reads"]) != sorted(t["inputs"]):
        errors.append(f"{name}: reads and inputs disagree")
    if t["generation"] <= max((tasks[d]["generation"] for d in t["depends_on"]), default=-1):
        errors.append(f"{name}: generation not after its dependencies")
if tasks["cpg_edges"]["generation"] <= tasks["sem_decorator_targets"]["generation"]:
    errors.append("cpg_edges not after sem_decorator_targets")
if tasks["evidence_conflicts"]["generation"] <= tasks["cpg_nodes"]["generation"]:
    errors.append("evidence_conflicts not after cpg_nodes")
# The repository is unchanged since the build: the graph would be kept, only scan runs.
for name, t in tasks.items():
    if name == "scan":
        if not t["rerun"]:
            errors.append("scan must run to compare the files")
    elif t["rerun"] or not t["reason"].startswith("inputs unchanged"):
        errors.append(f"{name} reruns over an unchanged repository: {t['reason']}")
if not all(len(t["last_run"]["fingerprint"]) == 32 for t in tasks.values()):
    errors.append("a task without a fingerprint in the previous run")
if plan["database"] is None or first["database"] is not None:
    errors.append(f"database: {plan['database']} / {first['database']}")
if not all(t["reason"] == "no previous build" for t in first["tasks"]):
    errors.append("a first build reruns everything: no previous build")
if "last_run" not in tasks["cpg_nodes"]:
    errors.append("no last_run figures from the existing output")
for e in errors:
    print("FAIL:", e, file=sys.stderr)
print("ok: trace, run_tasks and plan json" if not errors else "")
sys.exit(1 if errors else 0)
PY

# Fingerprints: the same at any -j, changed by an edit for what depends on the edited file.
fp() { q "$1" "SELECT task || '=' || fingerprint FROM run_tasks ORDER BY task"; }
fp "$TMP/out" >"$TMP/fp_j2"
expect_status "build -j1" 0 "$CA" build "$repo" -o "$TMP/out1" -j1 -q
expect_eq "fingerprints identical at -j1 and -j2" "$(cat "$TMP/fp_j2")" "$(fp "$TMP/out1")"
printf 'def helper(x):\n    return x + 1\n' >"$repo/pkg/__init__.py"
expect_status "build after an edit" 0 "$CA" build "$repo" -o "$TMP/out1" -j1 -q
fp "$TMP/out1" >"$TMP/fp_edit"
changed=$( (diff "$TMP/fp_j2" "$TMP/fp_edit" || true) | grep '^>' | sed 's/^> //; s/=.*//' | tr '\n' ' ')
for task in extract_ts resolve load_ts_defs cpg_nodes cpg_edges; do
  case " $changed" in
    *" $task "*) pass "an edit changes the fingerprint of $task" ;;
    *) fail "an edit left $task's fingerprint alone: changed [$changed]" ;;
  esac
done
case " $changed" in
  *load_cpg_node_kinds*|*" scan "*|*load_repo_packages*) fail "an edit changed fingerprints of tasks not reading the file: [$changed]" ;;
  *) pass "an edit leaves scan and the kind tables alone" ;;
esac

grep -q "^generation 0" "$TMP/plan.txt" && pass "text plan lists generations" || fail "text plan: $(head -5 "$TMP/plan.txt")"
grep -q "reads:  ts_scopes: kind, parent_scope_id, scope_id" "$TMP/plan.txt" && pass "text plan shows columns" \
  || fail "text plan has no columns of sem_scope_nodes"
if command -v dot >/dev/null; then
  expect_status "dot renders the plan" 0 dot -Tsvg -o "$TMP/plan.svg" "$TMP/plan.dot"
  grep -q ">cpg_edges</text>" "$TMP/plan.svg" && pass "svg has the views" || fail "svg without cpg_edges"
  grep -q ">view · gen [0-9]*</text>" "$TMP/plan.svg" && pass "labels on two lines" \
    || fail "node labels not split into name and kind lines"
else
  fail "Graphviz dot is not installed (deps/apt-packages.txt lists graphviz)"
fi
# --stop-after: each stage ends the run and prints its timings, and nothing is published
# (views builds the whole graph in a scratch file and removes it): the graph there stays.
published="$(md5sum <"$TMP/out/cpg.duckdb")"
for stage in parse extract resolve views; do
  expect_status "stop after $stage" 0 "$CA" build "$repo" -o "$TMP/out" --full --stop-after "$stage"
  grep -q "^stopped after $stage: 2 files in .* ($stage\|^stopped after $stage: 2 files in .*$stage [0-9]* ms" "$OUT" \
    || fail "--stop-after $stage does not report its stage's time: $(cat "$OUT")"
done
expect_eq "stopping early leaves the published graph as it was" "$published" \
  "$(md5sum <"$TMP/out/cpg.duckdb")"
expect_eq "and no scratch file" "" "$(find "$TMP/out" -name 'cpg.duckdb.tmp-*')"
expect_status "views is the last stage one can stop after" 1 "$CA" build "$repo" -o "$TMP/out" \
  --stop-after publish
finish
