// The points-to fixpoint behind the call graph: a flow-insensitive, context-insensitive
// propagation of abstract values (values.hpp) through variables, attributes, parameters,
// return values and container elements, in the spirit of PyCG.
//
// The program is cut into work units (each import row, each IR statement, or a whole file
// without IR), numbered in file (path) order then source order. Every slot (a variable,
// attribute, parameter, return, element... of values.hpp) records which units read it;
// when a slot grows, only those units are re-queued. The first pass evaluates every unit
// once; later passes walk the queued units in unit order until none is left (or
// ResolveOptions::max_rounds passes ran), so the result does not depend on timing. Call
// edges and attribute resolutions are recorded per unit, each unit keeping those of its
// latest evaluation: that evaluation saw the final values of everything it read.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "resolve/program/program_index.hpp"
#include "resolve/program/slot_map.hpp"
#include "resolve/program/values.hpp"

namespace ca::program {

/// Owner key of per-kind slots (instance attributes, container elements, returns...).
uint64_t owner_key(uint64_t id, uint64_t category);
inline constexpr uint64_t kInstanceSlots = 1, kElementSlots = 2, kReturnSlots = 3, kYieldSlots = 4,
                          kVarArgSlots = 5, kKwArgSlots = 6, kBasesSlots = 7, kSiteSlots = 8,
                          kOuterSlots = 9, kStoreSlots = 10;

/// One resolved call (explicit CALL or implicit: decorator application, __init__, ...).
struct CallEdge {
  std::optional<NodeId> call_id;
  NodeId caller = 0;
  Value callee;  ///< Function, Class or External
  uint32_t file = 0;
  int64_t bstart = 0;
  int64_t bend = 0;
  const char* resolution = "direct";
  auto operator<=>(const CallEdge& o) const {
    if (auto c = file <=> o.file; c != 0) return c;
    if (auto c = bstart <=> o.bstart; c != 0) return c;
    if (auto c = bend <=> o.bend; c != 0) return c;
    if (auto c = call_id <=> o.call_id; c != 0) return c;
    if (auto c = caller <=> o.caller; c != 0) return c;
    return callee <=> o.callee;
  }
  bool operator==(const CallEdge& o) const { return (*this <=> o) == 0; }
};

/// One attribute REFERENCE resolved to a definition (or EXTERNAL value).
struct AttrTarget {
  NodeId ref_id = 0;
  uint32_t file = 0;
  NodeId target = 0;               ///< a definition node, or 0 when `external` holds the target
  uint32_t external = UINT32_MAX;  ///< interned external qualname
  const char* resolution = "attribute";
  auto operator<=>(const AttrTarget&) const = default;
};

class Engine {
 public:
  explicit Engine(ProgramIndex& index);

  /// Runs passes over the queued units to the fixpoint (at most `max_rounds` passes).
  /// Returns the number of passes run; `converged` tells whether the fixpoint was reached.
  int run(int max_rounds, bool& converged);

  const std::vector<CallEdge>& edges() const { return edges_; }
  const std::vector<AttrTarget>& attr_targets() const { return attr_targets_; }
  /// Direct bases of a class by position (Class/External values; empty when unknown).
  const std::vector<std::pair<int32_t, Value>>& bases_of(NodeId cls) const;
  /// C3 MRO of a class (cached; conflicts recorded in mro_conflicts()).
  const std::vector<Value>& mro(NodeId cls);
  const std::unordered_set<NodeId>& mro_conflicts() const { return mro_conflicts_; }
  /// Frees what only the fixpoint reads (the value sets, their readers, the work units,
  /// the expression caches), keeping what emission reads (edges, attribute targets,
  /// bases and MROs). Call after run(); run() must not be called again.
  void release_fixpoint();
  ProgramIndex& index() { return ix_; }

 private:
  struct Site {
    uint32_t file = 0;
    NodeId scope = 0;  ///< scope the call is evaluated in
    std::optional<NodeId> call_id;
    int64_t bstart = 0;
    int64_t bend = 0;
  };
  struct Args {
    std::vector<ValueSet> positional;
    std::vector<std::pair<uint32_t, ValueSet>> keywords;
    ValueSet star;   ///< elements of *x arguments: may reach any positional parameter
    ValueSet dstar;  ///< values of **x arguments: may reach any parameter
    std::vector<ir::ExprId> positional_exprs;  ///< expressions of `positional` (constants)
  };

