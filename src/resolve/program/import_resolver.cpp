// Static import resolution (see import_resolver.hpp).
#include "resolve/program/import_resolver.hpp"

#include <algorithm>
#include <string_view>

namespace ca::program {
namespace {

constexpr size_t kMaxChain = 64;  // re-export chains longer than this are cut

void add_unique(std::vector<NodeId>& v, NodeId id) {
  if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

}  // namespace

ImportTarget ImportResolver::resolve(const ImportRow& row, uint32_t file) const {
  ImportTarget out;
  std::vector<std::pair<NodeId, std::string>> visiting;
  resolve_rec(row, file, out, visiting);
  return out;
}

ImportTarget ImportResolver::lookup(const ModuleInfo& module, const std::string& name) const {
  ImportTarget out;
  std::vector<std::pair<NodeId, std::string>> visiting;
  lookup_rec(module, name, out, visiting);
  return out;
}

void ImportResolver::resolve_rec(const ImportRow& row, uint32_t file, ImportTarget& out,
                                 std::vector<std::pair<NodeId, std::string>>& visiting) const {
  if (!row.is_from) {
    const ModuleInfo* full = ix_.find_module(row.module);
    if (full != nullptr) {
      out.module_target = full->id;
    } else {
      out.module_external = row.module;
    }
    const std::string bound = row.alias ? row.module : row.module.substr(0, row.module.find('.'));
    if (const ModuleInfo* m = ix_.find_module(bound)) {
      add_unique(out.defs, m->id);
      out.resolution = "module";
    } else {
      add_unique(out.externals, bound);
      out.resolution = "external";
    }
    return;
  }
  const auto base = ix_.import_base(row, file);
  if (!base) return;
  const ModuleInfo* m = ix_.find_module(*base);
  if (m == nullptr) {
    out.module_external = *base;
    if (row.name && !row.is_star) add_unique(out.externals, *base + "." + *row.name);
    out.resolution = "external";
    return;
  }
  out.module_target = m->id;
  if (row.is_star || !row.name) {
    out.resolution = "star";
    return;
  }
  const size_t before = out.defs.size() + out.externals.size();
  lookup_rec(*m, *row.name, out, visiting);
  if (out.defs.size() + out.externals.size() == before) {
    if (const ModuleInfo* sub = ix_.find_module(*base + "." + *row.name)) {
      add_unique(out.defs, sub->id);
      out.resolution = "submodule";
    }
  }
}

void ImportResolver::lookup_rec(const ModuleInfo& module, const std::string& name,
                                ImportTarget& out,
                                std::vector<std::pair<NodeId, std::string>>& visiting) const {
  if (module.file < 0 || visiting.size() > kMaxChain) return;
  const std::pair<NodeId, std::string> key{module.id, name};
  if (std::find(visiting.begin(), visiting.end(), key) != visiting.end()) return;
  visiting.push_back(key);
  const uint32_t n = ix_.names.find(name);
  bool reexport = false;
  bool any = false;
  if (n != UINT32_MAX) {
    for (NodeId b : ix_.bindings_for(module.id, n)) {
      any = true;
      auto row = ix_.bindings.find(b);
      if (row != ix_.bindings.end() && row->second->binding_kind == "import") {
        auto im = ix_.imports.find(b);
        if (im == ix_.imports.end()) continue;
        reexport = true;
        ImportTarget inner;
        resolve_rec(*im->second, ix_.import_file.at(b), inner, visiting);
        for (NodeId d : inner.defs) add_unique(out.defs, d);
        for (const std::string& e : inner.externals) add_unique(out.externals, e);
      } else {
        add_unique(out.defs, b);
      }
    }
  }
  if (!any) {
    // Not bound in the module: a name it star-imports.
    for (const ImportRow& im : ix_.files[module.file].facts->imports) {
      if (!im.is_star || im.scope_id != module.id) continue;
      const auto base = ix_.import_base(im, static_cast<uint32_t>(module.file));
      if (!base) continue;
      if (const ModuleInfo* m = ix_.find_module(*base)) {
        if (!ix_.exports(*m, name)) continue;  // private, or not in __all__
        const size_t before = out.defs.size() + out.externals.size();
        lookup_rec(*m, name, out, visiting);
        if (out.defs.size() + out.externals.size() != before) reexport = true;
      }
    }
  }
  if (!out.defs.empty() || !out.externals.empty()) {
    if (out.resolution == std::string_view("unresolved") || reexport) {
      out.resolution = reexport ? "reexport" : "symbol";
    }
  }
  visiting.pop_back();
}

}  // namespace ca::program
