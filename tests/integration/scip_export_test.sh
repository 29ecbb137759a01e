#!/usr/bin/env bash
# `codeanatomy export scip`: builds a small package (with a non-ASCII line before a
# reference), exports SCIP, decodes it with protoc and our proto/scip.proto, and checks the
# occurrences against the graph that `codeanatomy query` shows: one Definition occurrence
# per definition at its name, one reference occurrence per resolved REFERENCE leading to the
# definition the REFERS_TO edge names, imports, UTF-8 columns, the symbol grammar, kinds,
# docstrings, subclass/override relationships and byte-identical output.
source "$(dirname "$0")/lib.sh"
src_root="$(cd "$(dirname "$0")/../.." && pwd)"
repo="$TMP/repo"
mkdir -p "$repo/pkg"
cat >"$repo/pkg/__init__.py" <<'PY'
"""The fixture package."""
PY
cat >"$repo/pkg/base.py" <<'PY'
"""Shapes."""


class Shape:
    """A shape.

    Has an area.
    """

    sides = 0

    def __init__(self, name):
        self.name = name

    def area(self):
        return 0


def helper(x, *args, key=1, **kw):
    total = x
    for item in args:
        total = total + item
    x = total
    return total
PY
cat >"$repo/pkg/shapes.py" <<'PY'
from pkg.base import Shape, helper
import os.path as osp


class Square(Shape):
    def area(self):
        side = self.side
        return side * side

    def grow(self, by):
        self.side = helper(self.side, by)
        return [x for x in range(by)]


label = "é ü ✓"; sq = Square("sq")
print(sq.area(), label, osp.join("a", "b"), sq.name)
PY

"$CA" build "$repo" -o "$TMP/lean" -j2 -q >/dev/null
expect_status "export scip of a graph built without its evidence tables" 2 \
  "$CA" export scip "$TMP/lean" -o "$TMP/lean.scip"
grep -qF "export scip needs them, and a build keeps them only when asked: build the graph again with --keep-evidence added to the options it was built with, e.g. \`codeanatomy build $(cd "$repo" && pwd -P) -o $TMP/lean --keep-evidence\`" "$ERR" \
  && pass "it gives the command that builds them" || fail "no advice: $(cat "$ERR")"
expect_eq "and writes no index" "no" "$([ -e "$TMP/lean.scip" ] && echo yes || echo no)"
"$CA" build "$repo" -o "$TMP/out" -j2 -q --keep-evidence >/dev/null
expect_status "export scip" 0 "$CA" export scip "$TMP/out" -o "$TMP/index.scip" --project-name fx \
  --project-version 1.0
expect_eq "index written" "yes" "$([ -s "$TMP/index.scip" ] && echo yes || echo no)"
expect_eq "protoc decodes it with proto/scip.proto" "0" "$(
  protoc --decode=scip.Index -I "$src_root/proto" "$src_root/proto/scip.proto" \
    <"$TMP/index.scip" >"$TMP/index.txt" 2>"$ERR"; echo $?)"

# The graph's view of the same sites, as CSV from `codeanatomy query`.
"$CA" query "$TMP/out" --format csv "
  SELECT n.kind, n.path, n.name, n.start_line - 1 AS line, n.start_col AS col, n.end_line - 1 AS eline,
         n.end_col AS ecol, coalesce(d.name_bstart - d.bstart, 0) AS name_off
  FROM cpg_nodes n LEFT JOIN ts_defs d ON d.node_id = n.node_id
  WHERE n.kind IN ('CLASS', 'FUNCTION', 'VARIABLE', 'PARAMETER', 'MODULE')" >"$TMP/defs.csv"
"$CA" query "$TMP/out" --format csv "
  SELECT r.path, r.start_line - 1, r.start_col, r.end_line - 1, r.end_col, t.ctx, d.kind, d.path,
         d.start_line - 1, d.start_col + coalesce(td.name_bstart - td.bstart, 0), d.qualname
  FROM cpg_edges e JOIN cpg_nodes r ON r.node_id = e.src JOIN cpg_nodes d ON d.node_id = e.dst
  JOIN ts_names t ON t.node_id = r.node_id LEFT JOIN ts_defs td ON td.node_id = d.node_id
  WHERE e.kind = 'REFERS_TO'" >"$TMP/refs.csv"

set +e
python3 - "$TMP/index.txt" "$TMP/defs.csv" "$TMP/refs.csv" "$repo" >"$OUT" 2>&1 <<'PY'
import csv, re, sys