  // Slots -------------------------------------------------------------------------------
  /// Id of the slot (owner, name), created empty when new.
  uint32_t slot(uint64_t owner, uint32_t name);
  /// Reads slot `sid`: the running unit is re-queued when it grows.
  const ValueSet& read(uint32_t sid);
  const ValueSet& read(uint64_t owner, uint32_t name) { return read(slot(owner, name)); }
  /// Adds to slot `sid`, re-queuing its readers when it grows.
  void grow(uint32_t sid, const ValueSet& values);
  void grow(uint32_t sid, const Value& value);
  /// Re-queues the readers of slot `sid` (it changed).
  void touch(uint32_t sid);
  void add(uint64_t owner, uint32_t name, const ValueSet& values) {
    if (!values.empty()) grow(slot(owner, name), values);
  }
  void add(uint64_t owner, uint32_t name, const Value& value) { grow(slot(owner, name), value); }
  ValueSet get(uint64_t owner, uint32_t name) { return read(owner, name); }
  /// Slot of a binding site (VARIABLE, FUNCTION, CLASS, PARAMETER or IMPORT node): what
  /// that binding may hold. Name loads read the sites the binder says may reach them.
  uint32_t site_slot(NodeId site) { return slot(owner_key(site, kSiteSlots), n_empty_); }
  /// Binds parameter `p` of function `fn`: its site and the function scope's aggregate.
  template <class V>
  void bind(NodeId fn, const ParamInfo& p, const V& values) {
    add(fn, p.name, values);
    add(owner_key(p.id, kSiteSlots), n_empty_, values);
  }

  // Work units (engine.cpp) -------------------------------------------------------------
  enum class UnitKind : uint8_t { Import, Stmt, DefinitionsOnly };
  struct Unit {
    uint32_t file = 0;
    UnitKind kind = UnitKind::Stmt;
    uint32_t index = 0;  ///< import row or statement of the file
  };
  /// What an import row binds, resolved once.
  struct ImportPlan {
    enum Kind : uint8_t { Skip, Plain, Star, From } kind = Skip;
    uint32_t bound_slot = 0;  ///< the slot the bound name lives in (owner scope)
    uint32_t site_slot = 0;   ///< the slot of the IMPORT binding site
    Value direct;             ///< Plain: what it binds; From: external/submodule fallback
    bool has_direct = false;
    NodeId module = 0;         ///< From/Star: the module read
    uint32_t name = 0;         ///< From: the name read from `module`
    uint32_t star_module = 0;  ///< Star: the importing module
  };
  void build_units();
  void run_unit(uint32_t unit);
  void run_import(uint32_t file, const ImportPlan& plan);
  /// Bases of `cls` grew: drop the MROs computed from them and re-queue their readers.
  void bases_changed(NodeId cls);
  uint32_t bases_slot(NodeId cls) { return slot(owner_key(cls, kBasesSlots), n_empty_); }

  // Statements (engine.cpp) -------------------------------------------------------------
  /// Without IR (not built for the file): definitions and class bases from ts_* rows only.
  void run_definitions_only(uint32_t file);
  void run_stmt(uint32_t file, const ir::Stmt& s);
  void run_function_def(uint32_t file, const ir::Stmt& s);
  void run_class_def(uint32_t file, const ir::Stmt& s);
  ValueSet apply_decorators(uint32_t file, const ir::Stmt& s, uint32_t first, uint32_t count,
                            ValueSet value);

  // Expressions (engine_eval.cpp) -------------------------------------------------------
  ValueSet eval(uint32_t file, ir::ExprId e);
  ValueSet eval_name(uint32_t file, const ir::Expr& x);
  ValueSet eval_display(uint32_t file, ir::ExprId e, const ir::Expr& x);
  ValueSet eval_subscript(uint32_t file, const ir::Expr& x);
  /// `o[slice]` for a list or tuple `o`: a new container at subscript `e`.
  ValueSet slice_of(uint32_t file, ir::ExprId e, const ir::Expr& slice, const Value& o);
  /// The value of `e` when it is exactly one IntConst (`absent` when e is kNoExpr).
  std::optional<int64_t> single_int(uint32_t file, ir::ExprId e, int64_t absent);
  /// Element key of int index `v` ("[i:v]").
  uint32_t int_key(int64_t v);
  /// Element keys of an index holding only IntConst values, or nullopt (unknown index).
  std::optional<std::vector<uint32_t>> int_keys(const ValueSet& index);
  void assign(uint32_t file, ir::ExprId target, const ValueSet& values);
  ValueSet iterate(const ValueSet& values, const Site& site);
  /// Elements of a container; `key` is an interned "[s:..]"/"[i:..]" name or UINT32_MAX.
  ValueSet element(const Value& container, uint32_t key);

