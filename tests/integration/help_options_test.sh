#!/usr/bin/env bash
# Every option, positional and subcommand in the --help of every command (found recursively
# from `codeanatomy --help`) has a description. See help_options.py.
set -euo pipefail
exec python3 "$(dirname "$0")/help_options.py" "${1:?usage: $0 PATH_TO_codeanatomy}"
