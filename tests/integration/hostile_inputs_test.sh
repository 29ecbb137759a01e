#!/usr/bin/env bash
# A corpus of hostile inputs generated here (nothing binary is committed): the build
# finishes, every good file is complete, every bad file has its status and a diagnostic,
# and diag finds the graph consistent.
source "$(dirname "$0")/lib.sh"
r="$TMP/repo"
mkdir -p "$r/pkg"
printf 'def good():\n    return 1\n' >"$r/pkg/good.py"
# CA_HOSTILE_SCALE divides the size of the large-but-allowed module where each file is slower
# to process (the sanitizer run); the nesting depths stay (they test the stack).
python3 - "$r" "${CA_HOSTILE_SCALE:-1}" <<'PY'
import os, sys
r = sys.argv[1]
scale = int(sys.argv[2])
def w(name, data):
    with open(os.path.join(r, name), "wb") as f:
        f.write(data)
w("deep_parens.py", b"x = " + b"(" * 100000 + b"1" + b")" * 100000 + b"\n")
w("deep_subscripts.py", b"y = a" + b"[0]" * 100000 + b"\n")
w("one_line.py", b"; ".join(b"v%d = %d" % (i, i) for i in range(50000)) + b"\n")
w("huge.py", b"# padding\n" * 1200000)  # 12 MB, over the default 10 MiB limit
w("big.py", b"".join(b"def f%d(a, b=1):\n    return g(a) + b\n" % i for i in range(100000 // scale)))
w("utf16.py", "x = 1\n".encode("utf-16"))
w("lone_cr.py", b"a = 1\rb = a\r")
w("only_comments.py", b"# one\n# two\n")
w("py2.py", b"print 'x'\nexec 'y = 1'\nz = 3\n")
w("errors.py", b"def f(:\nclass :\n  x = = 1\nif\nreturn )\nlambda: (\n")
w("nul.py", b"a = 1\x00\n")
w("name with\nnewline.py", b"n = 1\n")
w("caf\u00e9.py", b"e = 1\n")
PY
ln -s loop_b.py "$r/loop_a.py"; ln -s loop_a.py "$r/loop_b.py"
ln -s "$r/pkg" "$r/pkg_link"
mkdir -p "$r/dir.py"

start=$(date +%s)
expect_status "build of the hostile corpus succeeds" 0 "$CA" build "$r" -o "$TMP/out" -j2
secs=$(( $(date +%s) - start ))
[ "$secs" -lt 120 ] && pass "finished in ${secs}s" || fail "took ${secs}s"
status() { q "$TMP/out" "SELECT status FROM repo_files WHERE path = '$1'"; }
expect_eq "good file complete" "good" "$(q "$TMP/out" "SELECT name FROM cpg_nodes WHERE kind = 'FUNCTION' AND path = 'pkg/good.py'")"
expect_eq "deep parentheses ok" "ok" "$(status deep_parens.py)"
expect_eq "deep subscripts ok" "ok" "$(status deep_subscripts.py)"
expect_eq "50,000 statements on one line" "50000" "$(q "$TMP/out" "SELECT count(*) FROM cpg_nodes WHERE kind = 'VARIABLE' AND path = 'one_line.py'")"
expect_eq "huge file over the default size limit" "too_large" "$(status huge.py)"
expect_eq "large generated module indexed (4 MB unless scaled)" "$((100000 / ${CA_HOSTILE_SCALE:-1}))" "$(q "$TMP/out" "SELECT count(*) FROM cpg_nodes WHERE kind = 'FUNCTION' AND path = 'big.py'")"
expect_eq "UTF-16 file refused" "decode_error" "$(status utf16.py)"
expect_eq "lone CR line endings: b on line 2" "2" "$(q "$TMP/out" "SELECT start_line FROM cpg_nodes WHERE kind = 'VARIABLE' AND path = 'lone_cr.py' AND name = 'b'")"
expect_eq "comment-only file ok" "ok" "$(status only_comments.py)"
expect_eq "Python 2 statements are syntax errors" "syntax_error" "$(status py2.py)"
expect_eq "Python 2 file keeps later facts" "z" "$(q "$TMP/out" "SELECT name FROM cpg_nodes WHERE kind = 'VARIABLE' AND path = 'py2.py'")"
expect_eq "many syntax errors" "syntax_error" "$(status errors.py)"
expect_eq "NUL byte" "syntax_error" "$(status nul.py)"
expect_eq "file name with a newline" "ok" "$(q "$TMP/out" "SELECT status FROM repo_files WHERE path = 'name with' || chr(10) || 'newline.py'")"
expect_eq "non-ASCII file name" "ok" "$(status 'café.py')"
expect_eq "symlink loop reported" "unreadable unreadable" "$(q "$TMP/out" "SELECT string_agg(status, ' ' ORDER BY path) FROM repo_files WHERE path LIKE 'loop_%'")"
expect_eq "symlinked directory not followed" "0" "$(q "$TMP/out" "SELECT count(*) FROM repo_files WHERE path LIKE 'pkg_link/%'")"
expect_eq "size limit reported: the size, the limit and the option" "scan warning 1 1" \
  "$(q "$TMP/out" "SELECT layer || ' ' || severity || ' ' || (message LIKE '%12000000 bytes%limit of 10485760 bytes%')::INT || ' ' || (message LIKE '%--max-file-size%')::INT FROM diagnostics WHERE path = 'huge.py' AND code = 'too_large'")"
expect_eq "every bad file has a diagnostic" "0" \
  "$(q "$TMP/out" "SELECT count(*) FROM repo_files f WHERE status <> 'ok' AND NOT EXISTS (SELECT 1 FROM diagnostics d WHERE d.file_id = f.file_id)")"
expect_status "diag clean on the hostile corpus" 0 "$CA" diag "$TMP/out"
expect_status "large file indexed with a raised limit" 0 "$CA" build "$r" -o "$TMP/out2" -j2 -q --max-file-size 50000000
expect_eq "huge file indexed with a raised limit" "ok" "$(q "$TMP/out2" "SELECT status FROM repo_files WHERE path = 'huge.py'")"
# The parse time budget: a file over it keeps its row, gets status too_large and a
# diagnostic naming the budget and the option; small files parse within it.
mkdir -p "$TMP/slow"
cp "$r/big.py" "$r/pkg/good.py" "$TMP/slow/"
expect_status "build with a 1 ms parse budget" 0 "$CA" build "$TMP/slow" -o "$TMP/out3" -j2 -q --parse-timeout-ms 1
expect_eq "file over the parse budget" "too_large" "$(q "$TMP/out3" "SELECT status FROM repo_files WHERE path = 'big.py'")"
expect_eq "parse budget reported: the budget and the option" "ts 1 1" \
  "$(q "$TMP/out3" "SELECT layer || ' ' || (message LIKE '%within 1 ms%')::INT || ' ' || (message LIKE '%--parse-timeout-ms%')::INT FROM diagnostics WHERE path = 'big.py' AND code = 'parse_timeout'")"
expect_eq "file within the parse budget" "ok" "$(q "$TMP/out3" "SELECT status FROM repo_files WHERE path = 'good.py'")"
finish
