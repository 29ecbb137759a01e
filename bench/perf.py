#!/usr/bin/env python3
"""Speed and memory of a full build against the parse floor and scip-python.

One command: installs Debian's python3-django, python3-sqlalchemy and python3-networkx
(unless --no-install), then for each corpus runs, interleaved, the parse floor
(`build --stop-after parse`), the full default build (into a fresh output directory each
run) and scip-python on the same directory, at each -j. Reports medians of wall time, CPU
time (user+sys of the process and its children) and peak RSS, lines/s, and the ratios
build/parse floor, scip-python/build and -j1/-jN, as a Markdown table (stdout and
OUT/perf.md) and JSON (OUT/perf.json). See bench/README.md.
"""
import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = Path("/usr/lib/python3/dist-packages")
CORPORA = {
    "django": ("python3-django", ["django"]),
    "sqlalchemy": ("python3-sqlalchemy", ["sqlalchemy"]),
    "networkx": ("python3-networkx", ["networkx"]),
    # Both packages in one repository: the memory target is about this one.
    "sqlalchemy+django": ("", ["sqlalchemy", "django"]),
}


def run_measured(cmd, timeout, **kw):
    """measure_untimed() with a timeout enforced by a watchdog thread (wait4 has none)."""
    import threading
    proc_holder = {}
    result = {}

    def target():
        try:
            result["value"] = measure_untimed(cmd, proc_holder, **kw)
        except Exception as e:  # reported by the caller
            result["error"] = e

    t = threading.Thread(target=target)
    t.start()
    t.join(timeout)
    if t.is_alive():
        proc_holder["proc"].kill()
        t.join()
        raise RuntimeError(f"timed out after {timeout} s: {' '.join(map(str, cmd))}")
    if "error" in result:
        raise result["error"]
    return result["value"]


def measure_untimed(cmd, holder, cwd=None, env=None):
    """Runs cmd; returns wall seconds, CPU seconds and peak RSS (MiB) of the process tree.

    wait4's rusage covers the child and the descendants it waited for, so a wrapper
    script's children count too."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    holder["proc"] = proc
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"exit {code}: {' '.join(map(str, cmd))}\n"
                           f"{stderr.decode(errors='replace')[-2000:]}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime,
            "peak_rss_mib": usage.ru_maxrss / 1024}


def count_lines(directory):
    files = lines = 0
    for path in Path(directory).rglob("*.py"):
        if path.is_file():
            files += 1
            with open(path, "rb") as f:
                lines += f.read().count(b"\n")
    return files, lines


def install(packages):
    missing = [p for p in packages if p and subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True,
        text=True).stdout.find("install ok installed") < 0]
    if not missing:
        return
    print(f"perf: installing {' '.join(missing)}", file=sys.stderr)
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(prefix + ["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(prefix + ["apt-get", "install", "-y", "-qq", "--no-install-recommends"]
                   + missing, check=True, env=env)


def prepare_corpus(name, scratch):
    """The directory to index: the installed package, or a copy of several in one repo."""
    _, packages = CORPORA[name]
    if len(packages) == 1:
        return DIST / packages[0]
    repo = scratch / "corpora" / name
    if not repo.exists():
        for p in packages:
            shutil.copytree(DIST / p, repo / p, symlinks=True)
    return repo


@contextlib.contextmanager
def scratch_with_binary(binary_path, prefix):
    """A temporary directory holding a copy of the binary, so that a rebuild during the run
    does not mix versions; yields (directory, copied binary)."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        scratch = Path(tmp)
        binary = scratch / "codeanatomy"
        shutil.copy2(binary_path, binary)
        yield scratch, binary


def median(runs, key):
    return statistics.median(r[key] for r in runs)


def summarize(runs):
    if not runs:
        return None
    return {"runs": len(runs), "wall_s": median(runs, "wall_s"), "cpu_s": median(runs, "cpu_s"),
            "peak_rss_mib": median(runs, "peak_rss_mib"),
            "samples": [{k: round(v, 4) for k, v in r.items()} for r in runs]}


