#!/usr/bin/env python3
"""Checks the --help of every codeanatomy command: each option, positional and subcommand
line has a description.

Commands are discovered from the help text itself, recursively (`codeanatomy --help` lists
the subcommands, `codeanatomy export --help` lists export's, ...), so a command added later is
checked without touching this test. With --guide FILE, also checks that FILE mentions every
command as `codeanatomy <command path>`, and every configuration key and environment variable
that the help texts name (`[config key: jobs; env: CODEANATOMY_JOBS]`).

Usage: help_options.py CODEANATOMY [--guide docs/guide.md]
"""
import re
import subprocess
import sys

HEADER = re.compile(r"^(\S[^:]*):\s*$")
ENTRY = re.compile(r"^  (\S.*)$")
CONTINUATION = re.compile(r"^ {4,}\S")
CONFIG_KEY = re.compile(r"\[config key: (\w+); env: (\w+)\]")


def run_help(binary, path):
    result = subprocess.run([binary, *path, "--help"], capture_output=True, text=True,
                            timeout=60, check=False)
    if result.returncode != 0:
        raise SystemExit(f"`codeanatomy {' '.join(path)} --help` exited {result.returncode}: "
                         f"{result.stderr[:500]}")
    return result.stdout


def description_column(lines):
    """The column descriptions start at: the indentation of continuation lines (CLI11's
    column width, 30 by default)."""
    widths = [len(l) - len(l.lstrip(" ")) for l in lines if CONTINUATION.match(l)]
    return max(set(widths), key=widths.count) if widths else 30


def parse(text):
    """Returns [(section, spec, description)] for every entry line of the help text.

    CLI11 writes an entry's description after the spec when the spec fits before the
    description column (then possibly after a single space: `-o,--output DIR REQUIRED Write`),
    or else alone on the next line, indented to that column."""
    entries = []
    section = None
    lines = text.splitlines()
    col = description_column(lines)
    for i, line in enumerate(lines):
        header = HEADER.match(line)
        if header:
            section = header.group(1)
            continue
        entry = ENTRY.match(line)
        if not entry or section is None:
            continue
        if len(line) > col and line[col - 1] == " " and line[col] != " ":
            spec, description = line[:col].strip(), line[col:].strip()
        else:
            parts = re.split(r"\s{2,}", entry.group(1).strip(), maxsplit=1)
            spec = parts[0]
            description = parts[1].strip() if len(parts) > 1 else ""
        if not description and i + 1 < len(lines) and CONTINUATION.match(lines[i + 1]):
            description = lines[i + 1].strip()
        entries.append((section, spec, description))
    return entries


def main():
    binary = sys.argv[1]
    guide = None
    if len(sys.argv) == 4 and sys.argv[2] == "--guide":
        guide = open(sys.argv[3], encoding="utf-8").read()
    failures = []
    checked = 0
    commands = []
    config_names = set()
    todo = [[]]
    while todo:
        path = todo.pop(0)
        commands.append(path)
        name = " ".join(["codeanatomy", *path])
        text = run_help(binary, path)
        for key, env in CONFIG_KEY.findall(text):
            config_names.update((key, env))
        for section, spec, description in parse(text):
            checked += 1
            if not description:
                failures.append(f"`{name} --help`: {section} entry `{spec}` has no description")
            if section == "Subcommands":
                todo.append([*path, spec.split()[0]])
    print(f"checked {checked} help entries of {len(commands)} commands: "
          + ", ".join(" ".join(["codeanatomy", *p]) for p in commands))
    if len(commands) < 2:
        failures.append("found no subcommands in `codeanatomy --help`")
    if guide is not None:
        for path in commands[1:]:
            name = " ".join(["codeanatomy", *path])
            # Commands with subcommands (export) are documented through them.
            if not re.search(re.escape(name) + r"\b", guide):
                failures.append(f"docs/guide.md does not mention `{name}`")
        for config_name in sorted(config_names):
            if f"`{config_name}`" not in guide:
                failures.append(f"docs/guide.md does not mention the configuration `{config_name}`")
    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
