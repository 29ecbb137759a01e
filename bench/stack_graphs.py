#!/usr/bin/env python3
"""Check codeanatomy's name binding against the stack-graphs Python test assertions.

Every <bench>/stack-graphs-python/test/**/*.py file (files ending in .skip are only
counted) is split into its modules, built as a repository with `codeanatomy build`, and
each `# ^ defined: L1, L2` assertion is judged against the graph:

  * the assertion points at the nearest line above it that is not an assertion, at the
    caret's (byte) column; lines count through the whole test file;
  * the REFERENCE node of that module whose span covers the caret gives its REFERS_TO
    targets (when there is no REFERENCE there but an IMPORT node covers the caret -- a
    name inside an import statement -- its IMPORTS_SYMBOL targets are used instead);
  * each target is mapped back to a whole-file line: its start_line in its module; a
    MODULE/FILE target (or a PACKAGE with an __init__.py) maps to the module's first
    non-blank line after its `path:` header, where the tests write their module
    anchors; a target with no line in the test (EXTERNAL, namespace PACKAGE) maps to the
    lines of the IMPORT nodes of the referencing module bound to it (IMPORTS_SYMBOL);
  * PASS when the expected list is empty and there are no targets, or when there are
    targets and every target line is among the expected lines (a graph that follows
    imports to the original definition gives a subset of them). A caret with no
    REFERENCE/IMPORT under it is a FAIL ("no reference at caret").

Module layout: `#------ path: pkg/a.py ------#` / `# --- path: foo.py ---` lines (any
comment line containing `--- path: P ---`) start a module; a `--- global: ROOT_PATH=R ---`
line in a module makes R the import root (the module is written at P relative to R). A
file with no `path:` line is one module named after the test file (e.g. `functions.py`).

Assertions on Python 2 only lines (`print x`, `exec code`) are counted separately too.

Output: one line per test file, then
  stack-graphs: N passed, N failed (K files, S skipped files)
(-v: every failing assertion; --json: the same as JSON). Exit status: 0 when it ran,
2 on a usage problem, 77 when the bench directory is missing.
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

PATH_RE = re.compile(r"^\s*#.*?---\s*path:\s*(\S+)\s*-{3,}")
GLOBAL_RE = re.compile(r"^\s*#.*?---\s*global:\s*([A-Za-z_]\w*)=(\S+)\s*-{3,}")
ASSERT_RE = re.compile(r"^(\s*#\s*)\^\s*defined:(.*)$")
OTHER_ASSERT_RE = re.compile(r"^\s*#\s*\^\s*(\w+):")
PY2_RE = re.compile(r"^\s*(print|exec)\s+(?![\s(=.,)\]\[:;]|$)")


def default_bin():
    return os.environ.get("CODEANATOMY_BIN") or os.path.join(REPO, "build", "src", "codeanatomy")


def default_bench():
    return os.environ.get("CODEANATOMY_BENCH") or os.path.normpath(os.path.join(REPO, "..", "shared", "bench"))


class Module:
    def __init__(self, path, header_line):
        self.path = path                # as written in the test
        self.header_line = header_line  # whole-file line of the `path:` line (0: none)
        self.lines = []                 # the module's text, line by line (header excluded)
        self.root = None                # ROOT_PATH global, if any

    @property
    def written_path(self):
        if self.root:
            root = self.root.strip("/") + "/"
            if self.path.startswith(root):
                return self.path[len(root):]
        return self.path

    def whole_line(self, local_line):
        return self.header_line + local_line

    def anchor_line(self):
        """Whole-file line standing for the module itself: first non-blank, non-header line."""
        for i, text in enumerate(self.lines, start=1):
            if text.strip() and not GLOBAL_RE.match(text):
                return self.whole_line(i)
        return self.whole_line(1)


def parse_test(path, default_name):
    """Returns (modules, assertions, problems)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the text after the final newline is not a line
    modules = []
    assertions = []
    problems = []
    current = None
    last_regular = None  # (whole line, module, text)
    for no, text in enumerate(lines, start=1):
        m = PATH_RE.match(text)
        if m:
            current = Module(m.group(1), no)
            modules.append(current)
            last_regular = None
            continue
        if current is None:
            current = Module(default_name, 0)
            modules.append(current)
        current.lines.append(text)
        g = GLOBAL_RE.match(text)
        if g and g.group(1) == "ROOT_PATH":
            current.root = g.group(2)
        a = ASSERT_RE.match(text)
        if a:
            col = len(a.group(1))
            expected = sorted({int(x) for x in re.split(r"[,\s]+", a.group(2).strip()) if x})
            if last_regular is None:
                problems.append("%s:%d: assertion with no line above it" % (path, no))
                continue
            tline, tmod, ttext = last_regular
            name = ""
            if col < len(ttext.encode("utf-8")):
                b = ttext.encode("utf-8")
                s = e = col
                while s > 0 and (chr(b[s - 1]).isalnum() or b[s - 1] == ord("_")):
                    s -= 1
                while e < len(b) and (chr(b[e]).isalnum() or b[e] == ord("_")):
                    e += 1
                name = b[s:e].decode("utf-8", "replace")
            assertions.append(dict(line=no, target_line=tline, col=col, expected=expected,
                                   module=tmod, name=name, py2=bool(PY2_RE.match(ttext)),
                                   source=ttext.strip()))
            continue
        if OTHER_ASSERT_RE.match(text):
            problems.append("%s:%d: unsupported assertion kind: %s" % (path, no, text.strip()))
            continue
        last_regular = (no, current, text)
    return modules, assertions, problems


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return None, "", "timeout after %ss" % timeout
    except OSError as e:
        return None, "", str(e)


