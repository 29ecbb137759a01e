// The rows that extraction and per-file binding produce, one struct per table. Each row
// lists its columns once, in `columns(f)`: the store derives the table schema from it
// (store/schema.hpp) and appends rows through it, so schema and data cannot drift apart.
//
// Column types: uint64_t -> UBIGINT, int64_t -> BIGINT, int32_t -> INTEGER, bool -> BOOLEAN,
// double -> DOUBLE, std::string -> VARCHAR, std::optional<T> -> nullable T.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/source_text.hpp"
#include "extract/program_ir.hpp"

namespace ca {

/// A byte range that may be absent (NULL columns), e.g. a parameter's default.
struct OptRange {
  std::optional<int64_t> bstart;
  std::optional<int64_t> bend;

  bool operator==(const OptRange&) const = default;
};

/// Visits the six columns of a Span: bstart, bend, start_line, start_col, end_line, end_col.
template <class F>
void span_columns(F& f, const Span& s) {
  f("bstart", s.bstart);
  f("bend", s.bend);
  f("start_line", s.start_line);
  f("start_col", s.start_col);
  f("end_line", s.end_line);
  f("end_col", s.end_col);
}

// ---------------------------------------------------------------------------------------
// Scan: repo_files, repo_packages

/// One source file found by the scan (table repo_files).
struct RepoFileRow {
  FileId file_id = 0;
  std::string path;    ///< repo-relative, '/'-separated
  std::string module;  ///< dotted module name ("pkg.mod"; "pkg" for pkg/__init__.py)
  int64_t size_bytes = 0;
  int32_t line_count = 0;
  int32_t end_line = 1;  ///< line and column of the end of the file
  int32_t end_col = 0;
  std::string content_hash;      ///< XXH3-128 of the bytes, hex
  std::string status;            ///< ok, syntax_error, decode_error, too_large, unreadable
  std::string encoding;          ///< encoding the text was decoded from ("" when not decoded)
  bool is_package_init = false;  ///< __init__.py / __init__.pyi
  bool is_stub = false;          ///< .pyi

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("path", path);
    f("module", module);
    f("size_bytes", size_bytes);
    f("line_count", line_count);
    f("end_line", end_line);
    f("end_col", end_col);
    f("content_hash", content_hash);
    f("status", status);
    f("encoding", encoding);
    f("is_package_init", is_package_init);
    f("is_stub", is_stub);
  }

  bool operator==(const RepoFileRow&) const = default;
};

/// One package directory (table repo_packages): regular (has __init__) or namespace.
struct RepoPackageRow {
  NodeId node_id = 0;                  ///< node_id_for(dir_path, PACKAGE, 0, 0)
  std::string name;                    ///< last dotted component
  std::string qualname;                ///< dotted package name
  std::string dir_path;                ///< repo-relative directory ("" is never a package)
  std::optional<FileId> init_file_id;  ///< the __init__.py(i), none for a namespace package
  std::optional<NodeId> parent_package_id;

  template <class F>
  void columns(F&& f) const {
    f("node_id", node_id);
    f("name", name);
    f("qualname", qualname);
    f("dir_path", dir_path);
    f("init_file_id", init_file_id);
    f("parent_package_id", parent_package_id);
  }
};

/// A problem with a file (table diagnostics). bstart/bend are NULL when it concerns the
/// whole file; file_id 0 with an empty path when it concerns the whole program (e.g. the
/// resolver's fixpoint bound).
struct DiagnosticRow {
  FileId file_id = 0;
  std::string path;
  std::string layer;     ///< scan, ts, bind, ...
  std::string severity;  ///< error, warning, info
  std::string code;      ///< stable machine name, e.g. syntax_error, decode_error
  std::string message;   ///< for people: what is wrong and what to do
  std::optional<int64_t> bstart;
  std::optional<int64_t> bend;
  std::optional<int32_t> start_line;
  std::optional<int32_t> start_col;
  std::optional<int32_t> end_line;
  std::optional<int32_t> end_col;

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("path", path);
    f("layer", layer);
    f("severity", severity);
    f("code", code);
    f("message", message);
    f("bstart", bstart);
    f("bend", bend);
    f("start_line", start_line);
    f("start_col", start_col);
    f("end_line", end_line);
    f("end_col", end_col);
  }

  bool operator==(const DiagnosticRow&) const = default;
};

