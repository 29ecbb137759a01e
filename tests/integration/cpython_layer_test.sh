#!/usr/bin/env bash
# The cpython evidence layer (--layers ts,cpython): a file only CPython 3.12 can parse gets
# a cpython diagnostic and keeps its ts rows; the py_* tables are identical at -j1 and -j2;
# on Debian's python3-requests every FUNCTION/CLASS node of cpg_nodes has the
# FunctionDef/AsyncFunctionDef/ClassDef of CPython's ast with the same name and start byte.
source "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/repo/pkg"
printf 'def old(x):\n    return x\n' >"$TMP/repo/pkg/ok.py"
printf 'import os\n\ndef new[T](x: T) -> T:\n    return x\n' >"$TMP/repo/pkg/py312.py"
"$CA" build "$TMP/repo" -o "$TMP/plain" --keep-evidence -q
expect_eq "py_* tables exist, empty, without the layer" \
  "$(q "$TMP/plain" "SELECT (SELECT count(*) FROM py_ast_nodes) + (SELECT count(*) FROM py_symtable_scopes) + (SELECT count(*) FROM py_symtable_symbols) + (SELECT count(*) FROM py_bytecode_instructions)")" "0"
"$CA" build "$TMP/repo" -o "$TMP/both" --layers ts,cpython --keep-evidence -q
expect_eq "3.12 syntax: one cpython diagnostic at the '['" \
  "$(q "$TMP/both" "SELECT layer || ' ' || code || ' ' || start_line || ':' || start_col FROM diagnostics WHERE path = 'pkg/py312.py'")" \
  "cpython syntax_error 3:7"
expect_eq "3.12 syntax: no py_ast rows for that file" \
  "$(q "$TMP/both" "SELECT count(*) FROM py_ast_nodes a JOIN repo_files f USING (file_id) WHERE f.path = 'pkg/py312.py'")" "0"
expect_eq "3.12 syntax: its ts rows are kept" \
  "$(q "$TMP/both" "SELECT count(*) > 0 FROM ts_imports i JOIN repo_files f USING (file_id) WHERE f.path = 'pkg/py312.py'")" "true"
expect_eq "the other file has its py_ast rows" \
  "$(q "$TMP/both" "SELECT count(*) > 0 FROM py_ast_nodes a JOIN repo_files f USING (file_id) WHERE f.path = 'pkg/ok.py' AND kind = 'FunctionDef' AND name = 'old'")" "true"
expect_eq "run_tasks records extract_cpython with its rows" \
  "$(q "$TMP/both" "SELECT kind || ' ' || (rows_out > 0) FROM run_tasks WHERE task = 'extract_cpython'")" "extract true"

# Fusion: the layers that saw a node at the same place join its evidence.
expect_eq "without the layer a function's evidence is ts" \
  "$(q "$TMP/plain" "SELECT evidence FROM cpg_nodes WHERE kind = 'FUNCTION' AND name = 'old'")" "ts"
expect_eq "CPython confirms the function of the file it compiled" \
  "$(q "$TMP/both" "SELECT replace(evidence, ',', '+') FROM cpg_nodes WHERE kind = 'FUNCTION' AND name = 'old'")" "ts+cpython"
expect_eq "the function of the file CPython 3.11 cannot compile stays ts (its diagnostic says why)" \
  "$(q "$TMP/both" "SELECT evidence FROM cpg_nodes WHERE kind = 'FUNCTION' AND name = 'new'")" "ts"
expect_eq "a DEFINES edge the symtable confirms" \
  "$(q "$TMP/both" "SELECT replace(e.evidence, ',', '+') FROM cpg_edges e JOIN cpg_nodes n ON n.node_id = e.dst WHERE e.kind = 'DEFINES' AND n.name = 'old'")" "ts+cpython"
expect_eq "no conflict on the small repository" "$(q "$TMP/both" "SELECT count(*) FROM evidence_conflicts")" "0"

# `del x` makes x local (the binder and the comparison with the symtable agree on it); a
# class-private name is compared mangled.
mkdir -p "$TMP/scopes"
printf 'b = 1
def f():
    del b
class C:
    __p = 1
    def m(self):
        global __g
        return __p
' >"$TMP/scopes/m.py"
"$CA" build "$TMP/scopes" -o "$TMP/scopes_out" --layers ts,cpython --keep-evidence -q
expect_eq "scope classification agrees on del and mangled names" \
  "$(q "$TMP/scopes_out" "SELECT count(*) || ' ' || count(*) FILTER (WHERE ours IS NOT DISTINCT FROM theirs) FROM ev_scope_symbols WHERE name IN ('b', '_C__p', '_C__g')")" "4 4"

