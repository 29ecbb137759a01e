#!/usr/bin/env python3
"""Compares CodeAnatomy's SCIP export with scip-python's index of the same tree.

Copies a Python package (default: Debian's python3-requests) into a temporary directory,
indexes it with scip-python (scripts/scip-python.sh) and with `codeanatomy build` +
`codeanatomy export scip`, decodes both indexes (a small protobuf wire-format reader below,
standard library only) and reports, separately for definition and reference occurrences:

- range agreement: occurrences at the same document and range (columns converted to UTF-8
  bytes: ours are UTF-8 as our index says, scip-python's are UTF-16 code units, pyright's
  unit, unless its Document.position_encoding says otherwise); precision = agreed / ours,
  recall = agreed / scip-python's;
- for references at an agreed range: whether both indexes lead to the same definition site
  (each index's symbol followed to that index's own Definition occurrences), or both to no
  definition in the index (something external), or not.

On-demand benchmark (it takes a minute), not a CTest test:

    python3 bench/scip_compare.py [--package DIR] [--codeanatomy build/src/codeanatomy]
"""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---- protobuf wire format (just enough for SCIP) -------------------------------------------


def _varint(buf, i):
    shift = result = 0
    while True:
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, i
        shift += 7


def _fields(buf):
    """Yields (field number, wire type, value) of one message."""
    i, n = 0, len(buf)
    while i < n:
        key, i = _varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = _varint(buf, i)
        elif wire == 2:
            length, i = _varint(buf, i)
            value = buf[i:i + length]
            i += length
        elif wire == 1:
            value, i = buf[i:i + 8], i + 8
        elif wire == 5:
            value, i = buf[i:i + 4], i + 4
        else:
            raise ValueError(f"unsupported wire type {wire}")
        yield number, wire, value


def _ints(wire, value):
    """A repeated int32 field: packed (wire type 2) or one element (wire type 0)."""
    if wire == 0:
        return [value]
    out, i = [], 0
    while i < len(value):
        v, i = _varint(value, i)
        out.append(v - (1 << 64) if v >= 1 << 63 else v)
    return out


# SCIP field numbers (proto/scip.proto)
INDEX_DOCUMENTS = 2
DOC_PATH, DOC_OCCURRENCES, DOC_ENCODING = 1, 2, 6
OCC_RANGE, OCC_SYMBOL, OCC_ROLES = 1, 2, 3
ROLE_DEFINITION = 1
ENC_UTF8, ENC_UTF16, ENC_UTF32 = 1, 2, 3


def read_index(path):
    """{relative_path: (position_encoding, [(range, symbol, roles)])}"""
    with open(path, "rb") as f:
        data = f.read()
    docs = {}
    for number, _, value in _fields(data):
        if number != INDEX_DOCUMENTS:
            continue
        rel, encoding, occs = None, 0, []
        for dn, dw, dv in _fields(value):
            if dn == DOC_PATH:
                rel = dv.decode()
            elif dn == DOC_ENCODING:
                encoding = dv
            elif dn == DOC_OCCURRENCES:
                rng, symbol, roles = [], "", 0
                for on, ow, ov in _fields(dv):
                    if on == OCC_RANGE:
                        rng.extend(_ints(ow, ov))
                    elif on == OCC_SYMBOL:
                        symbol = ov.decode()
                    elif on == OCC_ROLES:
                        roles = ov
                if len(rng) == 3:
                    rng = [rng[0], rng[1], rng[0], rng[2]]
                occs.append((tuple(rng), symbol, roles))
        docs[rel] = (encoding, occs)
    return docs


# ---- positions -------------------------------------------------------------------------------


