#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (nothing of it is committed).

usage: make_seeds.py OUT_DIR [SOURCE_DIR...]

OUT_DIR/file_job/ gets one seed per Python file: every file of every golden case
(tests/golden/cases, split at its "#--- path: ... ---#" separators, with the bytes the
harness would write) and every *.py below the SOURCE_DIRs (e.g. ../shared/bench).
OUT_DIR/program/ gets multi-file seeds in program_fuzzer's format: up to three files
joined by NUL bytes, each starting with "@path" on its own line.
OUT_DIR/scip_reader/ gets seeds in scip_reader_fuzzer's format: a golden case's first file,
a NUL byte, then a SCIP index of it (pkg/mod.py) written here with a minimal protobuf
encoder: its identifiers as occurrences, in each position encoding, with symbols,
relationships, external symbols and documents the build does not have; and, when node and
.deps/scip-python are there, the indexes scip-python itself writes for a few of the cases.
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

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


# --- scip_reader seeds: a minimal protobuf writer and reader for scip.Index -------------

SCIP_MAX_SEED = 8192  # bench/fuzz.sh's -max_len: a longer seed would be cut
SCIP_MAX_SOURCE = 3000


def varint(n):
    n &= (1 << 64) - 1  # negative int32s are written as 64-bit two's complement
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def pb_int(field, value):
    return varint(field << 3) + varint(value) if value else b""


