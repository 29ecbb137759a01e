// Test support for the whole-program resolver: builds a program from in-memory sources or
// a directory (extractor + per-file binder, as the pipeline does), runs resolve_program,
// and names nodes the way PyCG's call graphs do, for scoring against its micro-benchmark.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "extract/ts/python_extractor.hpp"
#include "resolve/local_binder.hpp"
#include "resolve/program/resolve_program.hpp"

namespace ca::test {

/// A program held in memory: rows for every file, and the resolver's output.
struct Program {
  std::vector<std::unique_ptr<RepoFileRow>> files;
  std::vector<std::unique_ptr<FileFacts>> facts;
  std::vector<RepoPackageRow> packages;
  ProgramFacts out;

  /// Resolves again (the rows of `out` are replaced).
  void resolve(int max_rounds = 64) {
    std::vector<ProgramFile> input;
    for (size_t i = 0; i < files.size(); ++i) input.push_back({files[i].get(), facts[i].get()});
    ResolveOptions options;
    options.max_rounds = max_rounds;
    out = resolve_program(input, packages, options);
  }
};

inline std::string module_of(const std::string& path) {
  std::string m = path.substr(0, path.rfind('.'));
  std::replace(m.begin(), m.end(), '/', '.');
  const std::string init = ".__init__";
  if (m == "__init__") return "";
  if (m.size() > init.size() && m.compare(m.size() - init.size(), init.size(), init) == 0) {
    m.resize(m.size() - init.size());
  }
  return m;
}

/// Builds a program from (repo-relative path, source) pairs and resolves it.
inline Program make_program(const std::vector<std::pair<std::string, std::string>>& sources) {
  Program p;
  PythonSyntaxExtractor extractor;
  std::set<std::string> dirs;
  for (const auto& [path, source] : sources) {
    auto row = std::make_unique<RepoFileRow>();
    row->path = path;
    row->file_id = file_id_for(path);
    row->module = module_of(path);
    row->size_bytes = static_cast<int64_t>(source.size());
    row->status = "ok";
    const std::string base =
        path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
    row->is_package_init = base == "__init__.py" || base == "__init__.pyi";
    row->is_stub = path.size() > 4 && path.substr(path.size() - 4) == ".pyi";
    FileContext context;
    context.file_id = row->file_id;
    context.path = path;
    context.module = row->module;
    context.size_bytes = row->size_bytes;
    context.module_scope_id = node_id_for(path, NodeKind::Module, 0, row->size_bytes);
    SourceText text;
    text.utf8 = source;
    auto facts = std::make_unique<FileFacts>();
    extractor.extract(text, context, *facts);
    bind_file_names(context, *facts);
    for (size_t slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
      dirs.insert(path.substr(0, slash));
    }
    p.files.push_back(std::move(row));
    p.facts.push_back(std::move(facts));
  }
  for (const std::string& dir : dirs) {
    RepoPackageRow pkg;
    pkg.dir_path = dir;
    pkg.qualname = dir;
    std::replace(pkg.qualname.begin(), pkg.qualname.end(), '/', '.');
    pkg.name = pkg.qualname.substr(
        pkg.qualname.rfind('.') == std::string::npos ? 0 : pkg.qualname.rfind('.') + 1);
    pkg.node_id = node_id_for(dir, NodeKind::Package, 0, 0);
    for (const auto& f : p.files) {
      if (f->is_package_init && f->path.substr(0, f->path.rfind('/')) == dir)
        pkg.init_file_id = f->file_id;
    }
    p.packages.push_back(std::move(pkg));
  }
  p.resolve();
  return p;
}

inline std::string slurp_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Builds a program from every *.py file below `dir`; `prefix` is prepended to the
/// relative paths (e.g. "django/" when `dir` is the package directory itself).
inline Program load_program(const std::filesystem::path& dir, const std::string& prefix = "") {
  std::vector<std::pair<std::string, std::string>> sources;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".py") continue;
    sources.emplace_back(prefix + std::filesystem::relative(entry.path(), dir).generic_string(),
                         slurp_file(entry.path()));
  }
  std::sort(sources.begin(), sources.end());
  return make_program(sources);
}

/// PyCG's name of a node: modules by dotted name, functions by qualname without
/// `<locals>`, lambdas `<lambdaN>` numbered per enclosing scope, builtins `<builtin>.X`,
/// builtin types' methods `<**PyStr**>.join`. Classes map to "" (PyCG lists constructors
/// through __init__, never the class).
class PycgNamer {
 public:
  explicit PycgNamer(const Program& p) : program_(p) {
    std::map<NodeId, std::string> scope_names;
    for (size_t i = 0; i < p.files.size(); ++i) {
      names_[node_id_for(p.files[i]->path, NodeKind::Module, 0, p.files[i]->size_bytes)] =
          p.files[i]->module;
      for (const ScopeRow& s : p.facts[i]->scopes)
        scope_names[s.scope_id] = strip_locals(s.qualname);
    }
    for (size_t i = 0; i < p.facts.size(); ++i) {
      std::map<NodeId, std::vector<const DefRow*>> lambdas;
      for (const DefRow& d : p.facts[i]->defs) {
        if (d.kind == "FUNCTION") names_[d.node_id] = strip_locals(d.qualname);
        if (d.kind == "LAMBDA") lambdas[d.scope_id].push_back(&d);
      }
      for (auto& [scope, list] : lambdas) {
        std::sort(list.begin(), list.end(),
                  [](auto* x, auto* y) { return x->span.bstart < y->span.bstart; });
        const std::string prefix =
            scope_names.count(scope) ? scope_names[scope] : p.files[i]->module;
        for (size_t k = 0; k < list.size(); ++k) {
          names_[list[k]->node_id] = prefix + ".<lambda" + std::to_string(k + 1) + ">";
          scope_names[list[k]->node_id] = names_[list[k]->node_id];
        }
      }
    }
    for (const ExternalRow& e : p.out.externals) names_[e.node_id] = external_name(e.qualname);
  }

  std::string name(NodeId id) const {
    auto it = names_.find(id);
    return it == names_.end() ? std::string() : it->second;
  }

  /// The call graph as PyCG edges (caller, callee).
  std::set<std::pair<std::string, std::string>> edges() const {
    std::set<std::pair<std::string, std::string>> out;
    for (const CallResolutionRow& c : program_.out.calls) {
      const std::string caller = name(c.caller_id);
      const std::string callee = name(c.callee_id);
      if (!caller.empty() && !callee.empty()) out.emplace(caller, callee);
    }
    return out;
  }

  static std::string strip_locals(std::string q) {
    const std::string locals = "<locals>.";
    for (size_t at = q.find(locals); at != std::string::npos; at = q.find(locals))
      q.erase(at, locals.size());
    return q;
  }

  static std::string external_name(const std::string& q) {
    static const std::pair<const char*, const char*> kTypes[] = {
        {"builtins.str.", "<**PyStr**>."},
        {"builtins.dict.", "<**PyDict**>."},
        {"builtins.list.", "<**PyList**>."},
        {"builtins.set.", "<**PySet**>."},
        {"builtins.tuple.", "<**PyTuple**>."}};
    for (const auto& [from, to] : kTypes) {
      if (q.rfind(from, 0) == 0) return to + q.substr(std::string(from).size());
    }
    if (q.rfind("builtins.", 0) == 0) return "<builtin>." + q.substr(9);
    return q;
  }

 private:
  const Program& program_;
  std::map<NodeId, std::string> names_;
};

}  // namespace ca::test