  // Strong updates (engine_strong.cpp) --------------------------------------------------
  /// What subscript load `e` (a constant key) reads of container `o` when a store to the
  /// same key dominates it with nothing in between that could change it; nullptr when the
  /// union of every store applies.
  const ValueSet* strong_read(uint32_t file, ir::ExprId e, const Value& o);
  /// A store of a constant key into a container reached by a name and constant keys.
  struct StoreSite {
    NodeId scope = 0;
    NodeId root_ref = 0;      ///< REFERENCE id of the container path's root name
    NodeId root_binding = 0;  ///< the single binding that name reads
    uint32_t root_name = 0;
    std::vector<uint32_t> path;  ///< keys from the root to the container
    uint32_t key = 0;
    uint32_t slot = 0;  ///< the slot holding the stored values
    bool dict_only = false;
    int64_t bstart = 0;  ///< the storing statement
    int64_t bend = 0;
  };
  struct StrongIndex {
    bool built = false;
    std::vector<StoreSite> stores;
    std::unordered_map<NodeId, uint32_t> block_of;  ///< name REFERENCE -> flow block
    std::vector<uint32_t> store_of_read;            ///< per expr: stores index + 1, 0: none
    std::vector<uint8_t> done;                      ///< per expr: store_of_read computed
  };
  void build_strong_index(uint32_t file);
  /// The root name expression and keys of `name[k1][k2]...`, or kNoExpr.
  ir::ExprId container_path(uint32_t file, ir::ExprId e, std::vector<uint32_t>& path) const;
  /// The single binding a name load reads, or 0.
  NodeId single_binding(NodeId ref) const;
  /// The store that strongly updates load `e`, or nullptr.
  const StoreSite* strong_store(uint32_t file, ir::ExprId e);
  bool dominates(uint32_t file, const StoreSite& store, NodeId read_ref, NodeId scope) const;
  bool quiet_between(uint32_t file, const StoreSite& store, int64_t read_start) const;
  /// Adds `values` to element `key` of dict-like `owner`, recording the key (update copies
  /// the keys of its argument).
  void add_keyed(uint64_t owner, uint32_t key, const ValueSet& values);
  std::vector<StrongIndex> strong_;

  // Calls (engine_calls.cpp) ------------------------------------------------------------
  ValueSet eval_call(uint32_t file, ir::ExprId e, const ir::Expr& x);
  ValueSet invoke(const ValueSet& callees, const Args& args, const Site& site,
                  const char* resolution);
  ValueSet invoke_one(const Value& callee, const Args& args, const Site& site,
                      const char* resolution);
  ValueSet call_function(NodeId fn, std::optional<Value> self, const Args& args);
  ValueSet construct(NodeId cls, const Args& args, const Site& site);
  /// Calls an External: builtins with known behaviour; other externals return themselves.
  ValueSet call_builtin(const Value& callee, const Args& args, const Site& site);
  ValueSet call_container_method(const Value& m, const Args& args);
  void record(const Site& site, const Value& callee, const char* resolution);

  // Attributes (engine_attrs.cpp) -------------------------------------------------------
  ValueSet load_attr(const ValueSet& objects, uint32_t name, const Site& site, NodeId ref_id);
  void store_attr(const ValueSet& objects, uint32_t name, const ValueSet& values, NodeId ref_id,
                  uint32_t file);
  /// Class attribute through the MRO of `cls`, starting after `after` (0: from the class).
  /// Sets `found_in` to the class (or External) that defined it.
  ValueSet class_attr(NodeId cls, uint32_t name, NodeId after, Value& found_in);
  /// One MRO entry of an attribute lookup: the class (or External) and, for classes, the
  /// slots of `name` on its instances and on the class, and whether a binding defines it.
  struct AttrStep {
    Value cls;
    uint32_t instance_slot = 0;
    uint32_t class_slot = 0;
    bool bound = false;
  };
  struct AttrPath {
    bool valid = false;  ///< dropped when the MRO of the class changes
    uint32_t bases_slot = 0;
    std::vector<AttrStep> steps;
  };
  /// The lookup path of `name` through the MRO of `cls` (cached until the MRO changes).
  const AttrPath& attr_path(NodeId cls, uint32_t name);
  ValueSet bind_method(const ValueSet& raw, const Value& self, const Site& site, bool via_instance);
  void note_attr(NodeId ref_id, uint32_t file, NodeId owner, uint32_t name, const char* resolution);
  void note_attr_external(NodeId ref_id, uint32_t file, uint32_t qualname);
  Value external(const std::string& qualname);
  /// Submodule `name` of module `module` (cached), or nullptr.
  const ModuleInfo* submodule(NodeId module, uint32_t name);
  /// Whether call edges and attribute targets are being recorded (a unit is running).
  bool recording() const { return current_ != UINT32_MAX; }
  Value external_attr(uint32_t base, uint32_t name);
  const std::string& str(uint32_t id) const { return ix_.names.str(id); }
  /// Interned element key of a str/int constant expression, or UINT32_MAX.
  uint32_t const_key(uint32_t file, ir::ExprId e) const;
  std::optional<std::string> const_str(uint32_t file, ir::ExprId e) const;
  const std::vector<Value>& flat_bases(const Value& cls);