def pb_bytes(field, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return varint(field << 3 | 2) + varint(len(data)) + data


def pb_packed(field, numbers):
    return pb_bytes(field, b"".join(varint(n) for n in numbers)) if numbers else b""


def pb_fields(data):
    """The (field, wire type, value) of a message's bytes; raises ValueError when bad."""
    pos, out = 0, []

    def read_varint():
        nonlocal pos
        shift = value = 0
        while True:
            if pos >= len(data) or shift > 63:
                raise ValueError("truncated varint")
            byte = data[pos]
            pos += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value

    while pos < len(data):
        key = read_varint()
        field, wire = key >> 3, key & 7
        if wire == 0:
            value = read_varint()
        elif wire == 2:
            n = read_varint()
            value, pos = data[pos : pos + n], pos + n
        elif wire in (1, 5):
            n = 8 if wire == 1 else 4
            value, pos = data[pos : pos + n], pos + n
        else:
            raise ValueError("unsupported wire type")
        out.append((field, wire, value))
    return out


def pb_write_fields(fields):
    out = b""
    for field, wire, value in fields:
        if wire == 2:
            out += pb_bytes(field, value)
        elif wire == 0:
            out += varint(field << 3) + varint(value)
        else:
            out += varint(field << 3 | wire) + value
    return out


def source_text(data):
    """The text of a file as the scan decodes it (roughly), or None."""
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    encoding = "utf-8"
    for line in body.split(b"\n")[:2]:
        m = re.match(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", line)
        if m:
            encoding = m.group(1).decode("ascii")
            break
    try:
        return body.decode(encoding), bom
    except (LookupError, UnicodeDecodeError):
        return None, bom


def units(s, encoding):
    if encoding == 1:
        return len(s.encode("utf-8"))
    if encoding == 3:
        return len(s)
    return len(s.encode("utf-16-le")) // 2  # 2 and unspecified (0)


def symbol_info(symbol, kind, n):
    relationships = b""
    if n % 3 == 0:
        relationships = pb_bytes(4, pb_bytes(1, "scip-python python p 0 builtins/object#") +
                                 pb_int(3, 1) + pb_int(2, n % 2))
    return pb_bytes(3, pb_bytes(1, symbol) + pb_bytes(3, f"```python\n{symbol}\n```") +
                    (pb_bytes(3, "second paragraph") if n % 2 else b"") + relationships +
                    pb_int(5, kind) + pb_bytes(6, symbol.rsplit("/", 1)[-1]) +
                    (pb_bytes(8, "scip-python python p 0 mod/__init__:") if n % 4 == 1 else b""))


def scip_seed(data, variant):
    """A scip_reader seed for one file: its bytes, NUL, an index of its identifiers."""
    text, bom = source_text(data)
    if text is None or b"\0" in data:
        return None
    if len(data) > SCIP_MAX_SOURCE:
        cut = data.rfind(b"\n", 0, SCIP_MAX_SOURCE)
        data = data[: cut + 1 if cut > 0 else SCIP_MAX_SOURCE]
        text, bom = source_text(data)
        if text is None:
            return None
    encoding = variant % 4  # unspecified, utf8, utf16, utf32
    pieces = re.split(r"(\r\n|\r|\n)", text)
    occurrences, symbols, seen = b"", b"", {}
    for line_no, line in enumerate(pieces[0::2]):
        prefix = "\ufeff" if bom and line_no == 0 and encoding == 0 else ""
        for m in re.finditer(r"[^\W\d]\w*", line):
            name = m.group()
            start = units(prefix + line[: m.start()], encoding)
            end = units(prefix + line[: m.end()], encoding)
            symbol = seen.get(name)
            roles = 8
            if symbol is None:
                symbol = (f"local {len(seen)}" if name.islower() and len(seen) % 5 == 4
                          else f"scip-python python p 0 mod/{name}.")
                seen[name] = symbol
                roles = 1 if len(seen) % 7 else 2
                symbols += symbol_info(symbol, [0, 7, 17, 26, 61, 37, 99][len(seen) % 7],
                                       len(seen))
            rng = [line_no, start, end] if (len(seen) + variant) % 4 else [line_no, start,
                                                                           line_no, end]
            enclosing = []
            if roles == 1 and len(seen) % 3 == 0:
                last = len(pieces[0::2]) - 1
                enclosing = [line_no, 0, last, units(pieces[0::2][last], encoding)]
            occurrences += pb_bytes(2, pb_packed(1, rng) + pb_bytes(2, symbol) +
                                    pb_int(3, roles) + pb_packed(7, enclosing))
            if len(occurrences) + len(symbols) > SCIP_MAX_SEED - len(data) - 400:
                break
        else:
            continue
        break
    path = "./pkg/mod.py" if variant % 5 == 3 else "pkg/mod.py"
    doc = (pb_bytes(1, path) + occurrences + symbols + pb_bytes(4, "python") +
           pb_int(6, encoding))
    metadata = pb_bytes(1, pb_bytes(2, pb_bytes(1, "seed") + pb_bytes(2, "0")) +
                        pb_bytes(3, "file:///seed") + pb_int(4, 1))
    extra = b""
    if variant % 3 == 0:  # a document the build does not have, one without text
        extra += pb_bytes(2, pb_bytes(1, "other/unknown.py") + pb_bytes(2, pb_packed(1, [0, 0, 1])))
        extra += pb_bytes(2, pb_bytes(1, "main.py") + pb_bytes(2, pb_packed(1, [0, 0, 1]) +
                                                              pb_bytes(2, "local 0")))
    external = pb_bytes(3, pb_bytes(1, "scip-python python python-stdlib 3.11 builtins/len().") +
                        pb_int(5, 17) + pb_bytes(3, "Return the number of items."))
    return data + b"\0" + metadata + pb_bytes(2, doc) + extra + external


def scip_python_seeds(cases):
    """Seeds from the index scip-python writes for `cases` [(name, bytes)], if it is here."""
    index_js = os.path.join(HERE, "..", "..", ".deps", "scip-python", "index.js")
    if not shutil.which("node") or not os.path.exists(index_js):
        print("scip_reader: node or .deps/scip-python missing, no scip-python seeds")
        return []
    with tempfile.TemporaryDirectory() as tmp:
        project = os.path.join(tmp, "p")
        os.makedirs(project)
        by_path = {}
        for i, (_, data) in enumerate(cases):
            by_path[f"c{i}.py"] = data
            with open(os.path.join(project, f"c{i}.py"), "wb") as f:
                f.write(data)
        env = os.path.join(tmp, "env.json")
        with open(env, "w") as f:
            json.dump([], f)
        out = os.path.join(tmp, "index.scip")
        try:
            subprocess.run(["node", index_js, "index", "--quiet", "--cwd", project,
                            "--project-name", "p", "--project-version", "0",
                            "--environment", env, "--output", out],
                           check=True, timeout=300, capture_output=True)
            with open(out, "rb") as f:
                index = pb_fields(f.read())
        except (OSError, subprocess.SubprocessError, ValueError) as e:
            print(f"scip_reader: scip-python failed ({e}), no scip-python seeds")
            return []
    metadata = [(f, w, v) for f, w, v in index if f == 1]
    seeds = []
    for field, wire, value in index:
        if field != 2 or wire != 2:
            continue
        doc = pb_fields(value)
        path = next((v.decode() for f, w, v in doc if f == 1 and w == 2), "")
        if path not in by_path:
            continue
        doc = [(f, w, b"pkg/mod.py" if f == 1 else v) for f, w, v in doc]
        index_bytes = pb_write_fields(metadata) + pb_bytes(2, pb_write_fields(doc))
        seeds.append(by_path[path] + b"\0" + index_bytes)
    return seeds


def main():
    out = sys.argv[1]
    sources = sys.argv[2:]
    per_file = os.path.join(out, "file_job")
    program = os.path.join(out, "program")
    scip_reader = os.path.join(out, "scip_reader")
    os.makedirs(per_file, exist_ok=True)
    os.makedirs(program, exist_ok=True)
    os.makedirs(scip_reader, exist_ok=True)
    small_cases = []
    for variant, name in enumerate(sorted(os.listdir(GOLDEN))):
        with open(os.path.join(GOLDEN, name), encoding="utf-8", errors="replace") as f:
            files = golden_files(f.read())
        for _, data in files:
            write(per_file, data)
        write(program, program_seed(files))
        seed = scip_seed(files[0][1], variant)
        if seed is not None and len(seed) <= SCIP_MAX_SEED:
            write(scip_reader, seed)
        if len(files[0][1]) < 1500 and b"\0" not in files[0][1] and len(small_cases) < 40:
            small_cases.append((name, files[0][1]))
    for seed in scip_python_seeds(small_cases):
        if len(seed) <= SCIP_MAX_SEED:
            write(scip_reader, seed)
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
    for d in (per_file, program, scip_reader):
        print(f"{len(os.listdir(d))} seeds in {d}")


if __name__ == "__main__":
    main()