/// What kind of control-flow block a FlowBlock is (see FlowBlock).
enum class FlowKind : uint8_t {
  Root,     ///< the entry of a scope: the module, a class body, a function, a lambda or a
            ///< comprehension
  Branch,   ///< one arm of an exclusive construct: if/elif/else arms, match cases
  Loop,     ///< the body of a for/while loop (with a while loop's condition, a for loop's
            ///< target); its `else:` is a Plain block after it
  TryBody,  ///< the body of a try statement
  Handler,  ///< an except arm or the try's `else:`; arms of one try exclude each other but
            ///< not the try body
  Finally,  ///< a finally block
  Plain,    ///< a block that may be cut short or skipped: a with body, a loop's `else:`
};

/// "No block": the parent of a file's first Root block.
inline constexpr uint32_t kNoFlowBlock = 0xFFFFFFFFu;

/// A control-flow block of one file (in memory only, never persisted): the extractor
/// builds the tree and tags rows with the block their statement stands in, so that the
/// binder can tell which bindings may reach a read. Block 0 is the module's Root. A nested
/// scope starts a Root whose parent is the block where its definition stands.
struct FlowBlock {
  uint32_t parent = kNoFlowBlock;
  NodeId scope_id = 0;  ///< the scope the block's code runs in
  FlowKind kind = FlowKind::Root;
  uint32_t construct = 0;  ///< Branch/Handler: the exclusive construct (unique in the file)
  uint32_t arm = 0;        ///< Branch/Handler: which arm of it

  bool operator==(const FlowBlock&) const = default;
};

// ---------------------------------------------------------------------------------------
// Extraction (tree-sitter): ts_*

/// A scope (table ts_scopes): module, class, function, lambda or comprehension. The
/// scope_id of a class/function/lambda is the node_id of its CLASS/FUNCTION/LAMBDA node;
/// of a module, its MODULE node id (node_id_for(path, MODULE, 0, size)).
struct ScopeRow {
  FileId file_id = 0;
  NodeId scope_id = 0;
  std::optional<NodeId> parent_scope_id;  ///< lexically enclosing scope; none for a module
  std::string kind;                       ///< module, class, function, lambda, comprehension
  std::string name;      ///< identifier, "<lambda>", "<listcomp>", ...; module: last component
  std::string qualname;  ///< module dotted name + "." + __qualname__ (module: its name)
  Span span;

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("scope_id", scope_id);
    f("parent_scope_id", parent_scope_id);
    f("kind", kind);
    f("name", name);
    f("qualname", qualname);
    span_columns(f, span);
  }

  bool operator==(const ScopeRow&) const = default;
};

/// A definition (table ts_defs): CLASS, FUNCTION, LAMBDA, or a VARIABLE binding site.
/// CLASS/FUNCTION/LAMBDA span runs from the keyword to the end of the body, decorators
/// excluded; a VARIABLE spans the bound identifier.
struct DefRow {
  FileId file_id = 0;
  NodeId node_id = 0;
  std::string kind;      ///< CLASS, FUNCTION, LAMBDA, VARIABLE
  std::string def_kind;  ///< class, function, lambda, assign, augassign, annassign, for,
                         ///< with, except, walrus, match, del, comprehension_for, type_alias
  std::string name;
  std::string qualname;
  NodeId scope_id = 0;  ///< scope the definition statement appears in (lexically)
  Span span;
  int64_t name_bstart = 0;  ///< the identifier
  int64_t name_bend = 0;
  bool is_async = false;
  bool is_method = false;  ///< FUNCTION directly in a class body
  // In memory only (not in columns()): where the binding happens in the control flow.
  uint32_t flow_block = 0;  ///< FileFacts::flow_blocks index of the defining statement
  int64_t flow_pos = 0;     ///< where the name is bound: after the value of an assignment or
                            ///< walrus, after a for's iterable, at the end of a def/class

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("node_id", node_id);
    f("kind", kind);
    f("def_kind", def_kind);
    f("name", name);
    f("qualname", qualname);
    f("scope_id", scope_id);
    span_columns(f, span);
    f("name_bstart", name_bstart);
    f("name_bend", name_bend);
    f("is_async", is_async);
    f("is_method", is_method);
  }

  bool operator==(const DefRow&) const = default;
};