src=/usr/lib/python3/dist-packages/requests
[ -d "$src" ] || { fail "$src is missing: run scripts/setup.sh (it installs python3-requests)"; finish; }
"$CA" build "$src" -o "$TMP/j1" -j1 --layers ts,cpython --keep-evidence -q
"$CA" build "$src" -o "$TMP/j2" -j2 --layers ts,cpython --keep-evidence -q
for t in py_ast_nodes py_symtable_scopes py_symtable_symbols py_bytecode_instructions diagnostics; do
  "$CA" query "$TMP/j1" "SELECT * FROM $t" --format csv >"$TMP/a.csv"
  "$CA" query "$TMP/j2" "SELECT * FROM $t" --format csv >"$TMP/b.csv"
  rows=$(($(wc -l <"$TMP/a.csv") - 1))
  if [ "$t" != diagnostics ] && [ "$rows" -lt 100 ]; then fail "$t has only $rows rows on requests"; fi
  if cmp -s "$TMP/a.csv" "$TMP/b.csv"; then pass "$t identical at -j1 and -j2 ($rows rows, same order)"
  else fail "$t differs between -j1 and -j2"; fi
done
match=$(q "$TMP/j2" "
  WITH c AS (SELECT kind, name, file_id, bstart FROM cpg_nodes WHERE kind IN ('FUNCTION', 'CLASS'))
  SELECT count(*) || ' ' || count(p.ast_id) FROM c LEFT JOIN py_ast_nodes p
    ON p.file_id = c.file_id AND p.bstart = c.bstart AND p.name = c.name
   AND p.kind IN ('FunctionDef', 'AsyncFunctionDef', 'ClassDef')
   AND (c.kind = 'CLASS') = (p.kind = 'ClassDef')")
read -r total matched <<<"$match"
echo "requests: $matched of $total FUNCTION/CLASS nodes match a CPython def/class by name and start byte"
if [ "$total" -gt 100 ] && [ "$matched" = "$total" ]; then pass "every FUNCTION/CLASS matches ($matched/$total)"
else fail "FUNCTION/CLASS vs CPython ast: $matched/$total"; fi
confirmed=$(q "$TMP/j2" "SELECT count(*) FILTER (WHERE NOT contains(evidence, 'cpython')) FROM cpg_nodes WHERE kind IN ('FUNCTION', 'CLASS')")
expect_eq "every FUNCTION/CLASS node's evidence has cpython" "$confirmed" "0"
agreement=$(q "$TMP/j2" "SELECT count(*) FILTER (WHERE ours IS NOT DISTINCT FROM theirs) * 1000 >= count(*) * 999 FROM ev_scope_symbols")
expect_eq "scope classification agrees with the symtable on >= 99.9% of names" "$agreement" "true"
if "$CA" diag "$TMP/j2" --evidence >"$TMP/evidence.txt" 2>"$ERR" &&
  grep -q "scope classification (function scopes)  *cpython" "$TMP/evidence.txt" &&
  grep -q "^  FUNCTION  *cpython" "$TMP/evidence.txt"; then
  pass "diag --evidence reports the rates per kind"
else fail "diag --evidence: $(cat "$TMP/evidence.txt" "$ERR")"; fi
expect_status "diag --evidence on a plain build" 0 "$CA" diag "$TMP/plain" --evidence
# Without --keep-evidence the file has no evidence tables: diag --evidence says how to get them.
"$CA" build "$TMP/repo" -o "$TMP/lean" --layers ts,cpython -q
expect_status "diag --evidence without the evidence tables" 2 "$CA" diag "$TMP/lean" --evidence
if grep -qF "e.g. \`codeanatomy build $(cd "$TMP/repo" && pwd -P) -o $TMP/lean --layers ts,cpython --keep-evidence\`" "$ERR"; then
  pass "diag --evidence names --keep-evidence"
else fail "diag --evidence without evidence tables: $(cat "$ERR")"; fi
expect_eq "the cpython layer's word is in the graph without the evidence tables" \
  "$(q "$TMP/lean" "SELECT evidence FROM cpg_nodes WHERE kind = 'FUNCTION' AND name = 'old'")" \
  "$(q "$TMP/both" "SELECT evidence FROM cpg_nodes WHERE kind = 'FUNCTION' AND name = 'old'")"
finish
