// Output emission (see emit.hpp).
#include "resolve/program/emit.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

#include "core/parallel.hpp"
#include "resolve/program/python_names.hpp"

namespace ca::program {
namespace {

NodeId external_id(const std::string& qualname) {
  return node_id_for("", NodeKind::External, 0, 0, qualname);
}

std::string origin_of(const std::string& q) {
  if (q.rfind("builtins.", 0) == 0 || q == "builtins") return "builtin";
  if (is_stdlib_module(q.substr(0, q.find('.')))) return "stdlib";
  return "unknown";
}

class Emitter {
 public:
  Emitter(Engine& engine, const ImportResolver& imports, ProgramFacts& out)
      : engine_(engine), ix_(engine.index()), imports_(imports), out_(out) {}

  /// Node of external `q`, noted for the externals table. The interner is only read here
  /// (two emitters run at once): a name it does not know is kept by this emitter.
  NodeId ext(const std::string& q) {
    const uint32_t id = ix_.names.find(q);
    if (id != UINT32_MAX) return ext_id(id);
    auto [it, inserted] = unnamed_externals_.try_emplace(q, 0);
    if (inserted) it->second = external_id(q);
    return it->second;
  }

  /// Node of the external with interned qualname `id`.
  NodeId ext_id(uint32_t id) {
    const std::string& q = ix_.names.str(id);
    if (id >= external_nodes_.size()) external_nodes_.resize(id + 1, 0);
    if (external_nodes_[id] == 0) {
      external_nodes_[id] = external_id(q);
      externals_.push_back(id);
    }
    return external_nodes_[id];
  }

  NodeId value_node(const Value& v) {
    if (v.kind == VKind::External) return ext_id(static_cast<uint32_t>(v.a));
    return v.a;
  }

  void imports() {
    for (uint32_t f = 0; f < ix_.files.size(); ++f) {
      const FileEntry& fe = ix_.files[f];
      for (const ImportRow& im : fe.facts->imports) {
        const ImportTarget t = imports_.resolve(im, f);
        ImportResolutionRow row;
        row.file_id = fe.row->file_id;
        row.import_id = im.node_id;
        row.importer_module_id = fe.module_id;
        if (t.module_target) row.module_target_id = *t.module_target;
        if (std::string_view(t.resolution) == "submodule" && !t.defs.empty())
          row.module_target_id = t.defs.back();
        if (t.module_external) row.module_target_id = ext(*t.module_external);
        if (!t.defs.empty()) {
          row.symbol_id = t.defs.back();  // the binding in effect at the end of the module
        } else if (!t.externals.empty()) {
          row.symbol_id = ext(t.externals.back());
        }
        row.resolution = t.resolution;
        out_.imports.push_back(std::move(row));
      }
    }
  }