index_txt, defs_csv, refs_csv, repo = sys.argv[1:]
failures = []

def check(what, cond, detail=""):
    print(("ok: " if cond else "FAIL: ") + what + ("" if cond else f": {detail}"))
    if not cond:
        failures.append(what)

# ---- protoc text format -> nested dicts of lists
def unescape(s):
    out, i = bytearray(), 0
    while i < len(s):
        c = s[i]
        if c != "\\":
            out += c.encode(); i += 1; continue
        n = s[i + 1]
        if n in "01234567":
            j = i + 1
            while j < min(i + 4, len(s)) and s[j] in "01234567":
                j += 1
            out.append(int(s[i + 1:j], 8)); i = j
        elif n == "x":
            j = i + 2
            while j < min(i + 4, len(s)) and s[j] in "0123456789abcdefABCDEF":
                j += 1
            out.append(int(s[i + 2:j], 16)); i = j
        else:
            out += {"n": b"\n", "t": b"\t", "r": b"\r", '"': b'"', "'": b"'", "\\": b"\\"}[n]; i += 2
    return out.decode()

def parse(lines):
    root, stack = {}, []
    cur = root
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if line.endswith("{"):
            child = {}
            cur.setdefault(line[:-1].strip(), []).append(child)
            stack.append(cur); cur = child
        elif line == "}":
            cur = stack.pop()
        else:
            key, value = line.split(":", 1)
            value = value.strip()
            if value.startswith('"'):
                value = unescape(value[1:-1])
            elif re.fullmatch(r"-?\d+", value):
                value = int(value)
            cur.setdefault(key, []).append(value)
    return root

index = parse(open(index_txt, encoding="utf-8").read().splitlines())
docs = index["documents"]
paths = [d["relative_path"][0] for d in docs]
check("one document per file, sorted by path", paths == ["pkg/__init__.py", "pkg/base.py", "pkg/shapes.py"], paths)
check("position encoding UTF-8 on every document",
      all(d.get("position_encoding") == ["UTF8CodeUnitOffsetFromLineStart"] for d in docs))
check("tool name", index["metadata"][0]["tool_info"][0]["name"] == ["codeanatomy"])

def rng(r):
    return (r[0], r[1], r[0], r[2]) if len(r) == 3 else tuple(r)

occs = []  # (path, range, symbol, roles, enclosing)
for d in docs:
    p = d["relative_path"][0]
    ranges = [rng(o["range"]) for o in d.get("occurrences", [])]
    check(f"occurrences of {p} sorted by range", ranges == sorted(ranges))
    for o in d.get("occurrences", []):
        occs.append((p, rng(o["range"]), o["symbol"][0], o.get("symbol_roles", [0])[0],
                     rng(o["enclosing_range"]) if "enclosing_range" in o else None))
symbols = {}
for d in docs:
    for s in d.get("symbols", []):
        symbols[s["symbol"][0]] = s

# ---- symbol grammar
SIMPLE = re.compile(r"[A-Za-z0-9_+\-$]+")
def parse_name(s, i):
    if s[i] == "`":
        j = i + 1
        while True:
            k = s.index("`", j)
            if k + 1 < len(s) and s[k + 1] == "`":
                j = k + 2; continue
            return k + 1
    m = SIMPLE.match(s, i)
    if not m:
        raise ValueError(f"bad name at {i}")
    return m.end()
def valid_symbol(s):
    if s.startswith("local "):
        return SIMPLE.fullmatch(s[6:]) is not None
    fields, i = [], 0
    for _ in range(4):
        j = i
        while True:
            k = s.index(" ", j)
            if k + 1 < len(s) and s[k + 1] == " ":
                j = k + 2; continue
            break
        fields.append(s[i:k]); i = k + 1
    if not fields[0] or fields[0].startswith("local") or not all(fields):
        return False
    if i >= len(s):
        return False
    while i < len(s):
        if s[i] == "(":
            i = parse_name(s, i + 1)
            if s[i] != ")": return False
            i += 1; continue
        i = parse_name(s, i)
        if s[i] in "/#.:!":
            i += 1
        elif s.startswith("().", i):
            i += 3
        else:
            return False
    return True
bad = [s for s in {o[2] for o in occs} | set(symbols) if not valid_symbol(s)]
check("every symbol follows the SCIP grammar", not bad, bad)
pkg = "scip-python python fx 1.0 "
check("package fields", all(o[2].startswith(pkg) or o[2].startswith("local ") or
                            o[2].startswith("scip-python python python-stdlib 3.11 ") or
                            o[2].startswith("scip-python python os . ") for o in occs))