def ratio(a, b):
    return round(a / b, 2) if a and b else None


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", default="django,sqlalchemy,networkx,sqlalchemy+django",
                    help="comma-separated, from: " + ", ".join(CORPORA))
    ap.add_argument("--jobs", default="1,2", help="comma-separated -j values (default 1,2)")
    ap.add_argument("--runs", type=int, default=5, help="runs of each build (default 5)")
    ap.add_argument("--scip-runs", type=int, default=1,
                    help="runs of scip-python per corpus, 0 to skip (default 1: ~1 min each)")
    ap.add_argument("--bin", default=os.environ.get("CODEANATOMY_BIN",
                                                    str(ROOT / "build/src/codeanatomy")))
    ap.add_argument("--out", default=str(ROOT / "out/bench"), help="where perf.md/json go")
    ap.add_argument("--no-install", action="store_true", help="do not apt-get the corpora")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds per run")
    args = ap.parse_args()

    corpora = [c for c in args.corpora.split(",") if c]
    for c in corpora:
        if c not in CORPORA:
            ap.error(f"unknown corpus {c!r}; known: {', '.join(CORPORA)}")
    jobs = [int(j) for j in args.jobs.split(",") if j]
    if not Path(args.bin).is_file():
        print(f"perf: no binary at {args.bin}; run scripts/build.sh first", file=sys.stderr)
        return 2
    if not args.no_install:
        install(sorted({CORPORA[c][0] for c in corpora}))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    with scratch_with_binary(args.bin, "ca-perf-") as (scratch, binary):
        results = {"binary": args.bin, "runs": args.runs, "jobs": jobs, "corpora": {}}
        for name in corpora:
            repo = prepare_corpus(name, scratch)
            files, lines = count_lines(repo)
            entry = {"path": str(repo), "py_files": files, "lines": lines, "by_jobs": {}}
            print(f"perf: {name}: {files} files, {lines} lines", file=sys.stderr)
            for j in jobs:
                floor, full = [], []
                for i in range(args.runs):
                    # Interleaved so that a slow moment of the machine hits both alike.
                    floor.append(run_measured([binary, "build", repo, "--stop-after", "parse",
                                               "-j", str(j), "-q"], args.timeout))
                    outdir = scratch / "out" / name
                    shutil.rmtree(outdir, ignore_errors=True)
                    full.append(run_measured([binary, "build", repo, "-o", outdir, "-j", str(j),
                                              "-q"], args.timeout))
                entry["by_jobs"][str(j)] = {"parse_floor": summarize(floor),
                                            "build": summarize(full)}
                b = entry["by_jobs"][str(j)]["build"]
                print(f"perf: {name} -j{j}: build {b['wall_s']:.2f} s, "
                      f"{b['peak_rss_mib']:.0f} MiB", file=sys.stderr)
            scip = []
            wrapper = ROOT / "scripts/scip-python.sh"
            for i in range(args.scip_runs):
                if not wrapper.exists():
                    print("perf: scripts/scip-python.sh missing; scip-python skipped",
                          file=sys.stderr)
                    break
                index = scratch / f"{name}.scip"
                scip.append(run_measured(["bash", wrapper, repo, index], args.timeout))
            entry["scip_python"] = summarize(scip)
            results["corpora"][name] = entry
        report = render(results)
    (out / "perf.json").write_text(json.dumps(results, indent=2) + "\n")
    (out / "perf.md").write_text(report)
    print(report)
    print(f"perf: wrote {out / 'perf.md'} and {out / 'perf.json'}", file=sys.stderr)
    return 0


def fmt_cell(value, spec, suffix=""):
    return "–" if value is None else f"{value:{spec}}{suffix}"


def render(results):
    """The Markdown table; also stores the ratios in results."""
    rows = ["| corpus | lines | -j | parse floor s | build s | build CPU s | build MiB | "
            "lines/s | build/floor | scip-python s | scip MiB | scip/build | scip MiB/build MiB "
            "| -j1/-jN |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, e in results["corpora"].items():
        scip = e.get("scip_python") or {}
        j1 = e["by_jobs"].get("1", {}).get("build")
        for j, r in e["by_jobs"].items():
            b, f = r["build"], r["parse_floor"]
            rt = r["ratios"] = {
                "build_over_parse_floor": ratio(b["wall_s"], f["wall_s"]),
                "scip_over_build": ratio(scip.get("wall_s"), b["wall_s"]),
                "scip_rss_over_build": ratio(scip.get("peak_rss_mib"), b["peak_rss_mib"]),
                "j1_over_this": ratio(j1["wall_s"], b["wall_s"]) if j1 else None,
            }
            cells = [name, str(e["lines"]), j, fmt_cell(f["wall_s"], ".2f"),
                     fmt_cell(b["wall_s"], ".2f"), fmt_cell(b["cpu_s"], ".2f"),
                     fmt_cell(b["peak_rss_mib"], ".0f"), fmt_cell(e["lines"] / b["wall_s"], ",.0f"),
                     fmt_cell(rt["build_over_parse_floor"], "", "×"),
                     fmt_cell(scip.get("wall_s"), ".1f"), fmt_cell(scip.get("peak_rss_mib"), ".0f"),
                     fmt_cell(rt["scip_over_build"], "", "×"),
                     fmt_cell(rt["scip_rss_over_build"], "", "×"),
                     fmt_cell(rt["j1_over_this"], "", "×")]
            rows.append("| " + " | ".join(cells) + " |")
    scip_runs = max((e["scip_python"]["runs"] for e in results["corpora"].values()
                     if e.get("scip_python")), default=0)
    return (f"Medians of {results['runs']} runs (scip-python: {scip_runs} per corpus); wall and "
            "CPU in seconds, peak RSS of the process tree in MiB.\n\n" + "\n".join(rows) + "\n")


if __name__ == "__main__":
    sys.exit(main())