/// A parameter (table ts_params). Span: the name through its annotation (as CPython's
/// ast.arg), default excluded.
struct ParamRow {
  FileId file_id = 0;
  NodeId node_id = 0;
  NodeId function_id = 0;  ///< FUNCTION or LAMBDA
  int32_t position = 0;    ///< 0-based, in source order
  std::string name;
  std::string qualname;
  std::string param_kind;  ///< positional_only, positional_or_keyword, var_positional,
                           ///< keyword_only, var_keyword
  Span span;
  OptRange default_range;
  OptRange annotation_range;
  uint32_t flow_block = 0;  ///< the function's Root block (in memory only, not in columns())

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("node_id", node_id);
    f("function_id", function_id);
    f("position", position);
    f("name", name);
    f("qualname", qualname);
    f("param_kind", param_kind);
    span_columns(f, span);
    f("default_bstart", default_range.bstart);
    f("default_bend", default_range.bend);
    f("annotation_bstart", annotation_range.bstart);
    f("annotation_bend", annotation_range.bend);
  }

  bool operator==(const ParamRow&) const = default;
};

/// An identifier occurrence in an expression (table ts_names): a name, or the attribute
/// identifier of `x.attr`. node_id is the id of its REFERENCE node.
struct NameRow {
  FileId file_id = 0;
  NodeId node_id = 0;
  NodeId scope_id = 0;  ///< scope the occurrence is evaluated in
  std::string name;
  std::string ctx;  ///< load, store, del
  bool is_attribute = false;
  Span span;                ///< the identifier token
  OptRange receiver_range;  ///< for attributes: the object expression
  uint32_t flow_block = 0;  ///< FileFacts::flow_blocks index (in memory only, not in columns())

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("node_id", node_id);
    f("scope_id", scope_id);
    f("name", name);
    f("ctx", ctx);
    f("is_attribute", is_attribute);
    span_columns(f, span);
    f("receiver_bstart", receiver_range.bstart);
    f("receiver_bend", receiver_range.bend);
  }

  bool operator==(const NameRow&) const = default;
};

/// One imported name or alias clause (table ts_imports). `import a.b as c` gives module
/// "a.b", name NULL, alias "c", bound_name "c"; `import a.b` bound_name "a";
/// `from ..m import x as y` gives module "m", level 2, name "x", alias "y", bound_name "y";
/// `from m import *` gives name "*", is_star, bound_name NULL.
struct ImportRow {
  FileId file_id = 0;
  NodeId node_id = 0;
  NodeId scope_id = 0;
  bool is_from = false;
  std::string module;  ///< dotted, without the leading dots ("" for `from . import x`)
  int32_t level = 0;   ///< number of leading dots
  std::optional<std::string> name;
  std::optional<std::string> alias;
  std::optional<std::string> bound_name;
  bool is_star = false;
  Span span;  ///< the imported name or its alias clause
  int64_t stmt_bstart = 0;
  int64_t stmt_bend = 0;
  uint32_t flow_block = 0;  ///< FileFacts::flow_blocks index (in memory only, not in columns())

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("node_id", node_id);
    f("scope_id", scope_id);
    f("is_from", is_from);
    f("module", module);
    f("level", level);
    f("name", name);
    f("alias", alias);
    f("bound_name", bound_name);
    f("is_star", is_star);
    span_columns(f, span);
    f("stmt_bstart", stmt_bstart);
    f("stmt_bend", stmt_bend);
  }

  bool operator==(const ImportRow&) const = default;
};