  void refs() {
    // file, ref, target, how (a literal's view)
    std::vector<std::tuple<uint32_t, NodeId, NodeId, std::string_view>> rows;
    for (uint32_t f = 0; f < ix_.files.size(); ++f) {
      const FileEntry& fe = ix_.files[f];
      // Star imports of the module, for names the file does not bind.
      std::vector<const ModuleInfo*> stars;
      for (const ImportRow& im : fe.facts->imports) {
        if (!im.is_star) continue;
        const auto base = ix_.import_base(im, f);
        if (!base) continue;
        if (const ModuleInfo* m = ix_.find_module(*base)) stars.push_back(m);
      }
      for (const NameRefRow& r : fe.facts->name_refs) {
        if (!r.binding_id) {
          bool found = false;
          for (const ModuleInfo* m : stars) {
            if (!ix_.exports(*m, r.name)) continue;  // private, or not in __all__
            const ImportTarget t = imports_.lookup(*m, r.name);
            for (NodeId d : t.defs) rows.emplace_back(f, r.ref_id, d, "star_import");
            for (const std::string& e : t.externals)
              rows.emplace_back(f, r.ref_id, ext(e), "star_import");
            found |= !t.defs.empty() || !t.externals.empty();
          }
          if (!found && is_builtin_name(r.name)) {
            rows.emplace_back(f, r.ref_id, ext("builtins." + r.name), "builtin");
          }
          continue;
        }
        auto im = ix_.imports.find(*r.binding_id);
        if (im == ix_.imports.end()) continue;
        const ImportTarget t = imports_.resolve(*im->second, f);
        for (NodeId d : t.defs) rows.emplace_back(f, r.ref_id, d, "import");
        for (const std::string& e : t.externals) rows.emplace_back(f, r.ref_id, ext(e), "import");
      }
    }
    for (const AttrTarget& a : engine_.attr_targets()) {
      if (a.external != UINT32_MAX) {
        rows.emplace_back(a.file, a.ref_id, ext_id(a.external), a.resolution);
        continue;
      }
      // A module attribute bound by an import in that module: the definition it imports.
      auto im = ix_.imports.find(a.target);
      if (im == ix_.imports.end()) {
        rows.emplace_back(a.file, a.ref_id, a.target, a.resolution);
        continue;
      }
      const ImportTarget t = imports_.resolve(*im->second, ix_.import_file.at(a.target));
      for (NodeId d : t.defs) rows.emplace_back(a.file, a.ref_id, d, a.resolution);
      for (const std::string& e : t.externals)
        rows.emplace_back(a.file, a.ref_id, ext(e), a.resolution);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end(),
                           [](const auto& x, const auto& y) {
                             return std::get<0>(x) == std::get<0>(y) &&
                                    std::get<1>(x) == std::get<1>(y) &&
                                    std::get<2>(x) == std::get<2>(y);
                           }),
               rows.end());
    for (size_t i = 0; i < rows.size();) {
      size_t j = i;
      while (j < rows.size() && std::get<1>(rows[j]) == std::get<1>(rows[i]) &&
             std::get<0>(rows[j]) == std::get<0>(rows[i])) {
        ++j;
      }
      const double confidence = 1.0 / static_cast<double>(j - i);
      for (size_t k = i; k < j; ++k) {
        out_.refs.push_back({ix_.files[std::get<0>(rows[k])].row->file_id, std::get<1>(rows[k]),
                             std::get<2>(rows[k]), std::string(std::get<3>(rows[k])), confidence});
      }
      i = j;
    }
  }

  void classes() {
    const uint32_t kNoName = UINT32_MAX;
    (void)kNoName;
    for (uint32_t f = 0; f < ix_.files.size(); ++f) {
      const FileEntry& fe = ix_.files[f];
      std::map<std::pair<NodeId, int32_t>, const ClassBaseRow*> base_rows;
      for (const ClassBaseRow& b : fe.facts->class_bases) {
        if (!b.keyword) base_rows[{b.class_id, b.position}] = &b;
      }
      for (const DefRow& d : fe.facts->defs) {
        if (d.kind == "CLASS") class_rows(fe, d, base_rows);
      }
      for (const DefRow& d : fe.facts->defs) {
        if (d.kind == "FUNCTION" && d.is_method) override_rows(fe, d);
      }
    }
  }

  void class_rows(const FileEntry& fe, const DefRow& d,
                  const std::map<std::pair<NodeId, int32_t>, const ClassBaseRow*>& base_rows) {
    for (const auto& [pos, base] : engine_.bases_of(d.node_id)) {
      InheritsRow row;
      row.file_id = fe.row->file_id;
      row.class_id = d.node_id;
      row.position = pos;
      row.base_id = value_node(base);
      auto br = base_rows.find({d.node_id, pos});
      if (br != base_rows.end()) {
        row.bstart = br->second->span.bstart;
        row.bend = br->second->span.bend;
      }
      row.resolution = base.kind == VKind::External ? "external" : "class";
      out_.inherits.push_back(std::move(row));
    }
    const std::vector<Value> order = engine_.mro(d.node_id);
    for (size_t i = 0; i < order.size(); ++i) {
      out_.mro.push_back({d.node_id, static_cast<int32_t>(i), value_node(order[i])});
    }
    if (engine_.mro_conflicts().count(d.node_id) != 0) {
      DiagnosticRow diag;
      diag.file_id = fe.row->file_id;
      diag.path = fe.row->path;
      diag.layer = "resolve";
      diag.severity = "warning";
      diag.code = "mro_conflict";
      diag.message = fmt::format(
          "class {} has no consistent method resolution order (C3 failed or its bases form a "
          "cycle); attribute lookup uses depth-first order",
          d.qualname);
      diag.bstart = d.span.bstart;
      diag.bend = d.span.bend;
      diag.start_line = d.span.start_line;
      diag.start_col = d.span.start_col;
      diag.end_line = d.span.end_line;
      diag.end_col = d.span.end_col;
      out_.diagnostics.push_back(std::move(diag));
    }
  }

