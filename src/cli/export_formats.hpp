// The formats of `codeanatomy export`: each registers itself as a subcommand of `export`
// in its own file (export_<format>_command.cpp).
#pragma once

#include <string>

#include "cli/commands.hpp"

namespace ca::cli {

/// Writes `text` to `output`, or to stdout when `output` is empty; logs and returns
/// kExitNoGraph when the file cannot be written.
int write_text_output(const std::string& text, const std::string& output);

/// `export callgraph DIR --format pycg [-o FILE]`.
RegisteredCommand add_callgraph_export(CLI::App& export_cmd);

/// `export parquet DIR -o OUTDIR`: every table as OUTDIR/<table>.parquet.
RegisteredCommand add_parquet_export(CLI::App& export_cmd);

/// `export dot|graphml DIR [--what calls|imports|inherits] [--module P] [--depth N] [-o F]`
/// (export_picture_command.cpp).
RegisteredCommand add_dot_export(CLI::App& export_cmd);
RegisteredCommand add_graphml_export(CLI::App& export_cmd);

/// `export scip DIR [-o index.scip] [--project-name N] [--project-version V]`.
RegisteredCommand add_scip_export(CLI::App& export_cmd);

}  // namespace ca::cli