# ---- the text at every occurrence is the identifier (UTF-8 byte columns)
src = {p: open(f"{repo}/{p}", "rb").read().split(b"\n") for p in paths}
def text_at(p, r):
    return src[p][r[0]][r[1]:r[3]].decode() if r[0] == r[2] else None
wrong = [(p, r, text_at(p, r)) for p, r, s, roles, _ in occs
         if r != (0, 0, 0, 0) and not (roles & 2) and not (text_at(p, r) or "").isidentifier()]
check("every definition/reference range covers an identifier", not wrong, wrong[:5])
square = [o for o in occs if o[0] == "pkg/shapes.py" and o[1][0] == 14 and o[2].endswith("/Square#")]
check("reference after non-ASCII text: UTF-8 byte column 26 (not character 21)",
      [o[1] for o in square] == [(14, 26, 14, 32)], square)

# ---- definitions: one per definition node, at its name
expected_defs = set()
for row in csv.DictReader(open(defs_csv, encoding="utf-8")):
    p, kind, name = row["path"], row["kind"], row["name"]
    line, col, eline, ecol, off = (int(row[k]) for k in ("line", "col", "eline", "ecol", "name_off"))
    if kind == "MODULE":
        expected_defs.add((p, (0, 0, 0, 0)))
    elif kind in ("CLASS", "FUNCTION"):
        expected_defs.add((p, (line, col + off, line, col + off + len(name.encode()))))
    elif kind == "PARAMETER":
        expected_defs.add((p, (line, col, line, col + len(name.encode()))))
    else:
        expected_defs.add((p, (line, col, eline, ecol)))
attribute_defs = {("pkg/base.py", (12, 13, 12, 17)), ("pkg/shapes.py", (10, 13, 10, 17))}
def_occs = [(o[0], o[1]) for o in occs if o[3] & 1]
check("definition occurrences = graph definitions + self attributes (count)",
      len(def_occs) == len(expected_defs) + len(attribute_defs), (len(def_occs), len(expected_defs)))
check("definition occurrences = graph definitions + self attributes (ranges)",
      set(def_occs) == expected_defs | attribute_defs,
      sorted(set(def_occs) ^ (expected_defs | attribute_defs))[:6])
check("definition roles are exactly Definition", all(o[3] == 1 for o in occs if o[3] & 1))
def symbol_at(p, r, want_def):
    return [o[2] for o in occs if o[0] == p and o[1] == r and bool(o[3] & 1) == want_def]
check("self.name defines Shape#name.", symbol_at("pkg/base.py", (12, 13, 12, 17), True) == [pkg + "`pkg.base`/Shape#name."])
shape = [o for o in occs if o[2] == pkg + "`pkg.base`/Shape#" and o[3] & 1]
check("class definition at its name with the whole class as enclosing range",
      [(o[1], o[4]) for o in shape] == [((3, 6, 3, 11), (3, 0, 15, 16))], shape)
check("method and parameter symbols",
      symbol_at("pkg/base.py", (14, 8, 14, 12), True) == [pkg + "`pkg.base`/Shape#area()."] and
      symbol_at("pkg/base.py", (18, 15, 18, 19), True) == [pkg + "`pkg.base`/helper().(args)"])
check("a parameter bound again keeps the parameter's symbol",
      symbol_at("pkg/base.py", (22, 4, 22, 5), True) == [pkg + "`pkg.base`/helper().(x)"])
check("function-local variables are local symbols",
      all(s.startswith("local ") for s in symbol_at("pkg/base.py", (19, 4, 19, 9), True) +
          symbol_at("pkg/base.py", (20, 8, 20, 12), True)))

# ---- references: each resolved REFERENCE leads to the definition its edge names
def_sites = {}
for p, r, s, roles, _ in occs:
    if roles & 1:
        def_sites.setdefault(s if not s.startswith("local ") else (p, s), set()).add((p, r[:2]))
ref_occs = {}
for p, r, s, roles, _ in occs:
    if not roles & 3:
        ref_occs.setdefault((p, r), []).append((s, roles))