/// A call site (table ts_calls). Span: the whole call expression.
struct CallRow {
  FileId file_id = 0;
  NodeId node_id = 0;
  NodeId scope_id = 0;
  std::string callee_text;  ///< source text of the callee expression
  int64_t callee_bstart = 0;
  int64_t callee_bend = 0;
  std::optional<NodeId> callee_ref_id;  ///< REFERENCE of the callee's last identifier
  int32_t n_positional = 0;             ///< positional arguments, *args included
  int32_t n_keyword = 0;                ///< keyword arguments, **kwargs included
  std::string keyword_names;            ///< comma-separated, in order
  bool has_star_args = false;
  bool has_star_kwargs = false;
  Span span;

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("node_id", node_id);
    f("scope_id", scope_id);
    f("callee_text", callee_text);
    f("callee_bstart", callee_bstart);
    f("callee_bend", callee_bend);
    f("callee_ref_id", callee_ref_id);
    f("n_positional", n_positional);
    f("n_keyword", n_keyword);
    f("keyword_names", keyword_names);
    f("has_star_args", has_star_args);
    f("has_star_kwargs", has_star_kwargs);
    span_columns(f, span);
  }

  bool operator==(const CallRow&) const = default;
};

/// A decorator (table ts_decorators): the expression after '@'.
struct DecoratorRow {
  FileId file_id = 0;
  NodeId target_id = 0;  ///< decorated CLASS/FUNCTION
  int32_t position = 0;  ///< 0 = topmost
  std::string text;
  std::optional<NodeId> ref_id;  ///< REFERENCE of the head identifier (`@a.b(...)` -> b)
  Span span;

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("target_id", target_id);
    f("position", position);
    f("text", text);
    f("ref_id", ref_id);
    span_columns(f, span);
  }

  bool operator==(const DecoratorRow&) const = default;
};

/// A base or keyword argument of a class statement (table ts_class_bases).
struct ClassBaseRow {
  FileId file_id = 0;
  NodeId class_id = 0;
  int32_t position = 0;                ///< 0-based among positional bases
  std::optional<std::string> keyword;  ///< e.g. "metaclass"; NULL for a base
  std::string text;
  std::optional<NodeId> ref_id;  ///< REFERENCE of the expression's last identifier
  Span span;

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("class_id", class_id);
    f("position", position);
    f("keyword", keyword);
    f("text", text);
    f("ref_id", ref_id);
    span_columns(f, span);
  }

  bool operator==(const ClassBaseRow&) const = default;
};

/// A return, yield or yield-from (table ts_returns).
struct ReturnRow {
  FileId file_id = 0;
  NodeId scope_id = 0;  ///< the function, lambda or module it belongs to
  std::string kind;     ///< return, yield, yield_from
  Span span;
  OptRange value_range;

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("scope_id", scope_id);
    f("kind", kind);
    span_columns(f, span);
    f("value_bstart", value_range.bstart);
    f("value_bend", value_range.bend);
  }

  bool operator==(const ReturnRow&) const = default;
};

/// A docstring of a module, class or function (table ts_docstrings).
struct DocstringRow {
  FileId file_id = 0;
  NodeId owner_id = 0;  ///< scope_id of the module/class/function
  std::string text;     ///< the string literal as written (quotes and prefixes included)
  Span span;

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("owner_id", owner_id);
    f("text", text);
    span_columns(f, span);
  }

  bool operator==(const DocstringRow&) const = default;
};

/// One name of a `global` or `nonlocal` statement (table ts_scope_decls).
struct ScopeDeclRow {
  FileId file_id = 0;
  NodeId scope_id = 0;
  std::string name;
  std::string kind;  ///< global, nonlocal
  Span span;
  uint32_t flow_block = 0;  ///< FileFacts::flow_blocks index (in memory only, not in columns())

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("scope_id", scope_id);
    f("name", name);
    f("kind", kind);
    span_columns(f, span);
  }

  bool operator==(const ScopeDeclRow&) const = default;
};

// ---------------------------------------------------------------------------------------
// Per-file binding: res_*

