#!/usr/bin/env python3
"""Extracts the queries of docs/cookbook.md for cookbook_test.sh.

Every ```sql block must follow a `<!-- query: ID -->` marker (other text may come between
them, another fenced block may not). For each, writes OUTDIR/ID.sql and, when the block is
followed by a plain ``` block (the result shown to readers), OUTDIR/ID.shown. Exits 1 with a
message naming the line when a block has no id, an id is used twice or malformed, or a
marker has no query.
"""
import re
import sys
from pathlib import Path

MARKER = re.compile(r"^<!--\s*query:\s*(\S+)\s*-->\s*$")
FENCE = re.compile(r"^```(\S*)\s*$")
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def blocks(lines):
    """Yields (kind, value, line_number): ('marker', id, n) or ('fence', (lang, text), n)."""
    i = 0
    while i < len(lines):
        m = MARKER.match(lines[i])
        if m:
            yield "marker", m.group(1), i + 1
            i += 1
            continue
        f = FENCE.match(lines[i])
        if f:
            start = i
            i += 1
            body = []
            while i < len(lines) and not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            if i == len(lines):
                raise SystemExit(f"cookbook.md:{start + 1}: code block never closed")
            yield "fence", (f.group(1), "\n".join(body) + "\n"), start + 1
        i += 1


def main():
    doc, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    errors = []
    seen = set()
    pending = None  # (id, line) of a marker waiting for its query
    last_query = None  # id of the query just read, waiting for a result block
    for kind, value, line in blocks(doc.read_text(encoding="utf-8").splitlines()):
        if kind == "marker":
            if pending:
                errors.append(f"cookbook.md:{pending[1]}: query id {pending[0]} has no ```sql block")
            if not ID.match(value):
                errors.append(f"cookbook.md:{line}: query id {value!r}: use lowercase words and -")
            if value in seen:
                errors.append(f"cookbook.md:{line}: query id {value} used twice")
            seen.add(value)
            pending = (value, line)
            last_query = None
            continue
        lang, text = value
        if lang == "sql":
            if not pending:
                errors.append(f"cookbook.md:{line}: ```sql block without a <!-- query: ID --> "
                              "marker before it: every query must be tested")
                last_query = None
                continue
            (out / f"{pending[0]}.sql").write_text(text, encoding="utf-8")
            last_query = pending[0]
            pending = None
        elif lang == "" and last_query:
            (out / f"{last_query}.shown").write_text(text, encoding="utf-8")
            last_query = None
        else:
            if pending:
                errors.append(f"cookbook.md:{line}: a ```{lang} block between the marker of "
                              f"{pending[0]} (line {pending[1]}) and its ```sql block")
                pending = None
            last_query = None
    if pending:
        errors.append(f"cookbook.md:{pending[1]}: query id {pending[0]} has no ```sql block")
    for e in errors:
        print(e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