  /// Per-file data resolved once per expression: interned identifier of Name/Attribute
  /// expressions and, for names, the slots they read (loads) or write (stores), so the
  /// rounds do no string hashing and no name-resolution lookups.
  struct ExprCache {
    std::vector<uint32_t> name;
    std::vector<uint32_t> slots_first;
    std::vector<uint32_t> slots_count;
    std::vector<uint8_t> unresolved;  ///< 1: not bound in its file (star import or builtin)
    std::vector<uint32_t> builtin;    ///< unresolved builtin name: interned "builtins.x"
    std::vector<uint32_t> key;        ///< str/int constants: interned element key
    std::vector<uint32_t> keyword;    ///< per FileIr::args entry: interned keyword or UINT32_MAX
  };
  void build_expr_cache();

  ProgramIndex& ix_;
  std::vector<ExprCache> cache_;
  std::vector<uint32_t> cached_slots_;
  std::vector<NodeId> mro_active_;
  SlotMap slot_ids_;
  std::deque<ValueSet> slots_;  ///< deque: references stay valid as it grows
  /// Per slot: the units that read it since it last grew, as a list through reader_links_
  /// (head = newest), and the last unit added (a unit reading a slot repeatedly is listed
  /// once per evaluation).
  struct Readers {
    uint32_t head = UINT32_MAX;
    uint32_t last = UINT32_MAX;
  };
  struct ReaderLink {
    uint32_t unit = 0;
    uint32_t next = UINT32_MAX;
  };
  static constexpr uint32_t kNoReader = UINT32_MAX;
  std::vector<Readers> readers_;
  std::vector<ReaderLink> reader_links_;  ///< append-only; lists are dropped, not freed
  std::vector<Unit> units_;
  std::vector<ImportPlan> import_plans_;  ///< per Import unit (index = Unit::index)
  std::vector<uint32_t> def_slot_;        ///< per unit: slot a def binds, or a return fills
  std::vector<uint8_t> queued_;
  size_t queued_count_ = 0;
  uint32_t current_ = UINT32_MAX;  ///< the unit being evaluated
  std::vector<std::vector<CallEdge>> unit_edges_;
  std::vector<std::vector<AttrTarget>> unit_attrs_;
  /// Classes whose cached MRO lists a class (invalidated when its bases grow).
  std::unordered_map<NodeId, std::vector<NodeId>> mro_users_;
  SlotMap attr_path_ids_;  ///< (class, name) -> attr_paths_ index
  std::deque<AttrPath> attr_paths_;
  std::unordered_map<NodeId, std::vector<uint32_t>> attr_paths_of_class_;
  SlotMap submodules_;         ///< (module, name) -> modules index + 1 (0: none)
  SlotMap container_methods_;  ///< (ContKind, name) -> interned qualname
  std::unordered_map<NodeId, std::vector<std::pair<int32_t, Value>>> bases_;
  std::unordered_map<NodeId, std::vector<Value>> mro_cache_;
  std::unordered_map<NodeId, std::vector<Value>> flat_bases_;
  std::unordered_set<NodeId> mro_conflicts_;
  std::unordered_set<NodeId> ambiguous_hierarchy_;  ///< a base position has several classes
  /// Attribute store sites (REFERENCE ids) per instance-attribute slot.
  std::unordered_map<uint32_t, std::vector<NodeId>> store_sites_;
  std::vector<CallEdge> edges_;
  std::vector<AttrTarget> attr_targets_;
  std::vector<std::pair<int32_t, Value>> no_bases_;
  std::unordered_map<NodeId, std::vector<uint32_t>> star_cache_;
  /// Parameter defaults per function: (parameter name, default expression of its file).
  std::unordered_map<NodeId, std::vector<std::pair<ParamInfo, ir::ExprId>>> defaults_;
  SlotMap external_attr_ids_;             ///< (base, name) -> qualname
  std::vector<uint32_t> position_names_;  ///< k -> "[i:k]"
  uint32_t position_name(size_t k);
  uint32_t t_str_ = 0, t_bytes_ = 0, t_int_ = 0, t_float_ = 0, t_complex_ = 0, t_bool_ = 0,
           t_object_ = 0;
  int depth_ = 0;

  // Interned names used by the rules.
  uint32_t n_all_ = 0, n_return_ = 0, n_yield_ = 0, n_init_ = 0, n_new_ = 0, n_call_ = 0,
           n_iter_ = 0, n_next_ = 0, n_enter_ = 0, n_exit_ = 0, n_getitem_ = 0, n_empty_ = 0,
           n_keys_ = 0, n_update_ = 0;
};

}  // namespace ca::program