edge_sites, problems = set(), []
for row in csv.reader(list(open(refs_csv, encoding="utf-8"))[1:]):
    p, l, c, el, ec, ctx, kind, dpath, dline, dcol, qual = row
    site = (p, (int(l), int(c), int(el), int(ec)))
    if site in attribute_defs:
        continue  # a self.x store that is itself the definition
    edge_sites.add(site)
    found = ref_occs.get(site, [])
    if not found:
        problems.append(("missing", site)); continue
    if any(roles != (8 if ctx == "load" else 4) for _, roles in found):
        problems.append(("roles", site, found))
    if kind == "EXTERNAL":
        ok = any(s.startswith("scip-python python") and s not in def_sites for s, _ in found)
    else:
        want = (dpath, (0, 0) if kind == "MODULE" else (int(dline), int(dcol)))
        ok = any(want in def_sites.get(s if not s.startswith("local ") else (p, s), ()) for s, _ in found)
    if not ok:
        problems.append(("target", site, kind, qual, found))
check("every REFERS_TO site has a reference occurrence leading to its target", not problems, problems[:5])
check("reference occurrences = resolved REFERENCE sites (count)", len(ref_occs) == len(edge_sites),
      (len(ref_occs), len(edge_sites)))
check("reference occurrences = resolved REFERENCE sites (ranges)", set(ref_occs) == edge_sites,
      sorted(set(ref_occs) ^ edge_sites)[:6])
check("helper() call refers to pkg.base.helper across files",
      [s for s, _ in ref_occs.get(("pkg/shapes.py", (10, 20, 10, 26)), [])] == [pkg + "`pkg.base`/helper()."])
check("builtin print is a python-stdlib symbol",
      [s for s, _ in ref_occs.get(("pkg/shapes.py", (15, 0, 15, 5)), [])] ==
      ["scip-python python python-stdlib 3.11 builtins/print."])

# ---- imports
imports = sorted((o[1], o[2]) for o in occs if o[3] & 2)
check("import occurrences", imports == [
    ((0, 21, 0, 26), pkg + "`pkg.base`/Shape#"),
    ((0, 28, 0, 34), pkg + "`pkg.base`/helper()."),
    ((1, 7, 1, 21), "scip-python python python-stdlib 3.11 `os.path`/__init__:")], imports)
check("import roles are exactly Import", all(o[3] == 2 for o in occs if o[3] & 2))

# ---- symbol information
def info(s):
    return symbols.get(pkg + s, {})
check("class kind and docstring", info("`pkg.base`/Shape#").get("kind") == ["Class"] and
      info("`pkg.base`/Shape#").get("documentation") == ["A shape.\n\nHas an area."], info("`pkg.base`/Shape#"))
check("module docstring", info("`pkg.base`/__init__:").get("documentation") == ["Shapes."])
check("method / function / parameter kinds",
      info("`pkg.base`/Shape#area().").get("kind") == ["Method"] and
      info("`pkg.base`/helper().").get("kind") == ["Function"] and
      info("`pkg.base`/helper().(x)").get("kind") == ["Parameter"])
rel = lambda s: sorted((r["symbol"][0], r.get("is_implementation")) for r in info(s).get("relationships", []))
check("subclass implements its base", rel("`pkg.shapes`/Square#") == [(pkg + "`pkg.base`/Shape#", ["true"])],
      rel("`pkg.shapes`/Square#"))
check("override implements the overridden method",
      rel("`pkg.shapes`/Square#area().") == [(pkg + "`pkg.base`/Shape#area().", ["true"])],
      rel("`pkg.shapes`/Square#area()."))
check("a method that overrides nothing has no relationship", rel("`pkg.shapes`/Square#grow().") == [])
sys.exit(1 if failures else 0)
PY
status=$?
set -e
cat "$OUT"
expect_eq "index content checks" "0" "$status"

# Deterministic: the same bytes again, and from a build at another thread count.
"$CA" export scip "$TMP/out" -o "$TMP/again.scip" --project-name fx --project-version 1.0 2>/dev/null
expect_eq "same bytes on a second export" "same" "$(cmp -s "$TMP/index.scip" "$TMP/again.scip" && echo same)"
"$CA" build "$repo" -o "$TMP/out1" -j1 -q --keep-evidence >/dev/null
"$CA" export scip "$TMP/out1" -o "$TMP/j1.scip" --project-name fx --project-version 1.0 2>/dev/null
expect_eq "same bytes from a -j1 build" "same" "$(cmp -s "$TMP/index.scip" "$TMP/j1.scip" && echo same)"
expect_status "export to stdout" 0 "$CA" export scip "$TMP/out" -o - --project-name fx --project-version 1.0
expect_eq "stdout holds the same bytes" "same" "$(cmp -s "$TMP/index.scip" "$OUT" && echo same)"
expect_status "no graph: exit 2" 2 "$CA" export scip "$TMP/nothing" -o "$TMP/x.scip"
finish
