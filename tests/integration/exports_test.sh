#!/usr/bin/env bash
# `codeanatomy export parquet|dot|graphml` on a small fixture repository: Parquet files for
# every table (contents are compared in tests/unit/export), DOT that Graphviz renders,
# GraphML that an XML parser reads with the same nodes and edges as the graph, and the
# --module / --depth selections on nodes known from the fixture's source.
source "$(dirname "$0")/lib.sh"
command -v dot >/dev/null || { echo "FAIL: graphviz's dot is not installed (deps/apt-packages.txt)" >&2; exit 1; }

R="$TMP/repo"
mkdir -p "$R/app/core"
: >"$R/app/__init__.py"
: >"$R/app/core/__init__.py"
cat >"$R/app/core/models.py" <<'EOF'
class Base:
    def save(self):
        return helper()


class User(Base):
    def save(self):
        return Base.save(self)


def helper():
    return 1
EOF
cat >"$R/app/core/views.py" <<'EOF'
import os
from app.core.models import User, helper


def show():
    u = User()
    u.save()
    os.getcwd()
    return helper()
EOF
cat >"$R/app/cli.py" <<'EOF'
from app.core import views


def main():
    views.show()


main()
EOF
cat >"$R/app/corex.py" <<'EOF'
from app.core.models import User


class Admin(User):
    pass


def other():
    return (lambda: 2)()
EOF
G="$TMP/graph"
"$CA" build "$R" -o "$G" -q --keep-evidence

# --- parquet ---------------------------------------------------------------------------
expect_status "export parquet" 0 "$CA" export parquet "$G" -o "$TMP/pq"
tables=$(q "$G" "SELECT count(*) FROM duckdb_tables() WHERE NOT internal")
expect_eq "one parquet file per table" "$tables" "$(ls "$TMP/pq" | grep -c '\.parquet$')"
for t in cpg_nodes cpg_edges cpg_props repo_files repo_packages diagnostics ts_defs res_calls \
         sem_scope_nodes run_tasks run_info; do
  [ -s "$TMP/pq/$t.parquet" ] && pass "$t.parquet written" || fail "$t.parquet missing"
done
expect_eq "nothing but parquet files left in OUTDIR" "" "$(ls -A "$TMP/pq" | grep -v '\.parquet$' || true)"
expect_eq "parquet magic" "PAR1" "$(head -c 4 "$TMP/pq/cpg_nodes.parquet")"
expect_status "export parquet again over the same files" 0 "$CA" export parquet "$G" -o "$TMP/pq"
echo x >"$TMP/afile"
expect_status "parquet into a path under a file" 2 "$CA" export parquet "$G" -o "$TMP/afile/out"
grep -q "$TMP/afile/out" "$ERR" && pass "error names the path" || fail "error does not name the path: $(cat "$ERR")"
expect_status "parquet without -o" 1 "$CA" export parquet "$G"
expect_status "parquet without a graph" 2 "$CA" export parquet "$TMP/nothing" -o "$TMP/pq2"

# --- dot -------------------------------------------------------------------------------
for what in calls imports inherits; do
  expect_status "export dot --what $what" 0 "$CA" export dot "$G" --what "$what" -o "$TMP/$what.dot"
  expect_status "dot -Tsvg renders $what" 0 dot -Tsvg "$TMP/$what.dot" -o "$TMP/$what.svg"
  expect_eq "graphviz says nothing about $what" "" "$(cat "$ERR")"
done
for label in app.cli.main app.core.views.show app.core.models.User.save app.core.models.helper; do
  grep -q ">$label</text>" "$TMP/calls.svg" && pass "svg shows $label" || fail "svg lacks $label"
done
grep -q "os.getcwd" "$TMP/calls.dot" && fail "externals in the call picture" || pass "no externals"
grep -q '>app.corex.Admin</text>' "$TMP/inherits.svg" && pass "inherits svg" || fail "inherits svg lacks Admin"
expect_eq "stdout and -o give the same bytes" "$(cat "$TMP/calls.dot")" "$("$CA" export dot "$G")"
"$CA" export dot "$G" -o "$TMP/again.dot"
cmp -s "$TMP/calls.dot" "$TMP/again.dot" && pass "dot deterministic" || fail "dot differs between runs"

# labels of a DOT picture, sorted
labels() { grep -o 'label="[^"]*"' | sed 's/label="//; s/"$//' | sort | tr '\n' ' '; }
expect_eq "--module app.core: not app.corex, not app.cli" \
  "app.core app.core.models app.core.models.Base.save app.core.models.User.save app.core.models.helper app.core.views app.core.views.show " \
  "$("$CA" export dot "$G" --module app.core | labels)"
expect_eq "--module app.core.views --depth 1: show's caller and callees" \
  "app.cli.main app.core.models.User.save app.core.models.helper app.core.views app.core.views.show " \
  "$("$CA" export dot "$G" --module app.core.views --depth 1 | labels)"
