// SCIP index of a built graph; see scip_export.hpp.
#include "export/scip_export.hpp"

#include <scip.pb.h>

#include <algorithm>
#include <cctype>
#include <compare>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "export/scip_symbols.hpp"
#include "store/duckdb_api.hpp"
#include "store/read_query.hpp"

namespace ca {
namespace {

constexpr std::string_view kScheme = "scip-python";
constexpr std::string_view kManager = "python";
// Builtins and the standard library are named as scip-python names them; the resolver's
// stdlib list is that of the Python 3.11 the build embeds (Debian 12).
constexpr std::string_view kStdlibPackage = "python-stdlib";
constexpr std::string_view kStdlibVersion = "3.11";
// Local symbols are keyed by this byte + owner scope id + name until each document
// numbers its locals ("local N") in occurrence order.
constexpr char kLocalMark = '\x01';

/// 0-based lines, UTF-8 byte columns, end exclusive.
struct Range {
  int32_t start_line = 0;
  int32_t start_col = 0;
  int32_t end_line = 0;
  int32_t end_col = 0;
  auto operator<=>(const Range&) const = default;
};

/// A Range from a row's 1-based start_line/start_col/end_line/end_col columns.
Range range_from(int64_t sl, int64_t sc, int64_t el, int64_t ec) {
  return Range{static_cast<int32_t>(sl - 1), static_cast<int32_t>(sc), static_cast<int32_t>(el - 1),
               static_cast<int32_t>(ec)};
}

void set_range(google::protobuf::RepeatedField<int32_t>* out, const Range& r) {
  out->Add(r.start_line);
  out->Add(r.start_col);
  if (r.end_line != r.start_line) out->Add(r.end_line);
  out->Add(r.end_col);
}

enum class DefKind { Module, Class, Function, Variable, Parameter, Attribute };

/// A definition site: where a symbol gets a Definition occurrence.
struct Def {
  DefKind kind = DefKind::Variable;
  std::string name;
  uint64_t owner = 0;  ///< scope owning the binding; the class for an Attribute
  uint64_t file_id = 0;
  Range range;                     ///< the name
  std::optional<Range> enclosing;  ///< CLASS/FUNCTION: the whole definition
  bool is_method = false;
};

struct Scope {
  std::string kind;  ///< module, class, function, lambda, comprehension
  uint64_t file_id = 0;
};

struct External {
  std::string qualname;
  std::string name;
  std::string origin;
};

struct Occ {
  Range range;
  std::string key;  ///< global symbol, or a local key (kLocalMark ...)
  int32_t roles = 0;
  std::optional<Range> enclosing;
  uint64_t def_node = 0;  ///< the Def of a Definition occurrence
};

/// Reads typed columns of a QueryResult row (values arrive as text).
struct Row {
  const QueryResult& result;
  size_t row;
  const std::optional<std::string>& raw(size_t col) const { return result.value(row, col); }
  uint64_t u64(size_t col) const { return raw(col) ? std::stoull(*raw(col)) : 0; }
  int64_t i64(size_t col) const { return raw(col) ? std::stoll(*raw(col)) : 0; }
  bool flag(size_t col) const { return raw(col) && *raw(col) == "true"; }
  std::string str(size_t col) const { return raw(col).value_or(""); }
  bool null(size_t col) const { return !raw(col).has_value(); }
};

template <class F>
void for_rows(Connection& con, std::string_view sql, F&& fn) {
  QueryResult result = con.query(sql);
  for (size_t r = 0; r < result.row_count(); ++r) fn(Row{result, r});
}

/// "file://" + `path` with the bytes a URI path may not hold percent-encoded.
std::string file_uri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "file://";
  for (char c : path) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || std::string_view("/-._~").find(c) != std::string_view::npos) {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

bool is_local(std::string_view key) {
  return !key.empty() && key[0] == kLocalMark;
}

class ScipBuilder {
 public:
  ScipBuilder(Connection& con, const ScipExportOptions& options) : con_(con), options_(options) {}

  std::string build(ScipExportStats* stats_out) {
    load();
    scip::Index index;
    fill_metadata(*index.mutable_metadata());
    for (const auto& [path, file_id] : files_by_path_)
      fill_document(*index.add_documents(), path, file_id);
    fill_external_symbols(index);
    stats_.documents = static_cast<size_t>(index.documents_size());
    stats_.external_symbols = static_cast<size_t>(index.external_symbols_size());
    if (stats_out) *stats_out = stats_;
    std::string bytes;
    if (!index.SerializeToString(&bytes))
      throw std::runtime_error("cannot serialize the SCIP index");
    return bytes;
  }

 private:
  // ---- loading -------------------------------------------------------------------------

  void load() {
    for_rows(con_, "SELECT value FROM run_info WHERE key = 'repo_root'",
             [&](const Row& r) { repo_root_ = r.str(0); });
    std::string name = options_.project_name;
    if (name.empty()) name = std::filesystem::path(repo_root_).filename().string();
    prefix_ = scip_symbol::package_prefix(kScheme, kManager, name, options_.project_version);
    stdlib_prefix_ = scip_symbol::package_prefix(kScheme, kManager, kStdlibPackage, kStdlibVersion);

    for_rows(con_, "SELECT file_id, path, module FROM repo_files", [&](const Row& r) {
      files_by_path_[r.str(1)] = r.u64(0);
      module_of_file_[r.u64(0)] = r.str(2);
    });
    for_rows(con_, "SELECT scope_id, kind, file_id FROM ts_scopes", [&](const Row& r) {
      scopes_[r.u64(0)] = Scope{r.str(1), r.u64(2)};
    });
    for_rows(con_,
             "SELECT node_id, kind, qualname, file_id FROM cpg_nodes WHERE kind IN ('MODULE', "
             "'PACKAGE')",
             [&](const Row& r) {
               module_nodes_[r.u64(0)] = r.str(2);
               if (r.str(1) == "MODULE")
                 defs_[r.u64(0)] =
                     Def{DefKind::Module, r.str(2), 0, r.u64(3), Range{}, std::nullopt, false};
             });
    for_rows(
        con_,
        "SELECT d.node_id, d.kind, d.name, coalesce(b.owner_scope_id, d.scope_id), d.file_id, "
        "d.start_line, d.start_col, d.end_line, d.end_col, d.name_bstart - d.bstart, d.is_method "
        "FROM ts_defs d LEFT JOIN res_bindings b ON b.node_id = d.node_id "
        "WHERE d.kind IN ('CLASS', 'FUNCTION', 'VARIABLE')",
        [&](const Row& r) {
          Def d;
          std::string kind = r.str(1);
          d.name = r.str(2);
          d.owner = r.u64(3);
          d.file_id = r.u64(4);
          Range whole = range_from(r.i64(5), r.i64(6), r.i64(7), r.i64(8));
          if (kind == "VARIABLE") {
            d.kind = DefKind::Variable;
            d.range = whole;
          } else {
            // The name follows the keyword on the keyword's line (`def name`,
            // `class name`): only ASCII lies between them.
            d.kind = kind == "CLASS" ? DefKind::Class : DefKind::Function;
            int32_t col = whole.start_col + static_cast<int32_t>(r.i64(9));
            d.range = Range{whole.start_line, col, whole.start_line,
                            col + static_cast<int32_t>(d.name.size())};
            d.enclosing = whole;
            d.is_method = r.flag(10);
          }
          defs_[r.u64(0)] = std::move(d);
        });
    for_rows(con_,
             "SELECT p.node_id, p.name, coalesce(b.owner_scope_id, p.function_id), p.file_id, "
             "p.start_line, p.start_col FROM ts_params p "
             "LEFT JOIN res_bindings b ON b.node_id = p.node_id",
             [&](const Row& r) {
               Def d;
               d.kind = DefKind::Parameter;
               d.name = r.str(1);
               d.owner = r.u64(2);
               d.file_id = r.u64(3);
               // The span runs through the annotation; the name comes first.
               Range s = range_from(r.i64(4), r.i64(5), r.i64(4), r.i64(5));
               s.end_col += static_cast<int32_t>(d.name.size());
               d.range = s;
               params_by_name_[local_key(d.owner, d.name)] = r.u64(0);
               defs_[r.u64(0)] = std::move(d);
             });
    // `self.x = ...` in a method (the receiver reads the method's first parameter): a
    // definition of the attribute x of the method's class.
    for_rows(con_,
             "SELECT DISTINCT n.node_id, n.name, m.parent_scope_id, n.file_id, n.start_line, "
             "n.start_col, n.end_line, n.end_col "
             "FROM ts_names n "
             "JOIN ts_names recv ON recv.file_id = n.file_id AND recv.bstart = n.receiver_bstart "
             "  AND recv.bend = n.receiver_bend AND NOT recv.is_attribute "
             "JOIN res_name_refs rr ON rr.ref_id = recv.node_id "
             "JOIN ts_params p ON p.node_id = rr.binding_id AND p.position = 0 "
             "JOIN ts_scopes m ON m.scope_id = p.function_id "
             "JOIN ts_scopes c ON c.scope_id = m.parent_scope_id AND c.kind = 'class' "
             "WHERE n.is_attribute AND n.ctx = 'store'",
             [&](const Row& r) {
               Def d;
               d.kind = DefKind::Attribute;
               d.name = r.str(1);
               d.owner = r.u64(2);
               d.file_id = r.u64(3);
               d.range = range_from(r.i64(4), r.i64(5), r.i64(6), r.i64(7));
               defs_[r.u64(0)] = std::move(d);
             });
    for_rows(con_, "SELECT owner_id, text FROM ts_docstrings ORDER BY owner_id, bstart",
             [&](const Row& r) { docstrings_.try_emplace(r.u64(0), r.str(1)); });
    for_rows(con_, "SELECT node_id, qualname, name, origin FROM res_externals", [&](const Row& r) {
      externals_[r.u64(0)] = External{r.str(1), r.str(2), r.str(3)};
    });
    for_rows(con_,
             "SELECT DISTINCT module_target_id FROM res_imports WHERE module_target_id IS NOT NULL",
             [&](const Row& r) {
               auto it = externals_.find(r.u64(0));
               if (it != externals_.end()) external_modules_.insert(it->second.qualname);
             });
    for_rows(con_, "SELECT class_id, base_id FROM res_inherits ORDER BY class_id, position",
             [&](const Row& r) { implements_[r.u64(0)].push_back(r.u64(1)); });
    for_rows(con_, "SELECT method_id, overridden_id FROM res_overrides",
             [&](const Row& r) { implements_[r.u64(0)].push_back(r.u64(1)); });

    for (const auto& [node_id, def] : defs_) {
      std::optional<std::string> key = symbol_of(node_id);
      if (!key) continue;
      occs_[def.file_id].push_back(Occ{def.range, *key, scip::Definition, def.enclosing, node_id});
    }
    for_rows(
        con_,
        "SELECT e.src, e.dst, n.file_id, n.start_line, n.start_col, n.end_line, n.end_col, n.ctx "
        "FROM cpg_edges e JOIN ts_names n ON n.node_id = e.src WHERE e.kind = 'REFERS_TO'",
        [&](const Row& r) {
          add_use(r.u64(1), r.u64(2), range_from(r.i64(3), r.i64(4), r.i64(5), r.i64(6)),
                  r.str(7) == "load" ? scip::ReadAccess : scip::WriteAccess);
        });
    // An import occurrence spans the IMPORT node: the imported name or its alias clause
    // (`name as alias`), as scip-python's do.
    for_rows(
        con_,
        "SELECT e.dst, i.file_id, i.start_line, i.start_col, i.end_line, i.end_col "
        "FROM ts_imports i JOIN cpg_edges e ON e.src = i.node_id AND e.kind = 'IMPORTS_SYMBOL' "
        "WHERE NOT i.is_star",
        [&](const Row& r) {
          add_use(r.u64(0), r.u64(1), range_from(r.i64(2), r.i64(3), r.i64(4), r.i64(5)),
                  scip::Import);
        });
  }

  /// A reference or import occurrence of `target` at `range` of file `file_id`.
  void add_use(uint64_t target, uint64_t file_id, Range range, int32_t roles) {
    std::optional<std::string> key = symbol_of(target);
    if (!key || (is_local(*key) && file_of_local(*key) != file_id)) {
      ++stats_.dropped_targets;
      return;
    }
    occs_[file_id].push_back(Occ{range, *key, roles, std::nullopt, 0});
  }

  // ---- symbols -------------------------------------------------------------------------

  std::string local_key(uint64_t owner, std::string_view name) {
    std::string key(1, kLocalMark);
    key += std::to_string(owner);
    key += ':';
    key += name;
    return key;
  }

  uint64_t file_of_local(std::string_view key) const {
    uint64_t owner = std::stoull(std::string(key.substr(1, key.find(':') - 1)));
    auto it = scopes_.find(owner);
    return it == scopes_.end() ? 0 : it->second.file_id;
  }

  std::string module_symbol(std::string_view module) {
    return prefix_ + scip_symbol::module_namespace(module) +
           scip_symbol::meta_descriptor("__init__");
  }

  /// The descriptor prefix of the names a scope owns, when they are global symbols: a
  /// module's namespace, or a class symbol (itself global). Functions own locals.
  std::optional<std::string> member_prefix(uint64_t scope_id) {
    auto it = scopes_.find(scope_id);
    if (it == scopes_.end()) return std::nullopt;
    if (it->second.kind == "module") {
      auto m = module_of_file_.find(it->second.file_id);
      if (m == module_of_file_.end()) return std::nullopt;
      return prefix_ + scip_symbol::module_namespace(m->second);
    }
    if (it->second.kind == "class") {
      std::optional<std::string> cls = symbol_of(scope_id);
      if (cls && !is_local(*cls)) return cls;
    }
    return std::nullopt;
  }

  /// The symbol (or local key) of a definition, module, package or external node; nullopt
  /// for anything else (e.g. an attribute store that is not on `self`).
  std::optional<std::string> symbol_of(uint64_t node_id) {
    if (auto it = memo_.find(node_id); it != memo_.end()) return it->second;
    memo_[node_id] = std::nullopt;  // guards against (impossible) cycles
    std::optional<std::string> key = compute_symbol(node_id);
    memo_[node_id] = key;
    return key;
  }

  std::optional<std::string> compute_symbol(uint64_t node_id) {
    auto d = defs_.find(node_id);
    if (d == defs_.end()) {
      if (auto m = module_nodes_.find(node_id); m != module_nodes_.end())
        return module_symbol(m->second);
      if (auto x = externals_.find(node_id); x != externals_.end()) {
        std::string symbol = external_symbol(x->second);
        external_used_[symbol] = &x->second;
        return symbol;
      }
      return std::nullopt;
    }
    const Def& def = d->second;
    switch (def.kind) {
      case DefKind::Module:
        return module_symbol(def.name);
      case DefKind::Parameter: {
        auto f = defs_.find(def.owner);
        if (f != defs_.end() && f->second.kind == DefKind::Function) {
          std::optional<std::string> fn = symbol_of(def.owner);
          if (fn && !is_local(*fn)) return *fn + scip_symbol::parameter_descriptor(def.name);
        }
        return local_key(def.owner, def.name);
      }
      case DefKind::Class:
      case DefKind::Function:
      case DefKind::Variable:
      case DefKind::Attribute: {
        std::optional<std::string> prefix = member_prefix(def.owner);
        if (!prefix) {
          // A name a function binds again after taking it as a parameter is the parameter.
          std::string key = local_key(def.owner, def.name);
          auto param = params_by_name_.find(key);
          return param == params_by_name_.end() ? key : symbol_of(param->second);
        }
        if (def.kind == DefKind::Class) return *prefix + scip_symbol::type_descriptor(def.name);
        if (def.kind == DefKind::Function)
          return *prefix + scip_symbol::method_descriptor(def.name);
        return *prefix + scip_symbol::term_descriptor(def.name);
      }
    }
    return std::nullopt;
  }

  /// Externals: the longest dotted prefix known to be a module is the namespace; the
  /// components after it are types, the last one a term (`builtins/str#join.`).
  std::string external_symbol(const External& x) {
    bool stdlib = x.origin == "builtin" || x.origin == "stdlib";
    std::string_view q = x.qualname;
    std::string prefix =
        stdlib ? stdlib_prefix_
               : scip_symbol::package_prefix(kScheme, kManager, q.substr(0, q.find('.')), "");
    if (external_modules_.count(x.qualname))
      return prefix + scip_symbol::module_namespace(q) + scip_symbol::meta_descriptor("__init__");
    size_t split = std::string_view::npos;
    for (size_t dot = q.rfind('.'); dot != std::string_view::npos && dot > 0;
         dot = q.rfind('.', dot - 1)) {
      std::string head(q.substr(0, dot));
      if (external_modules_.count(head) || head == "builtins") {
        split = dot;
        break;
      }
    }
    if (split == std::string_view::npos) split = q.rfind('.');
    if (split == std::string_view::npos)
      return prefix + scip_symbol::module_namespace(q) + scip_symbol::meta_descriptor("__init__");
    std::string out = prefix + scip_symbol::module_namespace(q.substr(0, split));
    std::string_view rest = q.substr(split + 1);
    for (size_t dot; (dot = rest.find('.')) != std::string_view::npos; rest.remove_prefix(dot + 1))
      out += scip_symbol::type_descriptor(rest.substr(0, dot));
    return out + scip_symbol::term_descriptor(rest);
  }

  // ---- output --------------------------------------------------------------------------

  void fill_metadata(scip::Metadata& md) {
    md.set_version(scip::UnspecifiedProtocolVersion);
    md.mutable_tool_info()->set_name("codeanatomy");
    md.mutable_tool_info()->set_version(options_.tool_version);
    for (const auto& arg : options_.tool_arguments) md.mutable_tool_info()->add_arguments(arg);
    md.set_project_root(file_uri(repo_root_));
    md.set_text_document_encoding(scip::UTF8);
  }

  static int32_t kind_of(const Def& def, const std::unordered_map<uint64_t, Scope>& scopes) {
    switch (def.kind) {
      case DefKind::Module:
        return scip::SymbolInformation::Module;
      case DefKind::Class:
        return scip::SymbolInformation::Class;
      case DefKind::Function:
        return def.is_method ? scip::SymbolInformation::Method : scip::SymbolInformation::Function;
      case DefKind::Parameter:
        return scip::SymbolInformation::Parameter;
      case DefKind::Attribute:
        return scip::SymbolInformation::Field;
      case DefKind::Variable: {
        auto s = scopes.find(def.owner);
        bool in_class = s != scopes.end() && s->second.kind == "class";
        return in_class ? scip::SymbolInformation::Field : scip::SymbolInformation::Variable;
      }
    }
    return scip::SymbolInformation::UnspecifiedKind;
  }

  void fill_document(scip::Document& doc, const std::string& path, uint64_t file_id) {
    doc.set_relative_path(path);
    doc.set_language("python");
    doc.set_position_encoding(scip::UTF8CodeUnitOffsetFromLineStart);
    std::vector<Occ>& occs = occs_[file_id];
    // Determinism: occurrences by range, then key and roles. A reference at the very site
    // of a definition of the same symbol (a `self.x` store) is the definition.
    std::sort(occs.begin(), occs.end(), [](const Occ& a, const Occ& b) {
      return std::tie(a.range, a.key, a.roles, a.def_node) <
             std::tie(b.range, b.key, b.roles, b.def_node);
    });
    std::set<std::pair<Range, std::string>> defined;
    for (const Occ& o : occs)
      if (o.roles & scip::Definition) defined.insert({o.range, o.key});
    std::map<std::string, std::string> local_names;
    auto final_symbol = [&](const std::string& key) {
      if (!is_local(key)) return key;
      auto [it, fresh] = local_names.try_emplace(key, "");
      if (fresh) it->second = "local " + std::to_string(local_names.size() - 1);
      return it->second;
    };
    // symbol -> its definitions in this document, in occurrence order
    std::map<std::string, std::vector<uint64_t>> symbol_defs;
    const Occ* prev = nullptr;
    for (const Occ& o : occs) {
      if (prev && prev->range == o.range && prev->key == o.key && prev->roles == o.roles) continue;
      if (!(o.roles & scip::Definition) && defined.count({o.range, o.key})) continue;
      prev = &o;
      scip::Occurrence* out = doc.add_occurrences();
      set_range(out->mutable_range(), o.range);
      out->set_symbol(final_symbol(o.key));
      out->set_symbol_roles(o.roles);
      if (o.enclosing) set_range(out->mutable_enclosing_range(), *o.enclosing);
      if (o.roles & scip::Definition) {
        ++stats_.definitions;
        symbol_defs[out->symbol()].push_back(o.def_node);
      } else if (o.roles & scip::Import) {
        ++stats_.imports;
      } else {
        ++stats_.references;
      }
    }
    for (const auto& [symbol, nodes] : symbol_defs) {
      scip::SymbolInformation* info = doc.add_symbols();
      const Def& first = defs_.at(nodes.front());
      info->set_symbol(symbol);
      info->set_kind(static_cast<scip::SymbolInformation::Kind>(kind_of(first, scopes_)));
      info->set_display_name(first.kind == DefKind::Module ? module_display(first.name)
                                                           : first.name);
      for (uint64_t node : nodes) {
        auto doc_it = docstrings_.find(node);
        if (doc_it == docstrings_.end()) continue;
        std::string text = scip_symbol::docstring_text(doc_it->second);
        if (!text.empty()) info->add_documentation(text);
        break;
      }
      std::set<std::string> related;
      for (uint64_t node : nodes) {
        auto impl = implements_.find(node);
        if (impl == implements_.end()) continue;
        for (uint64_t target : impl->second) {
          std::optional<std::string> key = symbol_of(target);
          if (!key || (is_local(*key) && file_of_local(*key) != file_id)) continue;
          related.insert(final_symbol(*key));
        }
      }
      for (const auto& rel : related) {
        scip::Relationship* r = info->add_relationships();
        r->set_symbol(rel);
        r->set_is_implementation(true);
      }
      ++stats_.symbols;
    }
  }

  static std::string module_display(std::string_view module) {
    size_t dot = module.rfind('.');
    return std::string(dot == std::string_view::npos ? module : module.substr(dot + 1));
  }

  void fill_external_symbols(scip::Index& index) {
    for (const auto& [symbol, x] : external_used_) {
      scip::SymbolInformation* info = index.add_external_symbols();
      info->set_symbol(symbol);
      info->set_display_name(x->name);
    }
  }

  Connection& con_;
  const ScipExportOptions& options_;
  ScipExportStats stats_;
  std::string repo_root_;
  std::string prefix_;
  std::string stdlib_prefix_;
  std::map<std::string, uint64_t> files_by_path_;
  std::unordered_map<uint64_t, std::string> module_of_file_;
  std::unordered_map<uint64_t, Scope> scopes_;
  std::unordered_map<uint64_t, std::string> module_nodes_;  ///< MODULE/PACKAGE -> dotted name
  std::unordered_map<uint64_t, Def> defs_;
  std::unordered_map<std::string, uint64_t> params_by_name_;  ///< local key -> PARAMETER
  std::unordered_map<uint64_t, std::string> docstrings_;
  std::unordered_map<uint64_t, External> externals_;
  std::unordered_set<std::string> external_modules_;
  std::map<std::string, const External*> external_used_;  ///< sorted: deterministic output
  std::unordered_map<uint64_t, std::vector<uint64_t>> implements_;
  std::unordered_map<uint64_t, std::optional<std::string>> memo_;
  std::unordered_map<uint64_t, std::vector<Occ>> occs_;
};

}  // namespace

std::string export_scip(const std::filesystem::path& db, const ScipExportOptions& options,
                        ScipExportStats* stats) {
  Database database(db, graph_reader_options());
  Connection con(database);
  require_evidence_tables(con, db,
                          {"ts_defs", "ts_docstrings", "ts_imports", "ts_names", "ts_params",
                           "ts_scopes", "res_bindings", "res_externals", "res_imports",
                           "res_inherits", "res_name_refs", "res_overrides"},
                          "export scip");
  return ScipBuilder(con, options).build(stats);
}

}  // namespace ca
