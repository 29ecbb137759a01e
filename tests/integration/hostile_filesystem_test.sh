#!/usr/bin/env bash
# Files that move under a build: one the build's user may not read (run as an unprivileged
# user, so that the test also means something when the suite runs as root), one deleted
# between the scan and its read, and one rewritten again and again during the build. The
# build finishes; the bad file has its status and a diagnostic; the rest is complete; the
# rewritten file's rows come from one read whose bytes content_hash identifies.
source "$(dirname "$0")/lib.sh"

# --- 1. A file the user cannot read -------------------------------------------------------
# As root every file is readable: build as uid/gid 65534 (nobody) on a copy that user owns.
as_unprivileged() {
  if [ "$(id -u)" != 0 ]; then "$@"
  elif command -v setpriv >/dev/null; then setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
  else runuser -u nobody -- "$@"
  fi
}
if [ "$(id -u)" = 0 ] && ! command -v setpriv >/dev/null && ! command -v runuser >/dev/null; then
  fail "running as root without setpriv or runuser: cannot test an unreadable file"
fi
chmod 711 "$TMP"
u="$TMP/unprivileged"
mkdir -p "$u/repo/pkg"
printf 'def good():\n    return 1\n' >"$u/repo/pkg/good.py"
printf 'from pkg.good import good\ngood()\n' >"$u/repo/main.py"
printf 'SECRET = 1\n' >"$u/repo/secret.py"
# The checkout may sit where that user cannot reach (e.g. under /root): it runs a copy of the
# binary and of the DuckDB library it loads (found first through LD_LIBRARY_PATH).
ca_unprivileged="$CA"
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$u/bin"
  cp "$CA" "$u/bin/codeanatomy"
  ldd "$CA" | awk '/libduckdb/ {print $3}' | xargs -r cp -t "$u/bin"
  ca_unprivileged="$u/bin/codeanatomy"
  chown -R 65534:65534 "$u"
fi
chmod 000 "$u/repo/secret.py"
expect_status "build as an unprivileged user with an unreadable file" 0 \
  as_unprivileged env LD_LIBRARY_PATH="$u/bin" "$ca_unprivileged" build "$u/repo" -o "$u/out" -j2 -q
expect_eq "unreadable file has status unreadable" "unreadable" \
  "$(q "$u/out" "SELECT status FROM repo_files WHERE path = 'secret.py'")"
expect_eq "unreadable file has a diagnostic saying why" "scan error unreadable 1" \
  "$(q "$u/out" "SELECT layer || ' ' || severity || ' ' || code || ' ' || (message LIKE '%Permission denied%')::INT FROM diagnostics WHERE path = 'secret.py'")"
expect_eq "the other files are complete" "ok ok" \
  "$(q "$u/out" "SELECT string_agg(status, ' ' ORDER BY path) FROM repo_files WHERE path <> 'secret.py'")"
expect_eq "calls across the other files resolved" "pkg.good.good" \
  "$(q "$u/out" "SELECT n.qualname FROM cpg_edges e JOIN cpg_nodes n ON n.node_id = e.dst WHERE e.kind = 'CALLS' AND e.path = 'main.py'")"
expect_status "diag clean with an unreadable file" 0 "$CA" diag "$u/out"

# --- 2. A file deleted between the scan and its read ---------------------------------------
# One worker reads the files in path order: a_slow.py (a few MB) keeps it busy while the
# file after it is deleted, as soon as the build reports its scan.
d="$TMP/deleted"
mkdir -p "$d"
# CA_HOSTILE_SCALE divides its size where each file is slower to process (the sanitizer run).
python3 - "$d/a_slow.py" "${CA_HOSTILE_SCALE:-1}" <<'PY'
import sys
n = 150000 // int(sys.argv[2])
with open(sys.argv[1], "w") as f:
    f.write("".join(f"def f{i}(a, b=1):\n    return g(a) + b\n" for i in range(n)))
PY
printf 'def kept():\n    return 2\n' >"$d/b_kept.py"
printf 'GONE = 1\n' >"$d/z_gone.py"
"$CA" build "$d" -o "$TMP/deleted_out" -j1 -v --parse-timeout-ms 0 >"$TMP/deleted.out" 2>"$TMP/deleted.err" &
build_pid=$!
for _ in $(seq 1 3000); do
  grep -q 'scanned [0-9]* Python files' "$TMP/deleted.err" && break
  sleep 0.01
done
rm -f "$d/z_gone.py"
set +e; wait "$build_pid"; rc=$?; set -e
expect_eq "build with a file deleted after the scan succeeds" "0" "$rc"
expect_eq "deleted file listed as unreadable" "unreadable" \
  "$(q "$TMP/deleted_out" "SELECT status FROM repo_files WHERE path = 'z_gone.py'")"
expect_eq "deleted file's diagnostic says it is gone" "unreadable 1" \
  "$(q "$TMP/deleted_out" "SELECT code || ' ' || (message LIKE '%No such file%')::INT FROM diagnostics WHERE path = 'z_gone.py'")"
expect_eq "the files around it are complete" "$((150000 / ${CA_HOSTILE_SCALE:-1})) 1" \
  "$(q "$TMP/deleted_out" "SELECT count(*) FILTER (WHERE path = 'a_slow.py') || ' ' || count(*) FILTER (WHERE path = 'b_kept.py') FROM cpg_nodes WHERE kind = 'FUNCTION'")"