/// A binding of a name in the scope that owns it (table res_bindings): every VARIABLE,
/// CLASS, FUNCTION, PARAMETER and IMPORT that binds a name. The owner differs from the
/// lexical scope under `global`/`nonlocal`, and for walrus targets in comprehensions.
struct BindingRow {
  FileId file_id = 0;
  NodeId node_id = 0;  ///< the VARIABLE/CLASS/FUNCTION/PARAMETER/IMPORT node
  std::string name;
  NodeId owner_scope_id = 0;
  std::string binding_kind;  ///< variable, class, function, parameter, import

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("node_id", node_id);
    f("name", name);
    f("owner_scope_id", owner_scope_id);
    f("binding_kind", binding_kind);
  }

  bool operator==(const BindingRow&) const = default;
};

/// Where a name occurrence (load or del, not attributes) resolves in its file (table
/// res_name_refs). One row per binding it may read; a name bound nowhere in the file has
/// one row with binding_id NULL (a builtin or a name resolved across files later).
struct NameRefRow {
  FileId file_id = 0;
  NodeId ref_id = 0;  ///< the REFERENCE (ts_names.node_id)
  std::string name;
  std::optional<NodeId> binding_id;      ///< res_bindings.node_id
  std::optional<NodeId> owner_scope_id;  ///< scope whose binding it reads
  std::string resolution;                ///< local, enclosing, global, class, unresolved

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("ref_id", ref_id);
    f("name", name);
    f("binding_id", binding_id);
    f("owner_scope_id", owner_scope_id);
    f("resolution", resolution);
  }

  bool operator==(const NameRefRow&) const = default;
};

/// Everything extracted from one file.
struct FileFacts {
  std::vector<ScopeRow> scopes;
  std::vector<DefRow> defs;
  std::vector<ParamRow> params;
  std::vector<NameRow> names;
  std::vector<ImportRow> imports;
  std::vector<CallRow> calls;
  std::vector<DecoratorRow> decorators;
  std::vector<ClassBaseRow> class_bases;
  std::vector<ReturnRow> returns;
  std::vector<DocstringRow> docstrings;
  std::vector<ScopeDeclRow> scope_decls;
  std::vector<BindingRow> bindings;
  std::vector<NameRefRow> name_refs;
  std::vector<DiagnosticRow> diagnostics;
  /// The control-flow blocks the rows' flow_block fields point into (not persisted). Empty
  /// when the facts come from elsewhere than the tree-sitter walk: the binder is then
  /// flow-insensitive.
  std::vector<FlowBlock> flow_blocks;
  /// The program IR of the file, for the whole-program resolver (not persisted).
  ir::FileIr ir;

  bool operator==(const FileFacts&) const = default;
};

/// Calls fn(table_name, rows) for every per-file fact table of FileFacts, in one fixed
/// order. The one list that ties FileFacts members to table names.
template <class Facts, class F>
void for_each_fact_table(Facts& facts, F&& fn) {
  fn("ts_scopes", facts.scopes);
  fn("ts_defs", facts.defs);
  fn("ts_params", facts.params);
  fn("ts_names", facts.names);
  fn("ts_imports", facts.imports);
  fn("ts_calls", facts.calls);
  fn("ts_decorators", facts.decorators);
  fn("ts_class_bases", facts.class_bases);
  fn("ts_returns", facts.returns);
  fn("ts_docstrings", facts.docstrings);
  fn("ts_scope_decls", facts.scope_decls);
  fn("res_bindings", facts.bindings);
  fn("res_name_refs", facts.name_refs);
  fn("diagnostics", facts.diagnostics);
}

// ---------------------------------------------------------------------------------------
// Whole-program resolution: res_* tables written by resolve/program/

/// A module or symbol outside the repository (table res_externals), builtins included.
/// node_id = node_id_for("", EXTERNAL, 0, 0, qualname).
struct ExternalRow {
  NodeId node_id = 0;
  std::string qualname;  ///< dotted: "os.path.join", "builtins.len", "ext.Cls.fun"
  std::string name;      ///< last component
  std::string origin;    ///< builtin, stdlib, third_party, unknown

  template <class F>
  void columns(F&& f) const {
    f("node_id", node_id);
    f("qualname", qualname);
    f("name", name);
    f("origin", origin);
  }
};

