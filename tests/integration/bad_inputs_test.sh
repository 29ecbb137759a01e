#!/usr/bin/env bash
# Bad input never stops a build: each bad file gets its status and a diagnostic, every
# other file is complete.
source "$(dirname "$0")/lib.sh"
r="$TMP/repo"
mkdir -p "$r/dir.py"
printf 'def good():\n    return 1\n' >"$r/good.py"
printf 'x = "\xff\xfe caf\xe9"\n' >"$r/bad_utf8.py"
printf '# -*- coding: latin-1 -*-\nname = "caf\xe9"\nother = name\n' >"$r/latin1.py"
printf '\xef\xbb\xbfbom_var = 1\nprint(bom_var)\n' >"$r/bom.py"
printf '\x89PNG\r\n\x1a\n\x00\x00\xff\xd8' >"$r/binary.py"
printf 'a = 1\x00\n' >"$r/nul.py"
: >"$r/empty.py"
printf '# only a comment\n' >"$r/comments.py"
printf 'def before():\n    pass\n\ndef broken(:\n    pass\n\ndef after():\n    pass\n' >"$r/syntax.py"
printf 'print "hello"\nvalue = 2\n' >"$r/py2.py"
printf 'a = 1\r\nb = a\r\n' >"$r/crlf.py"
ln -s "$r/missing-target.py" "$r/broken_link.py"
printf 'x = 1\n' >"$r/with space.py"

expect_status "build with bad inputs succeeds" 0 "$CA" build "$r" -o "$TMP/out" -j2
status() { q "$TMP/out" "SELECT status FROM repo_files WHERE path = '$1'"; }
expect_eq "good.py ok" "ok" "$(status good.py)"
expect_eq "invalid UTF-8 -> decode_error" "decode_error" "$(status bad_utf8.py)"
expect_eq "latin-1 with declaration decoded" "ok" "$(status latin1.py)"
expect_eq "latin-1 encoding recorded" "ISO-8859-1" "$(q "$TMP/out" "SELECT upper(encoding) FROM repo_files WHERE path = 'latin1.py'")"
# In latin1.py, line 3 'other = name': 'name' starts at byte 26+13+1+7... computed from the file.
want=$(python3 -c 'import sys; b=open(sys.argv[1],"rb").read(); print(b.index(b"name", b.index(b"other")))' "$r/latin1.py")
expect_eq "latin-1 reference span in original bytes" "$want" \
  "$(q "$TMP/out" "SELECT bstart FROM cpg_nodes WHERE kind = 'REFERENCE' AND path = 'latin1.py' AND name = 'name'")"
expect_eq "BOM file ok" "ok" "$(status bom.py)"
expect_eq "BOM reference offset counts the BOM" "3" \
  "$(q "$TMP/out" "SELECT bstart FROM cpg_nodes WHERE kind = 'VARIABLE' AND path = 'bom.py'")"
expect_eq "binary -> decode_error" "decode_error" "$(status binary.py)"
expect_eq "binary diagnostic" "binary_file" "$(q "$TMP/out" "SELECT code FROM diagnostics WHERE path = 'binary.py'")"
expect_eq "NUL in valid UTF-8 -> syntax_error" "syntax_error" "$(status nul.py)"
expect_eq "NUL diagnostic" "null_byte" "$(q "$TMP/out" "SELECT code FROM diagnostics WHERE path = 'nul.py'")"
expect_eq "empty file ok" "ok" "$(status empty.py)"
expect_eq "empty file reported" "empty_file" "$(q "$TMP/out" "SELECT code FROM diagnostics WHERE path = 'empty.py'")"
expect_eq "comment-only file ok" "ok" "$(status comments.py)"
expect_eq "syntax error status" "syntax_error" "$(status syntax.py)"
expect_eq "functions around a syntax error kept" "after before" \
  "$(q "$TMP/out" "SELECT string_agg(name, ' ' ORDER BY name) FROM cpg_nodes WHERE kind = 'FUNCTION' AND path = 'syntax.py' AND name <> 'broken'")"
expect_eq "syntax error DIAGNOSTIC node linked to its file" "yes" \
  "$(q "$TMP/out" "SELECT CASE WHEN count(*) > 0 THEN 'yes' ELSE 'no' END FROM cpg_edges e JOIN cpg_nodes d ON d.node_id = e.dst
      WHERE e.kind = 'HAS_DIAGNOSTIC' AND d.path = 'syntax.py'")"
expect_eq "Python 2 file keeps later facts" "value" \
  "$(q "$TMP/out" "SELECT name FROM cpg_nodes WHERE kind = 'VARIABLE' AND path = 'py2.py'")"
expect_eq "CRLF: b on line 2" "2" "$(q "$TMP/out" "SELECT start_line FROM cpg_nodes WHERE kind = 'VARIABLE' AND path = 'crlf.py' AND name = 'b'")"
expect_eq "broken symlink -> unreadable" "unreadable" "$(status broken_link.py)"
expect_eq "directory named dir.py is not a file" "0" "$(q "$TMP/out" "SELECT count(*) FROM repo_files WHERE path = 'dir.py'")"
expect_eq "file name with a space" "ok" "$(status 'with space.py')"
expect_eq "every bad file has a diagnostic" "0" \
  "$(q "$TMP/out" "SELECT count(*) FROM repo_files f WHERE status <> 'ok' AND NOT EXISTS (SELECT 1 FROM diagnostics d WHERE d.file_id = f.file_id)")"
printf 'x = 1\n%.0s' $(seq 1 2000) >"$r/big.py"
expect_status "build with a tiny --max-file-size" 0 "$CA" build "$r" -o "$TMP/out2" --max-file-size 100
expect_eq "large file -> too_large" "too_large" "$(q "$TMP/out2" "SELECT status FROM repo_files WHERE path = 'big.py'")"
expect_eq "too_large diagnostic names the flag" "1" \
  "$(q "$TMP/out2" "SELECT count(*) FROM diagnostics WHERE path = 'big.py' AND message LIKE '%--max-file-size%'")"
finish