class Lines:
    """Converts a line's character offsets in some encoding to UTF-8 byte offsets."""

    def __init__(self, path):
        with open(path, "rb") as f:
            text = f.read().decode("utf-8", errors="replace")
        self.lines = text.splitlines()

    def to_utf8(self, line, col, encoding):
        if encoding == ENC_UTF8 or line >= len(self.lines):
            return col
        text = self.lines[line]
        if text.isascii():
            return col
        units = 0
        for i, ch in enumerate(text):
            if units >= col:
                return len(text[:i].encode())
            units += (2 if ord(ch) > 0xFFFF else 1) if encoding != ENC_UTF32 else 1
        return len(text.encode()) + (col - units)


def normalize(docs, src_root):
    """{path: [(utf8 range, symbol, roles)]}; unspecified encodings are taken as UTF-16."""
    out = {}
    for rel, (encoding, occs) in docs.items():
        enc = encoding or ENC_UTF16
        lines = Lines(os.path.join(src_root, rel)) if enc != ENC_UTF8 else None
        norm = []
        for (sl, sc, el, ec), symbol, roles in occs:
            if lines:
                sc, ec = lines.to_utf8(sl, sc, enc), lines.to_utf8(el, ec, enc)
            norm.append(((sl, sc, el, ec), symbol, roles))
        out[rel] = norm
    return out


# ---- comparison -------------------------------------------------------------------------------


def symbol_key(path, symbol):
    return (path, symbol) if symbol.startswith("local ") else symbol


def global_def_symbols(docs):
    """{(path, range): symbol} of definitions with a global (non-local) symbol."""
    return {(path, rng): symbol for path, occs in docs.items() for rng, symbol, roles in occs
            if roles & ROLE_DEFINITION and not symbol.startswith("local ")}


def analyse(docs):
    defs = set()  # (path, range)
    refs = collections.defaultdict(set)  # (path, range) -> symbol keys
    def_sites = collections.defaultdict(set)  # symbol key -> (path, range) of definitions
    for path, occs in docs.items():
        for rng, symbol, roles in occs:
            key = symbol_key(path, symbol)
            if roles & ROLE_DEFINITION:
                defs.add((path, rng))
                def_sites[key].add((path, rng))
            else:
                refs[(path, rng)].add(key)
    return defs, refs, def_sites


def ratio(a, b):
    return round(100.0 * a / b, 1) if b else None


def compare(ours, theirs):
    o_defs, o_refs, o_sites = analyse(ours)
    t_defs, t_refs, t_sites = analyse(theirs)
    # Module definitions at [0,0,0] are in both by construction; leave them out.
    o_defs = {d for d in o_defs if d[1] != (0, 0, 0, 0)}
    t_defs = {d for d in t_defs if d[1] != (0, 0, 0, 0)}
    common_defs = o_defs & t_defs
    # Where we see a definition that scip-python does not, it mostly has a reference: it marks
    # only a name's first binding as its definition, we mark every binding site.
    rebinding = len((o_defs - t_defs) & set(t_refs))
    o_global, t_global = global_def_symbols(ours), global_def_symbols(theirs)
    both_global = [site for site in common_defs if site in o_global and site in t_global]
    same_symbol = sum(1 for site in both_global if o_global[site] == t_global[site])
    common_refs = set(o_refs) & set(t_refs)
    same = both_external = differ = ours_only_site = theirs_only_site = 0
    for site in common_refs:
        o_targets = set().union(*(o_sites.get(k, set()) for k in o_refs[site]))
        t_targets = set().union(*(t_sites.get(k, set()) for k in t_refs[site]))
        if o_targets and t_targets:
            if o_targets & t_targets:
                same += 1
            else:
                differ += 1
        elif not o_targets and not t_targets:
            both_external += 1
        elif o_targets:
            ours_only_site += 1
        else:
            theirs_only_site += 1
    with_site_both = same + differ
    return {
        "definitions": {
            "ours": len(o_defs), "scip_python": len(t_defs), "agreed": len(common_defs),
            "precision_pct": ratio(len(common_defs), len(o_defs)),
            "recall_pct": ratio(len(common_defs), len(t_defs)),
            "ours_only_where_scip_python_has_a_reference": rebinding,
            "agreed_with_global_symbols_in_both": len(both_global),
            "agreed_with_identical_symbol": same_symbol,
        },
        "references": {
            "ours": len(o_refs), "scip_python": len(t_refs), "agreed_ranges": len(common_refs),
            "precision_pct": ratio(len(common_refs), len(o_refs)),
            "recall_pct": ratio(len(common_refs), len(t_refs)),
            "agreed_ranges_same_definition": same,
            "agreed_ranges_different_definition": differ,
            "agreed_ranges_both_external": both_external,
            "agreed_ranges_only_ours_in_repo": ours_only_site,
            "agreed_ranges_only_scip_python_in_repo": theirs_only_site,
            "same_definition_pct_of_both_in_repo": ratio(same, with_site_both),
        },
    }


