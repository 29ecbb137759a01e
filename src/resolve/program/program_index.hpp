// The whole program's static index, built once from the per-file facts: modules and
// packages by dotted name, scopes, functions (parameters, decorator flags, generators),
// bindings by (owner scope, name), name loads with the scopes they read, and import
// resolution of dotted module names (absolute and relative). Read-only after construction.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/interner.hpp"
#include "core/node_map.hpp"
#include "resolve/program/resolve_program.hpp"
#include "resolve/program/slot_map.hpp"

namespace ca::program {

enum class ScopeKind : uint8_t { Module, Class, Function, Lambda, Comprehension };

struct ScopeInfo {
  uint32_t file = 0;
  NodeId parent = 0;  ///< 0 for a module
  ScopeKind kind = ScopeKind::Module;
  uint32_t name = 0;
  const ScopeRow* row = nullptr;
  NodeId caller = 0;    ///< caller_of(this scope), computed once the index is built
  NodeId function = 0;  ///< function_of(this scope), likewise
};

enum class ParamKind : uint8_t {
  PositionalOnly,
  Positional,
  VarPositional,
  KeywordOnly,
  VarKeyword
};

struct ParamInfo {
  NodeId id = 0;
  uint32_t name = 0;
  ParamKind kind = ParamKind::Positional;
  int32_t position = 0;
};

struct FunctionInfo {
  uint32_t file = 0;
  NodeId class_id = 0;            ///< the class whose body defines it (methods), else 0
  std::vector<ParamInfo> params;  ///< in source order
  bool is_lambda = false;
  bool is_static = false;
  bool is_classmethod = false;
  bool is_property = false;
  bool has_yield = false;
  /// Index into params of the parameter that every `return` of the function returns
  /// unchanged (identity-like functions and decorators such as `def reg(f): ...; return f`),
  /// or -1. A call to such a function returns what that call passes, not the union over all
  /// calls.
  int32_t passthrough = -1;
  const DefRow* def = nullptr;
};

/// A module of the repository, or a namespace package (file < 0).
struct ModuleInfo {
  NodeId id = 0;  ///< MODULE node id, or the PACKAGE node id of a namespace package
  int32_t file = -1;
  std::string name;
};

/// What a name load reads according to the per-file binder.
struct RefInfo {
  uint32_t file = 0;
  uint32_t name = 0;
  bool unresolved = false;
  std::vector<NodeId> owners;    ///< owner scopes of the bindings it reads (distinct)
  std::vector<NodeId> bindings;  ///< the bindings it reads
};

/// One file of the program, in path order.
struct FileEntry {
  const RepoFileRow* row = nullptr;
  const FileFacts* facts = nullptr;
  NodeId module_id = 0;
};

class ProgramIndex {
 public:
  ProgramIndex(const std::vector<ProgramFile>& files, const std::vector<RepoPackageRow>& packages);

  Interner names;
  std::vector<FileEntry> files;
  std::vector<ModuleInfo> modules;
  std::unordered_map<std::string, uint32_t> module_by_name;  ///< -> modules index
  NodeMap<uint32_t> module_by_id;                            ///< -> modules index
  NodeMap<ScopeInfo> scopes;
  NodeMap<FunctionInfo> functions;
  NodeMap<RefInfo> refs;          ///< name loads (REFERENCE ids)
  NodeMap<NodeId> binding_owner;  ///< binding node -> owner scope
  NodeMap<const BindingRow*> bindings;
  /// Bindings of (owner scope, name), in source order: index into binding_lists.
  SlotMap bindings_of;
  std::vector<std::vector<NodeId>> binding_lists;
  NodeMap<const ImportRow*> imports;
  NodeMap<uint32_t> import_file;
  NodeMap<const DefRow*> defs;

  /// Sets FunctionInfo::passthrough from the functions' return statements.
  void find_passthrough_functions();

  /// The module or namespace package named `dotted`, or nullptr.
  const ModuleInfo* find_module(std::string_view dotted) const;
  /// Absolute dotted name of the module an import reads (`from ..a import b` -> "pkg.a");
  /// nullopt when a relative import climbs above the top-level package.
  std::optional<std::string> import_base(const ImportRow& row, uint32_t file) const;
  /// Nearest enclosing FUNCTION/LAMBDA/MODULE node of a scope (class bodies and
  /// comprehensions map to their enclosing node): the caller of code in `scope`.
  NodeId caller_of(NodeId scope) const;
  /// Nearest enclosing function or lambda of `scope` (itself included), or 0.
  NodeId function_of(NodeId scope) const;
  /// Bindings of `name` owned by `owner` (empty when none).
  const std::vector<NodeId>& bindings_for(NodeId owner, uint32_t name) const;
  /// Public names of a module for `from m import *`: __all__ when defined, else its
  /// module-level bindings not starting with '_' (star-imported names included).
  std::vector<uint32_t> star_names(const ModuleInfo& module) const;
  /// Whether `from module import *` binds `name` (its __all__, else its public names).
  bool exports(const ModuleInfo& module, const std::string& name) const;

 private:
  /// caller_of and function_of by walking up the scopes (the index stores their results).
  NodeId find_caller(NodeId scope) const;
  NodeId find_function(NodeId scope) const;
  void star_names_rec(const ModuleInfo& module, std::vector<uint32_t>& out,
                      std::vector<NodeId>& visiting) const;
  std::vector<NodeId> empty_;
  std::string root_package_;  ///< qualname of the repository root when it is a package
};

}  // namespace ca::program