/// What one IMPORT resolves to (table res_imports).
struct ImportResolutionRow {
  FileId file_id = 0;
  NodeId import_id = 0;                    ///< the IMPORT node
  NodeId importer_module_id = 0;           ///< MODULE node of the importing file
  std::optional<NodeId> module_target_id;  ///< MODULE node or EXTERNAL of the module imported
  std::optional<NodeId> symbol_id;         ///< what the bound name holds: MODULE, CLASS, FUNCTION,
                                           ///< VARIABLE, IMPORT-free definition, or EXTERNAL
  std::string resolution;                  ///< module, submodule, symbol, reexport, star, external,
                                           ///< unresolved

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("import_id", import_id);
    f("importer_module_id", importer_module_id);
    f("module_target_id", module_target_id);
    f("symbol_id", symbol_id);
    f("resolution", resolution);
  }
};

/// A REFERENCE resolved by the whole-program resolver (table res_refs): names read through
/// imports and builtins, and attributes. One row per possible target.
struct RefResolutionRow {
  FileId file_id = 0;
  NodeId ref_id = 0;
  NodeId target_id = 0;    ///< VARIABLE, PARAMETER, FUNCTION, CLASS, MODULE or EXTERNAL
  std::string resolution;  ///< import, builtin, attribute, mro, instance_attribute, ...
  double confidence = 1.0;

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("ref_id", ref_id);
    f("target_id", target_id);
    f("resolution", resolution);
    f("confidence", confidence);
  }
};

/// A base of a class (table res_inherits).
struct InheritsRow {
  FileId file_id = 0;
  NodeId class_id = 0;
  int32_t position = 0;
  NodeId base_id = 0;  ///< CLASS or EXTERNAL
  int64_t bstart = 0;  ///< the base expression
  int64_t bend = 0;
  std::string resolution;

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("class_id", class_id);
    f("position", position);
    f("base_id", base_id);
    f("bstart", bstart);
    f("bend", bend);
    f("resolution", resolution);
  }
};

/// One entry of a class's C3 method resolution order (table res_mro); position 0 is the
/// class itself.
struct MroRow {
  NodeId class_id = 0;
  int32_t position = 0;
  NodeId entry_id = 0;  ///< CLASS or EXTERNAL

  template <class F>
  void columns(F&& f) const {
    f("class_id", class_id);
    f("position", position);
    f("entry_id", entry_id);
  }
};

/// A method overriding another found later in its class's MRO (table res_overrides).
struct OverridesRow {
  FileId file_id = 0;
  NodeId method_id = 0;
  NodeId overridden_id = 0;  ///< FUNCTION (or EXTERNAL for a method of an external base)

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("method_id", method_id);
    f("overridden_id", overridden_id);
  }
};

/// One possible callee of a call (table res_calls). Implicit calls without a CALL node
/// (decorator application, constructors' __init__ reached from a class call, ...) have
/// call_id NULL and the span of the site that causes them.
struct CallResolutionRow {
  FileId file_id = 0;
  std::optional<NodeId> call_id;  ///< the CALL node
  NodeId caller_id = 0;           ///< enclosing FUNCTION, LAMBDA or MODULE node
  NodeId callee_id = 0;           ///< FUNCTION, LAMBDA, CLASS (construction) or EXTERNAL
  int64_t bstart = 0;             ///< the site
  int64_t bend = 0;
  std::string resolution;  ///< direct, alias, parameter, return, attribute, method, constructor,
                           ///< decorator, ...
  double confidence = 1.0;

  template <class F>
  void columns(F&& f) const {
    f("file_id", file_id);
    f("call_id", call_id);
    f("caller_id", caller_id);
    f("callee_id", callee_id);
    f("bstart", bstart);
    f("bend", bend);
    f("resolution", resolution);
    f("confidence", confidence);
  }
};

/// Everything the whole-program resolver produces.
struct ProgramFacts {
  std::vector<ExternalRow> externals;
  std::vector<ImportResolutionRow> imports;
  std::vector<RefResolutionRow> refs;
  std::vector<InheritsRow> inherits;
  std::vector<MroRow> mro;
  std::vector<OverridesRow> overrides;
  std::vector<CallResolutionRow> calls;
  std::vector<DiagnosticRow> diagnostics;  ///< layer "resolve": MRO conflicts, cycles, ...
};

}  // namespace ca
