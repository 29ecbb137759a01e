// Descriptions of the tables of cpg.duckdb for docs/schema.md (see table_docs.hpp).
#include "table_docs.hpp"

namespace ca::docs {

const std::vector<TableDoc>& table_docs() {
  using G = TableGroup;
  static const std::vector<TableDoc> docs{
      // The graph.
      {"cpg_nodes",
       G::Graph,
       "",
       {
           {"node_id", "content hash of (path, kind, span, discriminator); unique"},
           {"kind", "a node kind (above)"},
           {"name", "bare identifier of a definition; callee text of a CALL; path of a FILE"},
           {"qualname",
            "module dotted name + `.` + Python `__qualname__` (`pkg.mod.Outer.method`); "
            "NULL for CALL, REFERENCE and DIAGNOSTIC"},
           {"file_id", "NULL for EXTERNAL nodes"},
           {"path", "repo-relative path; NULL for EXTERNAL nodes"},
           {"start_line", "1-based; of the identifier for definitions"},
           {"start_col", "0-based, in UTF-8 bytes"},
           {"evidence", "the layer that saw it: `scan`, `ts`, `resolve`, ..."},
       }},
      {"cpg_edges",
       G::Graph,
       "",
       {
           {"edge_id", "hash of (kind, src, dst, bstart)"},
           {"kind", "an edge kind (above)"},
           {"src", "`cpg_nodes.node_id`"},
           {"dst", "`cpg_nodes.node_id`"},
           {"bstart", "span of the site that justifies the edge"},
           {"resolution",
            "how it was derived: `syntax`, `scope_<binding kind>`, "
            "`lexical_<local|enclosing|global|class>`, `import`, `direct`, `method`, "
            "`constructor`, `mro`, ..."},
           {"confidence", "0..1; a site with n possible targets gives each 1/n"},
       }},
      {"cpg_props",
       G::Graph,
       "",
       {
           {"node_id", "a `cpg_nodes.node_id`, or a `cpg_edges.edge_id` for edge properties"},
           {"key",
            "`is_method`, `is_async`, `decorators` (FUNCTION/CLASS), `param_kind`, `position`, "
            "`status`, `encoding` (FILE)"},
           {"value", "as text (`true`/`false` for flags)"},
       }},
      {"cpg_node_kinds", G::Graph, "The node kinds, with descriptions (the table above).", {}},
      {"cpg_edge_kinds", G::Graph, "The edge kinds, with descriptions (the table above).", {}},

      // The scan.
      {"repo_files",
       G::Scan,
       "One row per Python file found by the scan (`*.py`, `*.pyi`, honouring `.gitignore`).",
       {
           {"path", "repo-relative, `/`-separated"},
           {"module", "dotted module name (`pkg.mod`; `pkg` for `pkg/__init__.py`)"},
           {"end_line", "line and column of the end of the file"},
           {"content_hash", "XXH3-128 of the bytes, hex"},
           {"status", "`ok`, `syntax_error`, `decode_error`, `too_large`, `unreadable`"},
           {"encoding", "the encoding the text was decoded from (empty when not decoded)"},
       }},
      {"repo_packages",
       G::Scan,
       "Package directories, regular (with `__init__.py`) or namespace.",
       {
           {"qualname", "dotted package name"},
           {"dir_path", "repo-relative directory"},
           {"init_file_id", "the `__init__.py(i)`; NULL for a namespace package"},
       }},
      {"diagnostics",
       G::Scan,
       "Every problem found, by any stage: unreadable or undecodable files, syntax errors, "
       "parse timeouts, resolver limits. A file with problems keeps the rest of its facts.",
       {
           {"file_id", "0 (with an empty path) for a problem of the whole program"},
           {"layer", "`scan`, `ts`, `bind`, `resolve`, ..."},
           {"severity", "`error`, `warning`, `info`"},
           {"code", "stable machine name, e.g. `syntax_error`, `decode_error`"},
           {"message", "for people: what is wrong and what to do"},
           {"bstart", "NULL when the problem concerns the whole file"},
       }},

      // Syntax facts from tree-sitter.
      {"ts_scopes",
       G::Syntax,
       "Module, class, function, lambda and comprehension scopes. The `scope_id` of a "
       "class, function or lambda is its node's id; of a module, its MODULE node's id.",
       {
           {"parent_scope_id", "lexically enclosing scope; NULL for a module"},
           {"kind", "`module`, `class`, `function`, `lambda`, `comprehension`"},
       }},
      {"ts_defs",
       G::Syntax,
       "CLASS, FUNCTION, LAMBDA and VARIABLE definitions. A class or function spans from its "
       "keyword to the end of its body, decorators excluded; a VARIABLE spans the bound "
       "identifier.",
       {
           {"def_kind",
            "the statement: `class`, `function`, `lambda`, `assign`, `augassign`, `annassign`, "
            "`for`, `with`, `except`, `walrus`, `match`, `del`, `comprehension_for`, "
            "`type_alias`"},
           {"scope_id", "the scope the definition statement appears in"},
           {"name_bstart", "span of the identifier"},
           {"is_method", "FUNCTION directly in a class body"},
       }},
      {"ts_params",
       G::Syntax,
       "Parameters of functions and lambdas; the span runs from the name through its "
       "annotation.",
       {
           {"function_id", "the FUNCTION or LAMBDA"},
           {"position", "0-based, in source order"},
           {"param_kind",
            "`positional_only`, `positional_or_keyword`, `var_positional`, `keyword_only`, "
            "`var_keyword`"},
           {"default_bstart", "NULL without a default"},
           {"annotation_bstart", "NULL without an annotation"},
       }},
      {"ts_names",
       G::Syntax,
       "Identifier occurrences in expressions: names, and the attribute identifier of "
       "`x.attr`. Loads, deletes and attribute stores are REFERENCE nodes.",
       {
           {"scope_id", "the scope the occurrence is evaluated in"},
           {"ctx", "`load`, `store`, `del`"},
           {"receiver_bstart", "for attributes: the object expression"},
       }},
      {"ts_imports",
       G::Syntax,
       "One row per imported name or alias clause. `import a.b as c`: module `a.b`, alias `c`, "
       "bound_name `c`; `from ..m import x as y`: module `m`, level 2, name `x`, alias `y`; "
       "`from m import *`: name `*`, is_star, bound_name NULL.",
       {
           {"module", "dotted, without the leading dots"},
           {"level", "number of leading dots"},
           {"stmt_bstart", "span of the whole import statement"},
       }},
      {"ts_calls",
       G::Syntax,
       "Call sites; the span is the whole call expression.",
       {
           {"callee_text", "source text of the callee expression"},
           {"callee_ref_id", "REFERENCE of the callee's last identifier"},
           {"n_positional", "positional arguments, `*args` included"},
           {"n_keyword", "keyword arguments, `**kwargs` included"},
           {"keyword_names", "comma-separated, in order"},
       }},
      {"ts_decorators",
       G::Syntax,
       "Decorator expressions (after `@`) of classes and functions.",
       {
           {"target_id", "the decorated CLASS or FUNCTION"},
           {"position", "0 = topmost"},
           {"ref_id", "REFERENCE of the head identifier (`@a.b(...)`: `b`)"},
       }},
      {"ts_class_bases",
       G::Syntax,
       "Bases and keyword arguments of class statements.",
       {
           {"position", "0-based among positional bases"},
           {"keyword", "e.g. `metaclass`; NULL for a base"},
           {"ref_id", "REFERENCE of the expression's last identifier"},
       }},
      {"ts_returns",
       G::Syntax,
       "`return`, `yield` and `yield from` statements.",
       {
           {"scope_id", "the function, lambda or module it belongs to"},
           {"kind", "`return`, `yield`, `yield_from`"},
           {"value_bstart", "NULL for a bare `return`"},
       }},
      {"ts_docstrings",
       G::Syntax,
       "Docstrings of modules, classes and functions.",
       {
           {"owner_id", "scope_id of the module, class or function"},
           {"text", "the string literal as written, quotes and prefixes included"},
       }},
      {"ts_scope_decls",
       G::Syntax,
       "Names declared by `global` and `nonlocal` statements.",
       {
           {"kind", "`global`, `nonlocal`"},
       }},

      // Name binding and whole-program resolution.
      {"py_ast_nodes",
       G::Syntax,
       "Layer `cpython` (`--layers ts,cpython`; empty without it): every node of CPython 3.11's "
       "`ast` in preorder, Load/Store/Del folded into `ctx`.",
       {
           {"ast_id", "preorder index within the file; the Module is 0"},
           {"kind", "the AST class name (`FunctionDef`, `Name`, ...)"},
           {"field", "the parent's field holding the node; `field_index` its list position"},
           {"name", "the node's name/id/arg/attr when it has one"},
           {"bstart", "canonical span of CPython's position; NULL when CPython gives none"},
       }},
      {"py_symtable_scopes",
       G::Syntax,
       "Layer `cpython`: CPython's symbol tables (module `top`, classes, functions, lambdas, "
       "comprehensions) in preorder.",
       {
           {"scope_type", "`module`, `class` or `function` (CPython 3.11's types)"},
       }},
      {"py_symtable_symbols",
       G::Syntax,
       "Layer `cpython`: each symbol of each symbol table with `symtable.Symbol`'s predicates; "
       "`is_cell` is scope CELL.",
       {
           {"raw_flags", "CPython's symbol flags (DEF_* bits and the scope)"},
       }},
      {"py_bytecode_instructions",
       G::Syntax,
       "Layer `cpython`: the bytecode instructions of every code object (`dis`, caches "
       "excluded) with their positions as canonical spans.",
       {
           {"code_id", "preorder index of the code object; the module is 0"},
           {"argrepr", "dis's argrepr, cut to 256 characters"},
       }},
      {"scip_documents",
       G::Syntax,
       "Layer `scip`: each document of the SCIP index (`--scip-index`, or scip-python's) that "
       "describes a file of the build.",
       {
           {"position_encoding",
            "as the document declares it: `utf8`, `utf16`, `utf32`, "
            "`unspecified` (or `unknown_<n>`)"},
           {"read_as",
            "how its positions were read; `unspecified` is read as UTF-16 code "
            "units, which is what scip-python writes"},
           {"occurrences", "occurrence rows kept for it"},
       }},
      {"scip_occurrences",
       G::Syntax,
       "Layer `scip`: each occurrence of a symbol, its range converted to a canonical span.",
       {
           {"occurrence_index", "position in the document's list"},
           {"roles", "SCIP's symbol_roles bits (1 definition, 2 import, 4 write, 8 read)"},
           {"is_local", "the symbol is document-local (`local N`)"},
           {"enclosing_bstart", "span of the whole definition, when the index gives one"},
           {"scip_range",
            "the range as the index has it: line, character[, line], character "
            "(0-based)"},
       }},
      {"scip_symbols",
       G::Syntax,
       "Layer `scip`: the index's SymbolInformation, per document (file_id NULL for external "
       "symbols).",
       {
           {"kind", "SCIP's kind name (`Function`, `Class`, ...); NULL when unspecified"},
           {"relationships", "one line per relationship: its roles, then the symbol"},
       }},
      {"scip_relationships",
       G::Syntax,
       "Layer `scip`: each relationship of a symbol (implementation = subclass or override).",
       {
           {"target_symbol", "the symbol related to"},
       }},
      {"res_bindings",
       G::Resolution,
       "Every binding of a name with the scope that owns it (after `global`/`nonlocal`).",
       {
           {"node_id", "the VARIABLE, CLASS, FUNCTION, PARAMETER or IMPORT node"},
           {"binding_kind", "`variable`, `class`, `function`, `parameter`, `import`"},
       }},
      {"res_name_refs",
       G::Resolution,
       "Each name load or delete with the bindings of its file it may read (one row per "
       "binding).",
       {
           {"ref_id", "the REFERENCE"},
           {"binding_id", "`res_bindings.node_id`; NULL when the file binds the name nowhere"},
           {"resolution", "`local`, `enclosing`, `global`, `class`, `unresolved`"},
       }},
      {"res_externals",
       G::Resolution,
       "Modules and symbols outside the repository, builtins included (the EXTERNAL nodes).",
       {
           {"qualname", "dotted: `os.path.join`, `builtins.len`"},
           {"origin", "`builtin`, `stdlib`, `third_party`, `unknown`"},
       }},
      {"res_imports",
       G::Resolution,
       "What each IMPORT resolves to: the module it imports and the definition its name "
       "binds.",
       {
           {"importer_module_id", "MODULE node of the importing file"},
           {"module_target_id", "MODULE or EXTERNAL imported; NULL when unresolved"},
           {"symbol_id", "what the bound name holds; NULL when unresolved"},
           {"resolution",
            "`module`, `submodule`, `symbol`, `reexport`, `star`, `external`, `unresolved`"},
       }},
      {"res_refs",
       G::Resolution,
       "References resolved through imports, builtins and attributes (one row per possible "
       "target).",
       {
           {"target_id", "VARIABLE, PARAMETER, FUNCTION, CLASS, MODULE or EXTERNAL"},
           {"resolution", "`import`, `builtin`, `attribute`, `mro`, `instance_attribute`, ..."},
       }},
      {"res_inherits",
       G::Resolution,
       "Bases of classes, resolved.",
       {
           {"base_id", "CLASS or EXTERNAL"},
           {"bstart", "span of the base expression"},
       }},
      {"res_mro",
       G::Resolution,
       "C3 method resolution order of each class; position 0 is the class itself.",
       {
           {"entry_id", "CLASS or EXTERNAL"},
       }},
      {"res_overrides",
       G::Resolution,
       "Methods overriding a method found later in their class's MRO.",
       {
           {"overridden_id", "FUNCTION, or EXTERNAL for a method of an external base"},
       }},
      {"res_calls",
       G::Resolution,
       "Every possible callee of every call site, and implicit calls (decorator application, "
       "`__init__` reached from a class call, ...).",
       {
           {"call_id", "the CALL node; NULL for an implicit call"},
           {"caller_id", "enclosing FUNCTION, LAMBDA or MODULE"},
           {"callee_id", "FUNCTION, LAMBDA, CLASS (construction) or EXTERNAL"},
           {"bstart", "span of the site"},
           {"resolution",
            "`direct`, `alias`, `parameter`, `return`, `attribute`, `method`, `constructor`, "
            "`decorator`, ..."},
       }},

      // The run.
      {"run_info",
       G::Run,
       "Facts about the build as key/value pairs: `repo_root`, `run_id`, `jobs`.",
       {}},
      {"run_tasks",
       G::Run,
       "One row per task of the build (scan, extract, load, resolve, each view, publish).",
       {
           {"kind", "`extract`, `native`, `view`"},
           {"generation", "wave of the task DAG it ran in"},
           {"inputs", "comma-separated tables it read"},
           {"rows_out", "rows it produced"},
           {"wall_ms", "wall-clock time in milliseconds"},
       }},
  };
  return docs;
}

}  // namespace ca::docs
