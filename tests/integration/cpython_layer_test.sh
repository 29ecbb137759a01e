#!/usr/bin/env bash
# The cpython evidence layer (--layers ts,cpython): a file only CPython 3.12 can parse gets
# a cpython diagnostic and keeps its ts rows; the py_* tables are identical at -j1 and -j2;
# on Debian's python3-requests every FUNCTION/CLASS node of cpg_nodes has the
# FunctionDef/AsyncFunctionDef/ClassDef of CPython's ast with the same name and start byte.
source "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/repo/pkg"
printf 'def old(x):\n    return x\n' >"$TMP/repo/pkg/ok.py"
printf 'import os\n\ndef new[T](x: T) -> T:\n    return x\n' >"$TMP/repo/pkg/py312.py"
"$CA" build "$TMP/repo" -o "$TMP/plain" -q
expect_eq "py_* tables exist, empty, without the layer" \
  "$(q "$TMP/plain" "SELECT (SELECT count(*) FROM py_ast_nodes) + (SELECT count(*) FROM py_symtable_scopes) + (SELECT count(*) FROM py_symtable_symbols) + (SELECT count(*) FROM py_bytecode_instructions)")" "0"
"$CA" build "$TMP/repo" -o "$TMP/both" --layers ts,cpython -q
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

src=/usr/lib/python3/dist-packages/requests
[ -d "$src" ] || { fail "$src is missing: run scripts/setup.sh (it installs python3-requests)"; finish; }
"$CA" build "$src" -o "$TMP/j1" -j1 --layers ts,cpython -q
"$CA" build "$src" -o "$TMP/j2" -j2 --layers ts,cpython -q
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
finish