def run(cmd, **kw):
    print("+ " + " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, **kw)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--package", default="/usr/lib/python3/dist-packages/requests",
                    help="a Python package directory (copied, then indexed as its own project)")
    ap.add_argument("--codeanatomy", default=os.path.join(ROOT, "build", "src", "codeanatomy"))
    ap.add_argument("--keep", metavar="DIR", help="work in DIR and keep the indexes")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON only")
    args = ap.parse_args()

    work = args.keep or tempfile.mkdtemp(prefix="scip_compare_")
    os.makedirs(work, exist_ok=True)
    try:
        name = os.path.basename(os.path.normpath(args.package))
        src = os.path.join(work, "src")
        shutil.rmtree(src, ignore_errors=True)
        shutil.copytree(args.package, os.path.join(src, name),
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        theirs_path = os.path.join(work, "scip-python.scip")
        ours_path = os.path.join(work, "codeanatomy.scip")
        run(["bash", os.path.join(ROOT, "scripts", "scip-python.sh"), src, theirs_path, name, "0"])
        run([args.codeanatomy, "build", src, "-o", os.path.join(work, "graph"), "-q", "--keep-evidence"],
            stdout=subprocess.DEVNULL)
        run([args.codeanatomy, "export", "scip", os.path.join(work, "graph"), "-o", ours_path,
             "--project-name", name, "--project-version", "0"])
        ours = normalize(read_index(ours_path), src)
        theirs = normalize(read_index(theirs_path), src)
        figures = compare(ours, theirs)
        figures["package"] = args.package
        figures["documents"] = {"ours": len(ours), "scip_python": len(theirs)}
        if args.json:
            print(json.dumps(figures, indent=2))
            return
        d, r = figures["definitions"], figures["references"]
        print(f"package: {args.package} ({len(ours)} documents ours, {len(theirs)} scip-python)")
        print(f"definitions: ours {d['ours']}, scip-python {d['scip_python']}, same range "
              f"{d['agreed']}: precision {d['precision_pct']} %, recall {d['recall_pct']} %")
        print(f"  ours only, where scip-python has a reference (a name bound again): "
              f"{d['ours_only_where_scip_python_has_a_reference']}; identical symbol strings at "
              f"{d['agreed_with_identical_symbol']} of {d['agreed_with_global_symbols_in_both']} "
              f"agreed definitions with global symbols in both")
        print(f"references:  ours {r['ours']}, scip-python {r['scip_python']}, same range "
              f"{r['agreed_ranges']}: precision {r['precision_pct']} %, recall {r['recall_pct']} %")
        print(f"  at the same range: same definition site {r['agreed_ranges_same_definition']}, "
              f"different {r['agreed_ranges_different_definition']}, both outside the index "
              f"{r['agreed_ranges_both_external']}, only ours in the index "
              f"{r['agreed_ranges_only_ours_in_repo']}, only scip-python's "
              f"{r['agreed_ranges_only_scip_python_in_repo']} "
              f"(same site: {r['same_definition_pct_of_both_in_repo']} % of those both resolve)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