# --- 3. A file rewritten during the build ---------------------------------------------------
# A writer truncates and rewrites changing.py in 4 KiB writes, alternating two versions
# (functions fa_N / fb_N), for the whole build. Whatever the read saw, the rows must be those
# of one read: content_hash is the XXH3-128 of a prefix of one version (the file is always a
# prefix of one, since it is truncated before each rewrite) and every function is of that
# version; or the build says the file kept changing while being read.
c="$TMP/changing"
mkdir -p "$c"
printf 'def other():\n    return 3\n' >"$c/other.py"
cat >"$TMP/versions.py" <<'PY'
def version(tag, n):
    return "".join(f"def f{tag}_{i:06d}(x):\n    return x + {i}\n" for i in range(n)).encode()
VERSIONS = {"a": version("a", 40000), "b": version("b", 30000)}
PY
cat >"$TMP/writer.py" <<'PY'
import os, sys
sys.path.insert(0, os.path.dirname(sys.argv[0]))
from versions import VERSIONS
path, stop = sys.argv[1], sys.argv[2]
rewrites = 0
# One descriptor kept open: ext4 flushes a truncated-and-rewritten file when it is closed,
# which would keep the file empty most of the time instead of growing.
fd = os.open(path, os.O_WRONLY)
while not os.path.exists(stop):
    for data in VERSIONS.values():
        os.ftruncate(fd, 0)
        for i in range(0, len(data), 4096):
            os.pwrite(fd, data[i:i + 4096], i)
        rewrites += 1
        if rewrites == 1:
            open(stop + ".started", "w").close()
print(rewrites)
PY
cat >"$TMP/check_changing.py" <<'PY'
import ctypes, json, os, subprocess, sys
sys.path.insert(0, os.path.dirname(sys.argv[0]))
from versions import VERSIONS
ca, out = sys.argv[1], sys.argv[2]

class Hash(ctypes.Structure):
    _fields_ = [("low64", ctypes.c_uint64), ("high64", ctypes.c_uint64)]
xxh = ctypes.CDLL("libxxhash.so.0")
xxh.XXH3_128bits.restype = Hash
xxh.XXH3_128bits.argtypes = [ctypes.c_char_p, ctypes.c_size_t]
def xxh128(data):
    h = xxh.XXH3_128bits(data, len(data))
    return f"{h.high64:016x}{h.low64:016x}"

def query(sql):
    r = subprocess.run([ca, "query", out, sql, "--format", "json"], check=True,
                       capture_output=True, text=True)
    return json.loads(r.stdout)

f = query("SELECT size_bytes, content_hash, status FROM repo_files WHERE path = 'changing.py'")[0]
names = [r["name"] for r in query(
    "SELECT name FROM cpg_nodes WHERE kind = 'FUNCTION' AND path = 'changing.py'")]
diags = [r["message"] for r in query(
    "SELECT message FROM diagnostics WHERE path = 'changing.py' AND code = 'changed_while_reading'")]
size = f["size_bytes"]
match = [tag for tag, data in VERSIONS.items()
         if size <= len(data) and xxh128(data[:size]) == f["content_hash"]]
if diags and "kept changing" in diags[0]:
    print(f"detected: kept changing ({size} bytes read)")
elif not match:
    sys.exit(f"content_hash {f['content_hash']} ({size} bytes) is no prefix of a version")
elif any(not n.startswith("f" + match[0] + "_") for n in names):
    sys.exit(f"functions of another version than {match[0]} in the rows")
else:
    full = size == len(VERSIONS[match[0]])
    state = "whole" if full else "prefix"
    print(f"{'detected' if diags else 'undetected'}: {state} of version {match[0]}, "
          f"{size} bytes, {len(names)} functions, status {f['status']}")
PY
python3 -c "
import sys; sys.path.insert(0, '$TMP'); from versions import VERSIONS
open('$c/changing.py', 'wb').write(VERSIONS['a'])"
detected=0
for round in 1 2 3; do
  rm -f "$TMP/stop" "$TMP/stop.started"
  python3 "$TMP/writer.py" "$c/changing.py" "$TMP/stop" >"$TMP/rewrites" &
  writer_pid=$!
  for _ in $(seq 1 1000); do [ -e "$TMP/stop.started" ] && break; sleep 0.01; done
  expect_status "build while a file is rewritten (round $round)" 0 \
    "$CA" build "$c" -o "$TMP/changing_out" -j2 -q
  touch "$TMP/stop"
  wait "$writer_pid"
  if result=$(python3 "$TMP/check_changing.py" "$CA" "$TMP/changing_out" 2>&1); then
    pass "rewritten file's rows come from one read (round $round, $(cat "$TMP/rewrites") rewrites): $result"
    case "$result" in detected*) detected=$((detected + 1)) ;; esac
  else
    fail "rewritten file (round $round): $result"
  fi
  expect_eq "the other file is complete (round $round)" "other" \
    "$(q "$TMP/changing_out" "SELECT name FROM cpg_nodes WHERE kind = 'FUNCTION' AND path = 'other.py'")"
done
echo "note: the change was detected in $detected of 3 builds (a read between two writes sees a stable prefix)"
finish
