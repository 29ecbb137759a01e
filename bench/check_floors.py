#!/usr/bin/env python3
"""Fail when a benchmark falls below its floor in bench/floors.json.

Usage:
  check_floors.py [--floors FILE] pycg_micro   (-- CMD ... | --input FILE)
  check_floors.py [--floors FILE] stack_graphs (-- CMD ... | --input FILE)

CMD is run and must print the benchmark's --json output on stdout (or --input names a
file holding it). Floors (fractions for pycg_micro, counts for stack_graphs):

  {"pycg_micro":   {"precision": 0.0 | null, "recall": 0.0 | null},
   "stack_graphs": {"passed": 0 | null}}

null disables a check. A pycg precision of n/a (no edge produced) is below any numeric
precision floor. Exit status: 0 at or above every floor, 1 below one, 2 when the
benchmark could not run (77 is passed through: the bench directory is missing, which
CTest reports as skipped).
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EPS = 1e-9


def fmt(v, pct):
    if v is None:
        return "n/a"
    return "%.1f%%" % (100 * v) if pct else str(v)


def main():
    argv = sys.argv[1:]
    cmd = None
    if "--" in argv:
        i = argv.index("--")
        argv, cmd = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n", 2)[2])
    ap.add_argument("--floors", default=os.path.join(HERE, "floors.json"))
    ap.add_argument("--input", default=None, help="read the benchmark JSON from this file")
    ap.add_argument("bench", choices=["pycg_micro", "stack_graphs"])
    a = ap.parse_args(argv)
    if (cmd is None) == (a.input is None):
        ap.error("give either -- CMD ... or --input FILE")

    with open(a.floors) as f:
        floors = json.load(f).get(a.bench, {})

    if a.input:
        with open(a.input) as f:
            text = f.read()
    else:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
        if p.returncode == 77:
            print("%s: bench data missing, skipped" % a.bench)
            return 77
        if p.returncode != 0:
            print("%s: benchmark failed to run (exit %d)" % (a.bench, p.returncode))
            return 2
        text = p.stdout
    try:
        doc = json.loads(text)
    except ValueError as e:
        print("%s: output is not JSON: %s" % (a.bench, e))
        return 2

    checks = []  # (label, actual, floor, is_pct)
    if a.bench == "pycg_micro":
        total = doc["TOTAL"]
        for key in ("precision", "recall"):
            checks.append((key, total.get(key), floors.get(key), True))
        print("pycg-micro TOTAL: TP %d FP %d FN %d" % (total["tp"], total["fp"], total["fn"]))
    else:
        total = doc["total"]
        checks.append(("passed", total.get("passed"), floors.get("passed"), False))
        print("stack-graphs: %d passed, %d failed" % (total["passed"], total["failed"]))

    bad = 0
    for label, actual, floor, pct in checks:
        if floor is None:
            print("  %-9s %8s  (no floor)" % (label, fmt(actual, pct)))
            continue
        ok = actual is not None and actual + EPS >= floor
        bad += not ok
        print("  %-9s %8s  floor %8s  %s" % (label, fmt(actual, pct), fmt(floor, pct),
                                            "ok" if ok else "BELOW FLOOR"))
        if ok and actual > floor + EPS:
            print("            above the floor: raise it in %s" % os.path.relpath(a.floors))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
