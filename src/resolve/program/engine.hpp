// The points-to fixpoint behind the call graph: a flow-insensitive, context-insensitive
// propagation of abstract values (values.hpp) through variables, attributes, parameters,
// return values and container elements, in the spirit of PyCG. Every round evaluates every
// statement of the program IR once, in file (path) order then source order; value sets only
// grow, so the rounds stop when one changes nothing (or at ResolveOptions::max_rounds). A
// last round runs with recording on and collects call edges and attribute resolutions.
//
// Rounds rescan the whole IR instead of keeping a dependency worklist: each round is linear
// in the size of the program and real code converges in a handful of rounds.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "resolve/program/program_index.hpp"
#include "resolve/program/values.hpp"

namespace ca::program {

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

  /// Runs rounds to the fixpoint (at most `max_rounds`), then the recording round.
  /// Returns the number of rounds run; `converged` tells whether the fixpoint was reached.
  int run(int max_rounds, bool& converged);

  const std::vector<CallEdge>& edges() const { return edges_; }
  const std::vector<AttrTarget>& attr_targets() const { return attr_targets_; }
  /// Direct bases of a class by position (Class/External values; empty when unknown).
  const std::vector<std::pair<int32_t, Value>>& bases_of(NodeId cls) const;
  /// C3 MRO of a class (cached; conflicts recorded in mro_conflicts()).
  const std::vector<Value>& mro(NodeId cls);
  const std::unordered_set<NodeId>& mro_conflicts() const { return mro_conflicts_; }
  /// The value set of (owner scope, name), or nullptr.
  const ValueSet* var(NodeId owner, uint32_t name) const;
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
  uint32_t slot(uint64_t owner, uint32_t name);
  const ValueSet* find_slot(uint64_t owner, uint32_t name) const;
  void add(uint64_t owner, uint32_t name, const ValueSet& values);
  void add(uint64_t owner, uint32_t name, const Value& value);
  ValueSet get(uint64_t owner, uint32_t name) const;

  // Statements (engine.cpp) -------------------------------------------------------------
  void round();
  void run_file(uint32_t file);
  void run_imports(uint32_t file);
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
  void assign(uint32_t file, ir::ExprId target, const ValueSet& values);
  ValueSet iterate(const ValueSet& values, const Site& site);
  ValueSet element(const Value& container, std::optional<std::string> key);

  // Calls (engine_calls.cpp) ------------------------------------------------------------
  ValueSet eval_call(uint32_t file, ir::ExprId e, const ir::Expr& x);
  ValueSet invoke(const ValueSet& callees, const Args& args, const Site& site,
                  const char* resolution);
  ValueSet invoke_one(const Value& callee, const Args& args, const Site& site,
                      const char* resolution);
  ValueSet call_function(NodeId fn, std::optional<Value> self, const Args& args);
  ValueSet construct(NodeId cls, const Args& args, const Site& site);
  ValueSet call_builtin(const std::string& qualname, const Args& args, const Site& site);
  ValueSet call_container_method(const Value& m, const Args& args);
  void record(const Site& site, const Value& callee, const char* resolution);

  // Attributes (engine_attrs.cpp) -------------------------------------------------------
  ValueSet load_attr(const ValueSet& objects, uint32_t name, const Site& site, NodeId ref_id);
  void store_attr(const ValueSet& objects, uint32_t name, const ValueSet& values, NodeId ref_id,
                  uint32_t file);
  /// Class attribute through the MRO of `cls`, starting after `after` (0: from the class).
  /// Sets `found_in` to the class (or External) that defined it.
  ValueSet class_attr(NodeId cls, uint32_t name, NodeId after, Value& found_in);
  ValueSet bind_method(const ValueSet& raw, const Value& self, const Site& site, bool via_instance);
  void note_attr(NodeId ref_id, uint32_t file, NodeId owner, uint32_t name, const char* resolution);
  void note_attr_external(NodeId ref_id, uint32_t file, uint32_t qualname);
  Value external(const std::string& qualname);
  Value external_attr(uint32_t base, uint32_t name);
  const std::string& str(uint32_t id) const { return ix_.names.str(id); }
  std::optional<std::string> const_key(uint32_t file, ir::ExprId e) const;
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
  };
  void build_expr_cache();

  ProgramIndex& ix_;
  std::vector<ExprCache> cache_;
  std::vector<uint32_t> cached_slots_;
  std::vector<NodeId> mro_active_;
  std::unordered_map<OwnerName, uint32_t, OwnerNameHash> slot_ids_;
  std::vector<ValueSet> slots_;
  std::unordered_map<NodeId, std::vector<std::pair<int32_t, Value>>> bases_;
  std::unordered_map<NodeId, std::vector<Value>> mro_cache_;
  std::unordered_map<NodeId, std::vector<Value>> flat_bases_;
  std::unordered_set<NodeId> mro_conflicts_;
  /// Attribute store sites (REFERENCE ids) per instance-attribute slot.
  std::unordered_map<uint32_t, std::vector<NodeId>> store_sites_;
  std::vector<CallEdge> edges_;
  std::vector<AttrTarget> attr_targets_;
  std::vector<std::pair<int32_t, Value>> no_bases_;
  std::unordered_map<NodeId, std::vector<uint32_t>> star_cache_;
  /// Parameter defaults per function: (parameter name, default expression of its file).
  std::unordered_map<NodeId, std::vector<std::pair<uint32_t, ir::ExprId>>> defaults_;
  bool changed_ = false;
  bool bases_dirty_ = false;  ///< bases grew: MRO caches are dropped at the next round
  std::unordered_map<uint64_t, uint32_t> external_attr_ids_;  ///< (base, name) -> qualname
  std::vector<uint32_t> position_names_;                      ///< k -> "[i:k]"
  uint32_t position_name(size_t k);
  uint32_t t_str_ = 0, t_bytes_ = 0, t_int_ = 0, t_float_ = 0, t_complex_ = 0;
  bool recording_ = false;
  int depth_ = 0;

  // Interned names used by the rules.
  uint32_t n_all_ = 0, n_return_ = 0, n_yield_ = 0, n_init_ = 0, n_new_ = 0, n_call_ = 0,
           n_iter_ = 0, n_next_ = 0, n_enter_ = 0, n_exit_ = 0, n_getitem_ = 0, n_empty_ = 0;
};

/// Owner key of per-kind slots (instance attributes, container elements, returns...).
uint64_t owner_key(uint64_t id, uint64_t category);
inline constexpr uint64_t kInstanceSlots = 1, kElementSlots = 2, kReturnSlots = 3, kYieldSlots = 4,
                          kVarArgSlots = 5, kKwArgSlots = 6;

}  // namespace ca::program