  void override_rows(const FileEntry& fe, const DefRow& d) {
    const uint32_t name = ix_.names.find(d.name);
    if (name == UINT32_MAX) return;
    const std::vector<Value> order = engine_.mro(d.scope_id);
    for (size_t i = 1; i < order.size(); ++i) {
      if (order[i].kind != VKind::Class) continue;
      for (NodeId b : ix_.bindings_for(order[i].a, name)) {
        auto row = ix_.bindings.find(b);
        if (row == ix_.bindings.end() || row->second->binding_kind != "function") continue;
        out_.overrides.push_back({fe.row->file_id, d.node_id, b});
        return;
      }
    }
  }

  void calls() {
    const auto& edges = engine_.edges();
    for (size_t i = 0; i < edges.size();) {
      size_t j = i;
      size_t n = 0;
      while (j < edges.size() && edges[j].file == edges[i].file &&
             edges[j].bstart == edges[i].bstart && edges[j].bend == edges[i].bend &&
             edges[j].call_id == edges[i].call_id) {
        if (std::string_view(edges[j].resolution) != "constructor") ++n;
        ++j;
      }
      if (n == 0) n = j - i;
      for (size_t k = i; k < j; ++k) {
        const CallEdge& e = edges[k];
        CallResolutionRow row;
        row.file_id = ix_.files[e.file].row->file_id;
        row.call_id = e.call_id;
        row.caller_id = e.caller;
        row.callee_id = value_node(e.callee);
        row.bstart = e.bstart;
        row.bend = e.bend;
        row.resolution = e.resolution;
        row.confidence = 1.0 / static_cast<double>(n);
        out_.calls.push_back(std::move(row));
      }
      i = j;
    }
  }

  /// Appends the qualnames of the externals this emitter noted to `out`.
  void external_names(std::vector<std::string>& out) const {
    for (const uint32_t id : externals_) out.push_back(ix_.names.str(id));
    for (const auto& [q, node] : unnamed_externals_) out.push_back(q);
  }

 private:
  Engine& engine_;
  ProgramIndex& ix_;
  const ImportResolver& imports_;
  ProgramFacts& out_;
  std::vector<uint32_t> externals_;     ///< interned qualnames, each once
  std::vector<NodeId> external_nodes_;  ///< interned qualname -> node id (0: not yet)
  std::unordered_map<std::string, NodeId> unnamed_externals_;  ///< qualnames not interned
};

/// The externals table: every external either emitter noted, once, by qualname.
void emit_externals(const Emitter& a, const Emitter& b, ProgramFacts& out) {
  std::vector<std::string> names;
  a.external_names(names);
  b.external_names(names);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  out.externals.reserve(names.size());
  for (std::string& q : names) {
    const auto dot = q.rfind('.');
    std::string name = dot == std::string::npos ? q : q.substr(dot + 1);
    std::string origin = origin_of(q);
    out.externals.push_back({external_id(q), std::move(q), std::move(name), std::move(origin)});
  }
}

}  // namespace

void emit_program_facts(Engine& engine, const ImportResolver& imports, bool converged,
                        int max_rounds, int jobs, ProgramFacts& out) {
  // Two emitters fill disjoint tables, beside each other with jobs > 1: the references
  // (the largest part, reading the index and the import resolution only), and the rest
  // (which alone computes MROs in the engine). The externals they note are merged.
  Emitter refs(engine, imports, out), rest(engine, imports, out);
  parallel_for_each(
      2, jobs, [](int) { return 0; },
      [&](int, size_t part) {
        if (part == 0) {
          refs.refs();
        } else {
          rest.imports();
          rest.classes();
          rest.calls();
        }
      });
  emit_externals(refs, rest, out);
  if (!converged) {
    DiagnosticRow diag;
    diag.layer = "resolve";
    diag.severity = "warning";
    diag.code = "fixpoint_bound";
    diag.message = fmt::format(
        "the call-graph fixpoint did not converge within {} rounds; calls found so far are "
        "kept (raise ResolveOptions::max_rounds for more)",
        max_rounds);
    out.diagnostics.push_back(std::move(diag));
  }
}

}  // namespace ca::program
