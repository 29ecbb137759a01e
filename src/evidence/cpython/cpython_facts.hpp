// The rows of the `cpython` evidence layer (DESIGN.md §1): CPython 3.11's own view of a
// file, from its `ast`, `symtable` and `dis` modules run in a worker process
// (cpython_worker.hpp). Rows follow the columns(f) convention of extract/facts.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "extract/facts.hpp"

namespace ca {

/// A canonical span that may be absent (CPython gives no position for e.g. `arguments`,
/// operators or the Module node): original byte offsets plus 1-based line, 0-based byte col.
struct OptSpan {
  std::optional<int64_t> bstart, bend;
  std::optional<int32_t> start_line, start_col, end_line, end_col;

  void set(const Span& s) {
    bstart = s.bstart, bend = s.bend, start_line = s.start_line, start_col = s.start_col;
    end_line = s.end_line, end_col = s.end_col;
  }
  template <class F>
  void columns(F& f) const {
    f("bstart", bstart);
    f("bend", bend);
    f("start_line", start_line);
    f("start_col", start_col);
    f("end_line", end_line);
    f("end_col", end_col);
  }
};

/// One node of CPython's `ast` (table py_ast_nodes), in preorder. Context nodes
/// (Load/Store/Del) are not rows: their owner's `ctx` column holds them.
struct PyAstNodeRow {
  FileId file_id = 0;
  int32_t ast_id = 0;                    ///< preorder index in the file, Module = 0
  std::optional<int32_t> parent_ast_id;  ///< NULL for the Module
  std::string kind;                      ///< AST class name: FunctionDef, Name, ...
  std::optional<std::string> field;      ///< the parent's field holding it ("body")
  std::optional<int32_t> field_index;    ///< position in that field when it is a list
  std::optional<std::string> name;       ///< name/id/arg/attr when the node has one
  std::optional<std::string> ctx;        ///< load, store, del
  OptSpan span;

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("ast_id", ast_id);
    f("parent_ast_id", parent_ast_id);
    f("kind", kind);
    f("field", field);
    f("field_index", field_index);
    f("name", name);
    f("ctx", ctx);
    span.columns(f);
  }
};

/// One symbol table (table py_symtable_scopes), in preorder of symtable's tree.
struct PySymtableScopeRow {
  FileId file_id = 0;
  int32_t scope_index = 0;                    ///< preorder index, module = 0
  std::optional<int32_t> parent_scope_index;  ///< NULL for the module
  std::string scope_type;                     ///< module, class, function (3.11's types)
  std::string name;                           ///< top, a def/class name, lambda, listcomp..
  int32_t line = 0;

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("scope_index", scope_index);
    f("parent_scope_index", parent_scope_index);
    f("scope_type", scope_type);
    f("name", name);
    f("line", line);
  }
};

/// One symbol of a symbol table with symtable.Symbol's predicates (table
/// py_symtable_symbols). is_cell is scope == CELL (symtable has no public predicate).
struct PySymtableSymbolRow {
  FileId file_id = 0;
  int32_t scope_index = 0;
  std::string name;
  bool is_local = false, is_global = false, is_declared_global = false, is_nonlocal = false,
       is_free = false, is_cell = false, is_parameter = false, is_imported = false,
       is_assigned = false, is_referenced = false, is_annotated = false, is_namespace = false;
  int32_t raw_flags = 0;  ///< CPython's symbol flags: the DEF_* bits and the scope

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("scope_index", scope_index);
    f("name", name);
    f("is_local", is_local);
    f("is_global", is_global);
    f("is_declared_global", is_declared_global);
    f("is_nonlocal", is_nonlocal);
    f("is_free", is_free);
    f("is_cell", is_cell);
    f("is_parameter", is_parameter);
    f("is_imported", is_imported);
    f("is_assigned", is_assigned);
    f("is_referenced", is_referenced);
    f("is_annotated", is_annotated);
    f("is_namespace", is_namespace);
    f("raw_flags", raw_flags);
  }
};

/// One bytecode instruction (table py_bytecode_instructions), CACHE entries excluded.
struct PyBytecodeRow {
  FileId file_id = 0;
  int32_t code_id = 0;   ///< preorder index of the code object (module = 0)
  std::string qualname;  ///< co_qualname ("<module>", "C.m", "f.<locals>.<lambda>")
  int32_t offset = 0;
  std::string opname;
  std::optional<int32_t> arg;
  std::string argrepr;  ///< dis's argrepr, cut to 256 characters
  OptSpan span;         ///< the instruction's positions; NULL when CPython has none

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("code_id", code_id);
    f("qualname", qualname);
    f("bc_offset", offset);
    f("opname", opname);
    f("arg", arg);
    f("argrepr", argrepr);
    span.columns(f);
  }
};

/// Everything the cpython layer gives for one file; diagnostics have layer "cpython".
struct CpythonFacts {
  std::vector<PyAstNodeRow> ast_nodes;
  std::vector<PySymtableScopeRow> scopes;
  std::vector<PySymtableSymbolRow> symbols;
  std::vector<PyBytecodeRow> instructions;
  std::vector<DiagnosticRow> diagnostics;
};

/// Calls fn(table_name, rows) for each table of the layer (diagnostics excluded: they go
/// to the shared diagnostics table), in one fixed order.
template <class Facts, class F>
void for_each_cpython_table(Facts& facts, F&& fn) {
  fn("py_ast_nodes", facts.ast_nodes);
  fn("py_symtable_scopes", facts.scopes);
  fn("py_symtable_symbols", facts.symbols);
  fn("py_bytecode_instructions", facts.instructions);
}

}  // namespace ca