def first_line(text):
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


QUERY = """
SELECT r.kind AS rkind, r.path AS rpath, r.start_line AS rline, r.start_col AS rcol,
       r.end_line AS rend_line, r.end_col AS rend_col, r.name AS rname,
       CAST(r.node_id AS VARCHAR) AS rid,
       d.kind AS dkind, d.path AS dpath, d.start_line AS dline, d.qualname AS dqual,
       CAST(d.node_id AS VARCHAR) AS did
FROM cpg_nodes r
LEFT JOIN cpg_edges e ON e.src = r.node_id AND (
       (r.kind = 'REFERENCE' AND e.kind = 'REFERS_TO') OR
       (r.kind = 'IMPORT' AND e.kind = 'IMPORTS_SYMBOL'))
LEFT JOIN cpg_nodes d ON d.node_id = e.dst
WHERE r.kind IN ('REFERENCE', 'IMPORT')
"""

PKG_QUERY = """
SELECT qualname, dir_path, CAST(init_file_id AS VARCHAR) AS init_file_id FROM repo_packages
"""


def evaluate(binary, test_path, rel, work, timeout):
    default_name = os.path.basename(test_path)
    modules, assertions, problems = parse_test(test_path, default_name)
    res = dict(file=rel, assertions=[], problems=problems, error=None)
    case = os.path.join(work, rel.replace(os.sep, "__"))
    repo, db = os.path.join(case, "repo"), os.path.join(case, "db")
    shutil.rmtree(case, ignore_errors=True)
    os.makedirs(repo)
    by_path = {}
    for mod in modules:
        wp = mod.written_path
        if wp in by_path:
            problems.append("%s: module %s appears twice; the last one wins" % (rel, wp))
        by_path[wp] = mod
        dst = os.path.join(repo, wp)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, "w", encoding="utf-8") as f:
            f.write("\n".join(mod.lines) + ("\n" if mod.lines else ""))

    rows = []
    if assertions:
        rc, _, err = run([binary, "build", repo, "-o", db, "-j", "1", "-q"], timeout)
        if rc != 0:
            res["error"] = "build exit %s: %s" % (rc, first_line(err))
        else:
            rc, out, err = run([binary, "query", db, QUERY, "--format", "json"], timeout)
            if rc != 0:
                res["error"] = "query exit %s: %s" % (rc, first_line(err))
            else:
                rows = json.loads(out or "[]")

    # Index the graph.
    sites = {}     # (rkind, path, line) -> list of site dicts
    for r in rows:
        key = (r["rkind"], r["rpath"], r["rline"])
        site = sites.setdefault(key, {})
        s = site.setdefault(r["rid"], dict(col=r["rcol"], end_line=r["rend_line"], end_col=r["rend_col"],
                                          name=r["rname"], targets={}))
        if r["did"] is not None:
            s["targets"][r["did"]] = r
    # IMPORT nodes bound (IMPORTS_SYMBOL) to each target, per module path.
    import_lines = {}
    for r in rows:
        if r["rkind"] == "IMPORT" and r["did"] is not None:
            import_lines.setdefault((r["rpath"], r["did"]), set()).add(r["rline"])

    def map_target(t, ref_path):
        mod = by_path.get(t["dpath"]) if t["dpath"] else None
        if mod is not None and t["dkind"] in ("MODULE", "FILE"):
            return [mod.anchor_line()], None
        if mod is not None and t["dline"] is not None and t["dkind"] != "PACKAGE":
            return [mod.whole_line(t["dline"])], None
        if t["dkind"] == "PACKAGE":
            # A package with an __init__.py: its module anchor.
            for init in ("__init__.py", "__init__.pyi"):
                cand = (t["dpath"] + "/" if t["dpath"] else "") + init
                if t["dpath"] and t["dpath"].endswith((".py", ".pyi")):
                    cand = t["dpath"]
                if cand in by_path:
                    return [by_path[cand].anchor_line()], None
        mod_ref = by_path.get(ref_path)
        lines = import_lines.get((ref_path, t["did"]))
        if mod_ref is not None and lines:
            return sorted(mod_ref.whole_line(l) for l in lines), None
        return [], "%s %s" % (t["dkind"], t["dqual"] or t["dpath"] or "?")

    for a in assertions:
        mod = a.pop("module")
        wp = mod.written_path
        local = a["target_line"] - mod.header_line
        a["module"] = wp
        a["via"] = None
        a["actual"] = []
        a["unmapped"] = []
        found = None
        for kind in ("REFERENCE", "IMPORT"):
            cands = [s for s in sites.get((kind, wp, local), {}).values()
                     if s["col"] <= a["col"] and (s["end_line"] != local or a["col"] < s["end_col"])]
            if cands:
                found = (kind, cands)
                break
        if res["error"]:
            a["passed"], a["why"] = False, res["error"]
        elif found is None:
            a["passed"], a["why"] = False, "no reference at caret"
        else:
            kind, cands = found
            a["via"] = kind
            actual, unmapped = set(), []
            for s in cands:
                for t in s["targets"].values():
                    lines, bad = map_target(t, wp)
                    actual.update(lines)
                    if bad:
                        unmapped.append(bad)
            a["actual"] = sorted(actual)
            a["unmapped"] = sorted(set(unmapped))
            has_targets = bool(actual or unmapped)
            if not a["expected"]:
                a["passed"] = not has_targets
                a["why"] = None if a["passed"] else "expected no definition"
            elif not has_targets:
                a["passed"], a["why"] = False, "resolves to nothing"
            elif unmapped or not actual.issubset(a["expected"]):
                a["passed"], a["why"] = False, "wrong definition"
            else:
                a["passed"], a["why"] = True, None
        res["assertions"].append(a)
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n", 2)[2])
    ap.add_argument("--bin", default=default_bin(), help="codeanatomy binary (default: %(default)s)")
    ap.add_argument("--bench", default=default_bench(), help="shared bench dir (default: %(default)s)")
    ap.add_argument("--out", default=None, help="keep the scratch repositories and graphs here "
                                                "(default: a temporary directory, removed afterwards)")
    ap.add_argument("--jobs", "-j", type=int, default=2, help="test files built in parallel (default: 2)")
    ap.add_argument("--timeout", type=float, default=60, help="seconds per build/query (default: 60)")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every failing assertion")
    a = ap.parse_args()

    tests = os.path.join(a.bench, "stack-graphs-python", "test")
    if not os.path.isdir(tests):
        print("stack_graphs: no %s" % tests, file=sys.stderr)
        return 77
    if not (os.path.isfile(a.bin) and os.access(a.bin, os.X_OK)):
        print("stack_graphs: binary not found: %s" % a.bin, file=sys.stderr)
        return 2

    files, skipped = [], []
    for root, dirs, names in os.walk(tests):
        dirs.sort()
        for n in sorted(names):
            rel = os.path.relpath(os.path.join(root, n), tests)
            if n.endswith(".skip"):
                skipped.append(rel)
            elif n.endswith(".py"):
                files.append(rel)
    files.sort()
    skipped.sort()
    skipped_assertions = 0
    for rel in skipped:
        with open(os.path.join(tests, rel), encoding="utf-8") as f:
            skipped_assertions += sum(1 for l in f if ASSERT_RE.match(l.rstrip("\n")))

    out = os.path.abspath(a.out or tempfile.mkdtemp(prefix="ca-stack-graphs-"))
    os.makedirs(out, exist_ok=True)
    try:
        binary = os.path.join(out, "codeanatomy")
        shutil.copy2(a.bin, binary)  # a rebuild during the run must not mix two versions
        work = os.path.join(out, "work")
        results = {}
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
            futs = {ex.submit(evaluate, binary, os.path.join(tests, rel), rel, work, a.timeout): rel
                    for rel in files}
            for fut in concurrent.futures.as_completed(futs):
                rel = futs[fut]
                try:
                    results[rel] = fut.result()
                except Exception as e:  # a harness bug must not hide the other files
                    results[rel] = dict(file=rel, assertions=[], problems=[], error="harness: %r" % e)
    finally:
        if not a.out:
            shutil.rmtree(out, ignore_errors=True)

    per_file = [results[rel] for rel in files]
    total = dict(passed=0, failed=0, assertions=0, files=len(files), skipped_files=len(skipped),
                 skipped_assertions=skipped_assertions, py2_assertions=0, py2_passed=0,
                 via_import=0, no_reference=0, errors=0)
    for r in per_file:
        r["passed"] = sum(1 for x in r["assertions"] if x["passed"])
        r["failed"] = sum(1 for x in r["assertions"] if not x["passed"])
        total["passed"] += r["passed"]
        total["failed"] += r["failed"]
        total["assertions"] += len(r["assertions"])
        total["py2_assertions"] += sum(1 for x in r["assertions"] if x["py2"])
        total["py2_passed"] += sum(1 for x in r["assertions"] if x["py2"] and x["passed"])
        total["via_import"] += sum(1 for x in r["assertions"] if x["via"] == "IMPORT")
        total["no_reference"] += sum(1 for x in r["assertions"] if x["why"] == "no reference at caret")
        total["errors"] += bool(r["error"])

    if a.json:
        doc = dict(total=total, skipped=skipped,
                   files=[dict(file=r["file"], passed=r["passed"], failed=r["failed"], error=r["error"],
                               problems=r["problems"]) for r in per_file])
        if a.verbose:
            doc["failures"] = [dict(x, file=r["file"]) for r in per_file for x in r["assertions"]
                               if not x["passed"]]
        print(json.dumps(doc, indent=1))
        return 0

    width = max(len(f) for f in files) if files else 10
    print("%-*s %6s %6s" % (width, "file", "passed", "failed"))
    for r in per_file:
        note = ("  (%s)" % r["error"]) if r["error"] else ""
        print("%-*s %6d %6d%s" % (width, r["file"], r["passed"], r["failed"], note))
    for r in per_file:
        for p in r["problems"]:
            print("note: %s" % p)
    print("python-2-only lines: %d assertions, %d passed; answered by an IMPORT node: %d; "
          "no reference at caret: %d; skipped files hold %d assertions"
          % (total["py2_assertions"], total["py2_passed"], total["via_import"], total["no_reference"],
             skipped_assertions))
    if a.verbose:
        print()
        for r in per_file:
            for x in r["assertions"]:
                if x["passed"]:
                    continue
                actual = ", ".join(str(l) for l in x["actual"])
                if x["unmapped"]:
                    actual += (", " if actual else "") + ", ".join(x["unmapped"])
                print("FAIL %s:%d (col %d%s) %r: expected [%s], actual [%s] -- %s%s"
                      % (r["file"], x["target_line"], x["col"], ", via IMPORT" if x["via"] == "IMPORT" else "",
                         x["name"], ", ".join(map(str, x["expected"])), actual, x["why"],
                         " [py2 line]" if x["py2"] else ""))
    print("stack-graphs: %d passed, %d failed (%d files, %d skipped files)"
          % (total["passed"], total["failed"], total["files"], total["skipped_files"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
