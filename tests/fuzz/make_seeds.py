#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (nothing of it is committed).

usage: make_seeds.py OUT_DIR [SOURCE_DIR...]

OUT_DIR/file_job/ gets one seed per Python file: every file of every golden case
(tests/golden/cases, split at its "#--- path: ... ---#" separators, with the bytes the
harness would write) and every *.py below the SOURCE_DIRs (e.g. ../shared/bench).
OUT_DIR/program/ gets multi-file seeds in program_fuzzer's format: up to three files
joined by NUL bytes, each starting with "@path" on its own line.
"""
import hashlib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "..", "golden", "cases")
SEPARATOR = re.compile(r"^#--- path: (\S+)(.*?) ---#\s*$")
MAX_SEED = 64 * 1024


def golden_files(text):
    """The (path, bytes) files of one golden case, as the golden harness writes them."""
    files, path, attrs, lines = [], "main.py", "", []

    def flush():
        body = "".join(lines)
        if "bytes: hex" in attrs:
            data = bytes.fromhex("".join(l for l in lines if not l.startswith("#")))
        else:
            if "newline: crlf" in attrs:
                body = body.replace("\n", "\r\n")
            m = re.search(r"encoding: (\S+)", attrs)
            try:
                data = body.encode(m.group(1) if m else "utf-8")
            except (LookupError, UnicodeEncodeError):
                data = body.encode("utf-8")
        files.append((path, data))

    for line in text.splitlines(keepends=True):
        m = SEPARATOR.match(line)
        if m:
            if lines or files:
                flush()
            path, attrs, lines = m.group(1), m.group(2), []
        else:
            lines.append(line)
    flush()
    return [(p, d) for p, d in files if d or p.endswith("__init__.py")]


def write(out_dir, data):
    data = data[:MAX_SEED]
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(out_dir, name), "wb") as f:
        f.write(data)


def program_seed(files):
    return b"\0".join(b"@" + p.encode() + b"\n" + d for p, d in files[:3])


def main():
    out = sys.argv[1]
    sources = sys.argv[2:]
    per_file = os.path.join(out, "file_job")
    program = os.path.join(out, "program")
    os.makedirs(per_file, exist_ok=True)
    os.makedirs(program, exist_ok=True)
    for name in sorted(os.listdir(GOLDEN)):
        with open(os.path.join(GOLDEN, name), encoding="utf-8", errors="replace") as f:
            files = golden_files(f.read())
        for _, data in files:
            write(per_file, data)
        write(program, program_seed(files))
    for source in sources:
        for root, dirs, names in os.walk(source):
            dirs.sort()
            py = sorted(n for n in names if n.endswith(".py"))
            files = []
            for n in py:
                with open(os.path.join(root, n), "rb") as f:
                    data = f.read()
                write(per_file, data)
                rel = os.path.relpath(os.path.join(root, n), root)
                files.append((rel, data))
            if files:
                # A program: main.py (if any) and its neighbours.
                files.sort(key=lambda f: (f[0] != "main.py", f[0]))
                write(program, program_seed(files))
    for d in (per_file, program):
        print(f"{len(os.listdir(d))} seeds in {d}")


if __name__ == "__main__":
    main()