expect_eq "--depth 2 adds the caller's caller and the callee's callee" \
  "app.cli app.cli.main app.core.models.Base.save app.core.models.User.save app.core.models.helper app.core.views app.core.views.show " \
  "$("$CA" export dot "$G" --module app.core.views --depth 2 | labels)"
expect_eq "--what imports --module app.corex --depth 1" "app.core.models app.corex " \
  "$("$CA" export dot "$G" --what imports --module app.corex --depth 1 | labels)"
expect_status "--module app.cor is no error" 0 "$CA" export dot "$G" --module app.cor
expect_eq "--module app.cor matches no module" "" "$(labels <"$OUT")"
expect_status "--depth without --module" 1 "$CA" export dot "$G" --depth 1
expect_status "unknown --what" 1 "$CA" export dot "$G" --what widgets
expect_status "negative --depth" 1 "$CA" export dot "$G" --module app --depth -1
expect_status "dot without a graph" 2 "$CA" export dot "$TMP/nothing"

# --- graphml ---------------------------------------------------------------------------
# Prints "nodes edges" then one "src_qualname -> dst_qualname" line per edge, sorted;
# fails on a document that is not GraphML with the declared keys.
parse_graphml() {
  python3 - "$1" <<'EOF'
import sys
import xml.etree.ElementTree as ET
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(sys.argv[1]).getroot()
keys = {(k.get("for"), k.get("attr.name")): k.get("id") for k in root.findall("g:key", ns)}
for want in [("node", "kind"), ("node", "qualname"), ("node", "path"), ("node", "line"), ("edge", "kind")]:
    assert want in keys, f"missing key {want}"
graph = root.find("g:graph", ns)
assert graph.get("edgedefault") == "directed"
qual = {}
for n in graph.findall("g:node", ns):
    data = {d.get("key"): d.text for d in n.findall("g:data", ns)}
    qual[n.get("id")] = data[keys[("node", "qualname")]]
    assert data[keys[("node", "path")]].endswith(".py")
    int(data[keys[("node", "line")]])
edges = graph.findall("g:edge", ns)
print(len(qual), len(edges))
for line in sorted(f"{qual[e.get('source')]} -> {qual[e.get('target')]}" for e in edges):
    print(line)
EOF
}
# the same from the graph: nodes of KINDS and distinct (src, dst) pairs of EDGE between them
from_query() {
  local kinds="$1" edge="$2"
  echo "$(q "$G" "SELECT count(*) FROM cpg_nodes WHERE kind IN ($kinds)") $(q "$G" \
    "SELECT count(*) FROM (SELECT DISTINCT e.src, e.dst FROM cpg_edges e JOIN cpg_nodes s ON s.node_id = e.src
     JOIN cpg_nodes d ON d.node_id = e.dst WHERE e.kind = '$edge' AND s.kind IN ($kinds) AND d.kind IN ($kinds))")"
  q "$G" "SELECT DISTINCT s.qualname || ' -> ' || d.qualname AS e FROM cpg_edges e
          JOIN cpg_nodes s ON s.node_id = e.src JOIN cpg_nodes d ON d.node_id = e.dst
          WHERE e.kind = '$edge' AND s.kind IN ($kinds) AND d.kind IN ($kinds)" | LC_ALL=C sort
}
check_graphml() {
  local what="$1" kinds="$2" edge="$3"
  expect_status "export graphml --what $what" 0 "$CA" export graphml "$G" --what "$what" -o "$TMP/$what.graphml"
  local got want
  got="$(parse_graphml "$TMP/$what.graphml" | LC_ALL=C sort)" || { fail "graphml $what does not parse"; return; }
  want="$(from_query "$kinds" "$edge" | LC_ALL=C sort)"
  expect_eq "graphml $what: node and edge counts and edges match the graph" "$want" "$got"
}
check_graphml calls "'FUNCTION', 'LAMBDA', 'MODULE'" CALLS_FUNCTION
check_graphml imports "'MODULE'" IMPORTS
check_graphml inherits "'CLASS'" INHERITS
# and what the fixture's source says they must hold
edges_of() { parse_graphml "$1" | tail -n +2 | tr '\n' ';'; }
expect_eq "import edges" "app.cli -> app.core.views;app.core.views -> app.core.models;app.corex -> app.core.models;" \
  "$(edges_of "$TMP/imports.graphml")"
expect_eq "inheritance edges" "app.core.models.User -> app.core.models.Base;app.corex.Admin -> app.core.models.User;" \
  "$(edges_of "$TMP/inherits.graphml")"
grep -q "app.core.views.show -> app.core.models.helper" <(parse_graphml "$TMP/calls.graphml") \
  && pass "call edge show -> helper" || fail "call edge show -> helper missing"
"$CA" export graphml "$G" --module app.core.views --depth 1 -o "$TMP/small.graphml"
expect_eq "graphml --module --depth: same selection as dot" "5 3" "$(parse_graphml "$TMP/small.graphml" | head -1)"
finish
