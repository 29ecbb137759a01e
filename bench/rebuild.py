#!/usr/bin/env python3
"""Rebuild cost against a full build: nothing changed, and one leaf module edited.

One command: installs Debian's python3-django (unless --no-install), copies the package into
a scratch directory under its own name (so that module names are `django.*`, as in the
installed tree, and the copy can be edited), builds it once, then runs --runs rounds, each
interleaving
  - a full build (`build --full`, into its own output directory),
  - a rebuild with nothing changed (into the incremental output directory),
  - a rebuild after appending one assignment to a leaf module (a module no other module of
    the corpus imports; --leaf names another).
It reports median wall time, CPU time and peak RSS of each, and the ratios rebuild/full,
as a Markdown table (stdout and OUT/rebuild.md) and JSON (OUT/rebuild.json). At the end the
graph tables of the incremental output are compared, row for row, with those of a full
build of the same edited tree; a difference makes the exit status 1. See bench/README.md.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from perf import DIST, ROOT, install, ratio, run_measured, scratch_with_binary, summarize

CORPORA = {"django": ("python3-django", "django", "contrib/humanize/templatetags/humanize.py")}
GRAPH_TABLES = ["cpg_nodes", "cpg_edges", "cpg_props", "repo_files", "repo_packages",
                "diagnostics", "evidence_conflicts"]


def query(binary, out, sql):
    return subprocess.run([binary, "query", out, sql, "--format", "csv"], check=True,
                          capture_output=True).stdout


def importers(binary, out, module):
    """How many IMPORTS edges of the graph at `out` lead to the MODULE node `module`."""
    sql = ("SELECT count(*) FROM cpg_edges e JOIN cpg_nodes n ON n.node_id = e.dst "
           f"WHERE e.kind = 'IMPORTS' AND n.kind = 'MODULE' AND n.qualname = '{module}'")
    return int(query(binary, out, sql).decode().splitlines()[1])


def differing_tables(binary, a, b):
    return [t for t in GRAPH_TABLES
            if query(binary, a, f"SELECT * FROM {t}") != query(binary, b, f"SELECT * FROM {t}")]


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="django", choices=sorted(CORPORA))
    ap.add_argument("--leaf", help="the module file to edit, relative to the package "
                    "(default: " + ", ".join(f"{c}: {v[2]}" for c, v in CORPORA.items()) + ")")
    ap.add_argument("--jobs", type=int, default=2, help="-j of every build (default 2)")
    ap.add_argument("--runs", type=int, default=7, help="rounds (default 7)")
    ap.add_argument("--bin", default=os.environ.get("CODEANATOMY_BIN",
                                                    str(ROOT / "build/src/codeanatomy")))
    ap.add_argument("--out", default=str(ROOT / "out/bench"), help="where rebuild.md/json go")
    ap.add_argument("--no-install", action="store_true", help="do not apt-get the corpus")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per run")
    args = ap.parse_args()

    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if not Path(args.bin).is_file():
        print(f"rebuild: no binary at {args.bin}; run scripts/build.sh first", file=sys.stderr)
        return 2
    apt_package, package, default_leaf = CORPORA[args.corpus]
    if not args.no_install:
        install([apt_package])
    source = DIST / package
    if not source.is_dir():
        print(f"rebuild: {source} is missing; install {apt_package}", file=sys.stderr)
        return 2
    leaf_rel = args.leaf or default_leaf
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    with scratch_with_binary(args.bin, "ca-rebuild-") as (scratch, binary):
        repo = scratch / "corpus" / package
        shutil.copytree(source, repo, symlinks=True)
        leaf = repo / leaf_rel
        if not leaf.is_file():
            print(f"rebuild: {leaf_rel} is not a file of {source}", file=sys.stderr)
            return 2
        leaf_module = ".".join([package] + [p for p in Path(leaf_rel).with_suffix("").parts
                                            if p != "__init__"])
        full_out, inc_out = scratch / "full", scratch / "incremental"
        j = ["-j", str(args.jobs), "-q"]
        run_measured([binary, "build", repo, "-o", inc_out] + j, args.timeout)
        n_importers = importers(binary, inc_out, leaf_module)
        if n_importers:
            print(f"rebuild: warning: {leaf_module} is imported {n_importers} time(s) in the "
                  "corpus, so it is not a leaf; pass --leaf", file=sys.stderr)
        full, unchanged, edited = [], [], []
        for i in range(args.runs):
            # Interleaved so that a slow moment of the machine hits all three alike.
            shutil.rmtree(full_out, ignore_errors=True)
            full.append(run_measured([binary, "build", repo, "-o", full_out, "--full"] + j,
                                     args.timeout))
            unchanged.append(run_measured([binary, "build", repo, "-o", inc_out] + j,
                                          args.timeout))
            with open(leaf, "a") as f:
                f.write(f"\nrebuild_bench_{i} = {i}\n")
            edited.append(run_measured([binary, "build", repo, "-o", inc_out] + j,
                                       args.timeout))
        # The last full build came before the last edit: one more of the edited tree.
        shutil.rmtree(full_out, ignore_errors=True)
        run_measured([binary, "build", repo, "-o", full_out, "--full"] + j, args.timeout)
        differ = differing_tables(binary, inc_out, full_out)

    f, u, e = summarize(full), summarize(unchanged), summarize(edited)
    results = {"binary": args.bin, "corpus": args.corpus, "leaf": leaf_rel,
               "leaf_importers": n_importers, "jobs": args.jobs, "runs": args.runs,
               "full": f, "unchanged": u, "one_leaf_edit": e,
               "ratios": {"unchanged_over_full": ratio(u["wall_s"], f["wall_s"]),
                          "one_leaf_edit_over_full": ratio(e["wall_s"], f["wall_s"])},
               "tables_equal_full_build": not differ, "differing_tables": differ}
    rows = [f"Medians of {args.runs} interleaved rounds, {args.corpus} at -j{args.jobs}; "
            "wall and CPU in seconds, peak RSS in MiB. Leaf edited: "
            f"{leaf_rel} ({n_importers} importers).", "",
            "| build | wall s | CPU s | peak MiB | wall / full build |", "|---|---|---|---|---|"]
    for name, s in (("full (`--full`)", f), ("nothing changed", u), ("one leaf edited", e)):
        rows.append(f"| {name} | {s['wall_s']:.3f} | {s['cpu_s']:.2f} | "
                    f"{s['peak_rss_mib']:.0f} | {ratio(s['wall_s'], f['wall_s'])} |")
    rows.append("")
    rows.append("Incremental graph tables equal a full build's, row for row: " +
                ("yes" if not differ else "NO, " + ", ".join(differ)))
    report = "\n".join(rows) + "\n"
    (out / "rebuild.json").write_text(json.dumps(results, indent=2) + "\n")
    (out / "rebuild.md").write_text(report)
    print(report)
    print(f"rebuild: wrote {out / 'rebuild.md'} and {out / 'rebuild.json'}", file=sys.stderr)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
