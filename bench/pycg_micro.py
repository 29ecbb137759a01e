#!/usr/bin/env python3
"""Score codeanatomy's call graph on the PyCG micro-benchmark.

For every case snippets/<category>/<case>/ of <bench>/pycg-micro, copy its .py files
(sub-packages included) into a scratch repository, `codeanatomy build` it, write the call
graph with `codeanatomy export callgraph DB --format pycg -o
<out>/produced/<category>/<case>/callgraph.json`, then score all cases with
<bench>/pycg_score.py and print its table (--json: its JSON, unchanged).

A case whose build or export fails (non-zero exit, timeout, no file, invalid JSON) counts
as an empty graph; those cases are listed on stderr. FP/FN edges are written to
<out>/edges.txt (pycg_score.py -v). The bench directory is never modified.

Exit status: 0 when the benchmark ran (whatever the score), 2 on a usage problem,
77 when the bench directory is missing.
"""
import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SKIP_FILES = {"callgraph.json", "README.md"}


def default_bin():
    return os.environ.get("CODEANATOMY_BIN") or os.path.join(REPO, "build", "src", "codeanatomy")


def default_bench():
    return os.environ.get("CODEANATOMY_BENCH") or os.path.normpath(os.path.join(REPO, "..", "shared", "bench"))


def find_cases(snippets):
    cases = []
    for cat in sorted(os.listdir(snippets)):
        cdir = os.path.join(snippets, cat)
        if not os.path.isdir(cdir):
            continue
        for case in sorted(os.listdir(cdir)):
            if os.path.isfile(os.path.join(cdir, case, "callgraph.json")):
                cases.append((cat, case))
    return cases


def copy_sources(src, dst):
    """Copy the .py files of a case (keeping sub-directories)."""
    for root, dirs, files in os.walk(src):
        dirs.sort()
        rel = os.path.relpath(root, src)
        for fn in sorted(files):
            if fn in SKIP_FILES or not fn.endswith(".py"):
                continue
            target_dir = os.path.normpath(os.path.join(dst, rel))
            os.makedirs(target_dir, exist_ok=True)
            shutil.copyfile(os.path.join(root, fn), os.path.join(target_dir, fn))
    os.makedirs(dst, exist_ok=True)


def first_line(text):
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return None, "", "timeout after %ss" % timeout
    except OSError as e:
        return None, "", str(e)


def run_case(binary, snippets, work, produced, cat, case, timeout):
    """Returns None on success, else (stage, message)."""
    case_work = os.path.join(work, cat, case)
    repo = os.path.join(case_work, "repo")
    db = os.path.join(case_work, "db")
    shutil.rmtree(case_work, ignore_errors=True)
    copy_sources(os.path.join(snippets, cat, case), repo)
    out_file = os.path.join(produced, cat, case, "callgraph.json")
    os.makedirs(os.path.dirname(out_file), exist_ok=True)
    if os.path.exists(out_file):
        os.remove(out_file)

    # PyCG names modules relative to the case directory, which Python runs as a script
    # directory even when it holds an __init__.py.
    rc, _, err = run([binary, "build", repo, "-o", db, "-j", "1", "-q", "--no-root-package"], timeout)
    if rc != 0:
        return ("build", "exit %s: %s" % (rc, first_line(err)))
    rc, _, err = run([binary, "export", "callgraph", db, "--format", "pycg", "-o", out_file], timeout)
    if rc != 0:
        if os.path.exists(out_file):
            os.remove(out_file)
        return ("export", "exit %s: %s" % (rc, first_line(err)))
    if not os.path.exists(out_file):
        return ("export", "exit 0 but no %s written" % os.path.basename(out_file))
    try:
        with open(out_file) as f:
            cg = json.load(f)
        if not isinstance(cg, dict) or not all(isinstance(v, list) for v in cg.values()):
            raise ValueError("not an object of lists")
    except ValueError as e:
        os.remove(out_file)
        return ("export", "invalid PyCG JSON: %s" % first_line(str(e)))
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n", 2)[2])
    ap.add_argument("--bin", default=default_bin(), help="codeanatomy binary (default: %(default)s)")
    ap.add_argument("--bench", default=default_bench(), help="shared bench dir (default: %(default)s)")
    ap.add_argument("--out", default=None,
                    help="keep produced graphs, scratch repos and edges.txt here "
                         "(default: a temporary directory, removed afterwards)")
    ap.add_argument("--jobs", "-j", type=int, default=2, help="cases run in parallel (default: 2)")
    ap.add_argument("--timeout", type=float, default=60, help="seconds per build/export (default: 60)")
    ap.add_argument("--json", action="store_true", help="print pycg_score.py's JSON instead of the table")
    ap.add_argument("-v", "--verbose", action="store_true", help="also print the FP/FN edges on stderr")
    a = ap.parse_args()

    snippets = os.path.join(a.bench, "pycg-micro", "snippets")
    scorer = os.path.join(a.bench, "pycg_score.py")
    if not os.path.isdir(snippets) or not os.path.isfile(scorer):
        print("pycg_micro: no %s or %s" % (snippets, scorer), file=sys.stderr)
        return 77
    if not (os.path.isfile(a.bin) and os.access(a.bin, os.X_OK)):
        print("pycg_micro: binary not found: %s" % a.bin, file=sys.stderr)
        return 2

    out = a.out or tempfile.mkdtemp(prefix="ca-pycg-micro-")
    out = os.path.abspath(out)
    produced = os.path.join(out, "produced")
    work = os.path.join(out, "work")
    shutil.rmtree(produced, ignore_errors=True)
    os.makedirs(produced, exist_ok=True)
    try:
        # Snapshot the binary: a rebuild during the run must not mix two versions.
        binary = os.path.join(out, "codeanatomy")
        shutil.copy2(a.bin, binary)
        cases = find_cases(snippets)
        failures = {}
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
            futs = {ex.submit(run_case, binary, snippets, work, produced, cat, case, a.timeout): (cat, case)
                    for cat, case in cases}
            for fut in concurrent.futures.as_completed(futs):
                try:
                    res = fut.result()
                except Exception as e:  # a bug here must not hide the other cases
                    res = ("harness", repr(e))
                if res:
                    failures[futs[fut]] = res

        edges_file = os.path.join(out, "edges.txt")
        p = subprocess.run([sys.executable, scorer, snippets, produced, "-v"] + (["--json"] if a.json else []),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        with open(edges_file, "w") as f:
            f.write(p.stderr)
        if p.returncode != 0:
            sys.stdout.write(p.stdout)
            sys.stderr.write(p.stderr)
            print("pycg_micro: pycg_score.py failed (exit %d)" % p.returncode, file=sys.stderr)
            return 1
        sys.stdout.write(p.stdout)
        if a.verbose:
            sys.stderr.write(p.stderr)

        report = sys.stderr if a.json else sys.stdout
        print("pycg-micro: %d cases, %d failed to build/export (counted as empty graphs)"
              % (len(cases), len(failures)), file=report)
        if failures:
            by_reason = {}
            for key in sorted(failures):
                by_reason.setdefault(failures[key], []).append("%s/%s" % key)
            for (stage, msg), names in sorted(by_reason.items(), key=lambda kv: -len(kv[1])):
                shown = ", ".join(names[:8]) + (", ... (%d more)" % (len(names) - 8) if len(names) > 8 else "")
                print("  %s failed in %d case(s): %s\n    %s" % (stage, len(names), msg, shown), file=report)
        if a.out:
            print("FP/FN edges: %s; produced graphs: %s" % (edges_file, produced), file=report)
    finally:
        if not a.out:
            shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
