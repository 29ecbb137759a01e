// Per-file name binding on hand-built syntax facts: each test writes the facts the
// extractor would produce for a small Python snippet (shown in a comment) and checks the
// bindings and name references the binder derives.
#include "resolve/local_binder.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace ca {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

/// Builds the FileFacts of one file, row by row, with distinct ids and increasing spans.
class FactsBuilder {
 public:
  FactsBuilder() {
    context.file_id = 7;
    context.path = "pkg/m.py";
    context.module = "pkg.m";
    context.size_bytes = 100000;
    context.module_scope_id = kModule;
    ScopeRow module;
    module.file_id = context.file_id;
    module.scope_id = kModule;
    module.kind = "module";
    module.name = "m";
    module.qualname = "pkg.m";
    facts.scopes.push_back(module);
  }

  static constexpr NodeId kModule = 1;

  /// A `def name` in `parent` and its function scope (same id).
  NodeId function(const std::string& name, NodeId parent) {
    return scope_with_def("function", "FUNCTION", name, parent);
  }
  /// A `class name` in `parent` and its class scope (same id).
  NodeId klass(const std::string& name, NodeId parent) {
    return scope_with_def("class", "CLASS", name, parent);
  }
  /// A `lambda` in `parent` and its scope.
  NodeId lambda(NodeId parent) { return scope_with_def("lambda", "LAMBDA", "<lambda>", parent); }
  /// A list comprehension scope in `parent`.
  NodeId comprehension(NodeId parent) {
    const NodeId id = next_id_++;
    add_scope(id, "comprehension", "<listcomp>", parent);
    return id;
  }

  /// A VARIABLE binding site of `name` written in `scope`.
  NodeId var(const std::string& name, NodeId scope, const std::string& def_kind = "assign") {
    DefRow def;
    def.file_id = context.file_id;
    def.node_id = next_id_++;
    def.kind = "VARIABLE";
    def.def_kind = def_kind;
    def.name = name;
    def.qualname = qualname_of(scope) + suffix(scope) + name;
    def.scope_id = scope;
    def.span = next_span();
    def.name_bstart = def.span.bstart;
    def.name_bend = def.span.bend;
    facts.defs.push_back(def);
    return def.node_id;
  }

  NodeId param(NodeId function_id, const std::string& name) {
    ParamRow param;
    param.file_id = context.file_id;
    param.node_id = next_id_++;
    param.function_id = function_id;
    param.name = name;
    param.span = next_span();
    facts.params.push_back(param);
    return param.node_id;
  }

  /// An import binding `bound_name` (std::nullopt with `star` for `from m import *`).
  NodeId import_name(NodeId scope, std::optional<std::string> bound_name, bool star = false) {
    ImportRow import;
    import.file_id = context.file_id;
    import.node_id = next_id_++;
    import.scope_id = scope;
    import.module = "os";
    import.bound_name = std::move(bound_name);
    import.is_star = star;
    if (star) import.name = "*";
    import.span = next_span();
    facts.imports.push_back(import);
    return import.node_id;
  }

  /// A name occurrence evaluated in `scope`.
  NodeId name(const std::string& text, NodeId scope, const std::string& ctx = "load",
              bool is_attribute = false) {
    NameRow row;
    row.file_id = context.file_id;
    row.node_id = next_id_++;
    row.scope_id = scope;
    row.name = text;
    row.ctx = ctx;
    row.is_attribute = is_attribute;
    row.span = next_span();
    facts.names.push_back(row);
    return row.node_id;
  }

  void decl(NodeId scope, const std::string& text, const std::string& kind) {
    ScopeDeclRow row;
    row.file_id = context.file_id;
    row.scope_id = scope;
    row.name = text;
    row.kind = kind;
    row.span = next_span();
    facts.scope_decls.push_back(row);
  }

  void bind() { bind_file_names(context, facts); }

  /// The binding ids a reference reads, in output order.
  std::vector<NodeId> reads(NodeId ref) const {
    std::vector<NodeId> out;
    for (const NameRefRow& row : facts.name_refs) {
      if (row.ref_id == ref && row.binding_id) out.push_back(*row.binding_id);
    }
    return out;
  }

  /// All rows of a reference.
  std::vector<NameRefRow> refs(NodeId ref) const {
    std::vector<NameRefRow> out;
    for (const NameRefRow& row : facts.name_refs) {
      if (row.ref_id == ref) out.push_back(row);
    }
    return out;
  }

  /// The resolution of a reference (all its rows agree); "" when it has none.
  std::string resolution(NodeId ref) const {
    const auto rows = refs(ref);
    return rows.empty() ? std::string() : rows.front().resolution;
  }

  const BindingRow* binding(NodeId node_id) const {
    for (const BindingRow& row : facts.bindings) {
      if (row.node_id == node_id) return &row;
    }
    return nullptr;
  }

  NodeId owner(NodeId node_id) const {
    const BindingRow* row = binding(node_id);
    return row == nullptr ? 0 : row->owner_scope_id;
  }

  const DefRow& def(NodeId node_id) const {
    for (const DefRow& row : facts.defs) {
      if (row.node_id == node_id) return row;
    }
    throw std::runtime_error("no such def");
  }

  FileContext context;
  FileFacts facts;

 private:
  NodeId scope_with_def(const std::string& scope_kind, const std::string& def_kind,
                        const std::string& name, NodeId parent) {
    const NodeId id = next_id_++;
    DefRow def;
    def.file_id = context.file_id;
    def.node_id = id;
    def.kind = def_kind;
    def.def_kind = scope_kind;
    def.name = name;
    def.qualname = qualname_of(parent) + suffix(parent) + name;
    def.scope_id = parent;
    def.span = next_span();
    def.name_bstart = def.span.bstart;
    def.name_bend = def.span.bend;
    facts.defs.push_back(def);
    add_scope(id, scope_kind, name, parent);
    return id;
  }

  void add_scope(NodeId id, const std::string& kind, const std::string& name, NodeId parent) {
    ScopeRow row;
    row.file_id = context.file_id;
    row.scope_id = id;
    row.parent_scope_id = parent;
    row.kind = kind;
    row.name = name;
    row.qualname = qualname_of(parent) + suffix(parent) + name;
    row.span = next_span();
    facts.scopes.push_back(row);
  }

  const ScopeRow* scope_row(NodeId id) const {
    for (const ScopeRow& row : facts.scopes) {
      if (row.scope_id == id) return &row;
    }
    return nullptr;
  }
  std::string qualname_of(NodeId scope) const {
    const ScopeRow* row = scope_row(scope);
    return row == nullptr ? context.module : row->qualname;
  }
  std::string suffix(NodeId scope) const {
    const ScopeRow* row = scope_row(scope);
    return row == nullptr || row->kind == "module" || row->kind == "class" ? "." : ".<locals>.";
  }

  Span next_span() {
    Span span;
    span.bstart = pos_;
    span.bend = pos_ + 1;
    span.start_line = line_;
    span.end_line = line_;
    pos_ += 10;
    ++line_;
    return span;
  }

  NodeId next_id_ = 100;
  int64_t pos_ = 0;
  int32_t line_ = 1;
};

using B = FactsBuilder;

// x = 1
// x
TEST(LocalBinder, ModuleNameReadAtModuleLevel) {
  B b;
  const NodeId x = b.var("x", B::kModule);
  const NodeId use = b.name("x", B::kModule);
  b.bind();
  EXPECT_THAT(b.reads(use), ElementsAre(x));
  EXPECT_EQ(b.resolution(use), "global");
  ASSERT_NE(b.binding(x), nullptr);
  EXPECT_EQ(b.binding(x)->binding_kind, "variable");
  EXPECT_EQ(b.binding(x)->name, "x");
  EXPECT_EQ(b.owner(x), B::kModule);
  EXPECT_EQ(b.def(x).qualname, "pkg.m.x");
}

// x = 1
// def f():
//     x = 2
//     def g():
//         x; len
// def h():
//     x
TEST(LocalBinder, LegbLookup) {
  B b;
  const NodeId x_mod = b.var("x", B::kModule);
  const NodeId f = b.function("f", B::kModule);
  const NodeId x_f = b.var("x", f);
  const NodeId g = b.function("g", f);
  const NodeId use_g = b.name("x", g);
  const NodeId len = b.name("len", g);
  const NodeId h = b.function("h", B::kModule);
  const NodeId use_h = b.name("x", h);
  b.bind();

  EXPECT_THAT(b.reads(use_g), ElementsAre(x_f));
  EXPECT_EQ(b.resolution(use_g), "enclosing");
  EXPECT_EQ(b.refs(use_g).front().owner_scope_id, f);
  EXPECT_THAT(b.reads(use_h), ElementsAre(x_mod));
  EXPECT_EQ(b.resolution(use_h), "global");

  const auto len_rows = b.refs(len);
  ASSERT_EQ(len_rows.size(), 1u);
  EXPECT_EQ(len_rows[0].resolution, "unresolved");
  EXPECT_FALSE(len_rows[0].binding_id.has_value());
  EXPECT_FALSE(len_rows[0].owner_scope_id.has_value());
  EXPECT_EQ(len_rows[0].name, "len");
  EXPECT_EQ(len_rows[0].file_id, b.context.file_id);

  EXPECT_EQ(b.owner(f), B::kModule);
  EXPECT_EQ(b.binding(f)->binding_kind, "function");
  EXPECT_EQ(b.owner(g), f);
}

// x = 1
// class C:
//     x = 2
//     y = x
//     def m(self):
//         return x
TEST(LocalBinder, ClassBodyDoesNotEncloseMethods) {
  B b;
  const NodeId x_mod = b.var("x", B::kModule);
  const NodeId c = b.klass("C", B::kModule);
  const NodeId x_c = b.var("x", c);
  const NodeId use_c = b.name("x", c);
  const NodeId m = b.function("m", c);
  const NodeId self = b.param(m, "self");
  const NodeId use_m = b.name("x", m);
  const NodeId use_self = b.name("self", m);
  b.bind();

  EXPECT_THAT(b.reads(use_c), ElementsAre(x_c));
  EXPECT_EQ(b.resolution(use_c), "class");
  EXPECT_THAT(b.reads(use_m), ElementsAre(x_mod));
  EXPECT_EQ(b.resolution(use_m), "global");
  EXPECT_THAT(b.reads(use_self), ElementsAre(self));
  EXPECT_EQ(b.resolution(use_self), "local");
  EXPECT_EQ(b.binding(c)->binding_kind, "class");
  EXPECT_EQ(b.owner(m), c);
  EXPECT_EQ(b.owner(self), m);
  EXPECT_EQ(b.binding(self)->binding_kind, "parameter");
}

// def f():
//     y = 1
//     class C:
//         z = y
//         class D:
//             w = z
TEST(LocalBinder, ClassBodySeesEnclosingFunctionLocals) {
  B b;
  const NodeId f = b.function("f", B::kModule);
  const NodeId y = b.var("y", f);
  const NodeId c = b.klass("C", f);
  const NodeId use_y = b.name("y", c);
  b.var("z", c);
  const NodeId d = b.klass("D", c);
  const NodeId use_z = b.name("z", d);
  b.bind();

  EXPECT_THAT(b.reads(use_y), ElementsAre(y));
  EXPECT_EQ(b.resolution(use_y), "enclosing");
  // A class body does not see the names of the class around it either.
  EXPECT_THAT(b.reads(use_z), IsEmpty());
  EXPECT_EQ(b.resolution(use_z), "unresolved");
}

// xs = []
// [i for i in xs]
// i
// class C:
//     k = 1
//     [k for _ in xs]   (the first iterable, xs, is evaluated in C)
TEST(LocalBinder, ComprehensionVariablesDoNotLeak) {
  B b;
  const NodeId xs = b.var("xs", B::kModule);
  const NodeId comp = b.comprehension(B::kModule);
  const NodeId use_i = b.name("i", comp);
  const NodeId i = b.var("i", comp, "comprehension_for");
  const NodeId use_xs = b.name("xs", B::kModule);
  const NodeId after = b.name("i", B::kModule);
  const NodeId c = b.klass("C", B::kModule);
  b.var("k", c);
  const NodeId comp_c = b.comprehension(c);
  const NodeId use_k = b.name("k", comp_c);
  const NodeId use_xs_c = b.name("xs", c);
  b.bind();

  EXPECT_THAT(b.reads(use_i), ElementsAre(i));
  EXPECT_EQ(b.resolution(use_i), "local");
  EXPECT_EQ(b.owner(i), comp);
  EXPECT_THAT(b.reads(use_xs), ElementsAre(xs));
  EXPECT_THAT(b.reads(after), IsEmpty());
  EXPECT_EQ(b.resolution(after), "unresolved");
  EXPECT_EQ(b.resolution(use_k), "unresolved");
  EXPECT_THAT(b.reads(use_xs_c), ElementsAre(xs));
}

// def f(xs):
//     [(last := i) for i in xs]
//     return last
// class C:
//     [(n := 1) for _ in ()]
TEST(LocalBinder, WalrusInComprehensionBindsInEnclosingBlock) {
  B b;
  const NodeId f = b.function("f", B::kModule);
  b.param(f, "xs");
  const NodeId comp = b.comprehension(f);
  const NodeId last = b.var("last", comp, "walrus");
  b.var("i", comp, "comprehension_for");
  const NodeId use = b.name("last", f);
  const NodeId inner_use = b.name("last", comp);
  const NodeId c = b.klass("C", B::kModule);
  const NodeId comp_c = b.comprehension(c);
  const NodeId n = b.var("n", comp_c, "walrus");
  b.bind();

  EXPECT_EQ(b.owner(last), f);
  EXPECT_EQ(b.def(last).qualname, "pkg.m.f.<locals>.last");
  EXPECT_THAT(b.reads(use), ElementsAre(last));
  EXPECT_EQ(b.resolution(use), "local");
  EXPECT_THAT(b.reads(inner_use), ElementsAre(last));
  EXPECT_EQ(b.resolution(inner_use), "enclosing");
  EXPECT_EQ(b.owner(n), c);
  EXPECT_EQ(b.def(n).qualname, "pkg.m.C.n");
}

// def f():
//     global total
//     [(total := i) for i in range(3)]
// total
TEST(LocalBinder, WalrusFollowsGlobalOfEnclosingBlock) {
  B b;
  const NodeId f = b.function("f", B::kModule);
  b.decl(f, "total", "global");
  const NodeId comp = b.comprehension(f);
  const NodeId total = b.var("total", comp, "walrus");
  const NodeId use = b.name("total", B::kModule);
  b.bind();

  EXPECT_EQ(b.owner(total), B::kModule);
  EXPECT_EQ(b.def(total).qualname, "pkg.m.total");
  EXPECT_THAT(b.reads(use), ElementsAre(total));
}

// def f():
//     global counter
//     counter = 1
//     counter
// def g():
//     counter
// counter
TEST(LocalBinder, GlobalRedirectsBindingsAndReads) {
  B b;
  const NodeId f = b.function("f", B::kModule);
  b.decl(f, "counter", "global");
  const NodeId counter = b.var("counter", f);
  const NodeId use_f = b.name("counter", f);
  const NodeId g = b.function("g", B::kModule);
  const NodeId use_g = b.name("counter", g);
  const NodeId use_mod = b.name("counter", B::kModule);
  b.bind();

  EXPECT_EQ(b.owner(counter), B::kModule);
  EXPECT_EQ(b.def(counter).qualname, "pkg.m.counter");
  for (NodeId use : {use_f, use_g, use_mod}) {
    EXPECT_THAT(b.reads(use), ElementsAre(counter));
    EXPECT_EQ(b.resolution(use), "global");
    EXPECT_EQ(b.refs(use).front().owner_scope_id, B::kModule);
  }
}

// def f():
//     global missing
//     missing
//     def g():
//         missing    (g's enclosing f declares it global)
TEST(LocalBinder, GlobalWithoutBindingSiteKeepsOwner) {
  B b;
  const NodeId f = b.function("f", B::kModule);
  b.decl(f, "missing", "global");
  const NodeId use_f = b.name("missing", f);
  const NodeId g = b.function("g", f);
  const NodeId use_g = b.name("missing", g);
  b.bind();

  for (NodeId use : {use_f, use_g}) {
    const auto rows = b.refs(use);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].resolution, "unresolved");
    EXPECT_EQ(rows[0].owner_scope_id, B::kModule);
    EXPECT_FALSE(rows[0].binding_id.has_value());
  }
}

// x = 0
// def f():
//     global x
//     def g():
//         x = 5      (local to g)
//     def h():
//         return x   (f's global declaration sends h to the module)
TEST(LocalBinder, EnclosingGlobalDeclarationSendsToModule) {
  B b;
  const NodeId x_mod = b.var("x", B::kModule);
  const NodeId f = b.function("f", B::kModule);
  b.decl(f, "x", "global");
  const NodeId g = b.function("g", f);
  const NodeId x_g = b.var("x", g);
  const NodeId h = b.function("h", f);
  const NodeId use_h = b.name("x", h);
  b.bind();

  EXPECT_EQ(b.owner(x_g), g);
  EXPECT_THAT(b.reads(use_h), ElementsAre(x_mod));
  EXPECT_EQ(b.resolution(use_h), "global");
}

// def outer():
//     n = 0
//     def inner():
//         nonlocal n
//         n += 1
//         return n
//     return n
TEST(LocalBinder, NonlocalBindsInEnclosingFunction) {
  B b;
  const NodeId outer = b.function("outer", B::kModule);
  const NodeId n0 = b.var("n", outer);
  const NodeId inner = b.function("inner", outer);
  b.decl(inner, "n", "nonlocal");
  const NodeId n1 = b.var("n", inner, "augassign");
  const NodeId use_inner = b.name("n", inner);
  const NodeId use_outer = b.name("n", outer);
  b.bind();

  EXPECT_EQ(b.owner(n1), outer);
  EXPECT_EQ(b.def(n1).qualname, "pkg.m.outer.<locals>.n");
  EXPECT_EQ(b.def(n0).qualname, "pkg.m.outer.<locals>.n");
  EXPECT_THAT(b.reads(use_inner), ElementsAre(n0, n1));
  EXPECT_EQ(b.resolution(use_inner), "enclosing");
  EXPECT_THAT(b.reads(use_outer), ElementsAre(n0, n1));
  EXPECT_EQ(b.resolution(use_outer), "local");
  EXPECT_THAT(b.facts.diagnostics, IsEmpty());
}

// def f():
//     x = 1
//     class C:
//         def m(self):
//             def k():
//                 nonlocal x   (passes through m's nonlocal to f)
//                 x = 3
//             nonlocal x
//             x = 2
TEST(LocalBinder, NonlocalSkipsClassesAndFollowsChains) {
  B b;
  const NodeId f = b.function("f", B::kModule);
  const NodeId x1 = b.var("x", f);
  const NodeId c = b.klass("C", f);
  const NodeId m = b.function("m", c);
  b.param(m, "self");
  const NodeId k = b.function("k", m);
  b.decl(k, "x", "nonlocal");
  const NodeId x3 = b.var("x", k);
  b.decl(m, "x", "nonlocal");
  const NodeId x2 = b.var("x", m);
  const NodeId use_k = b.name("x", k);
  b.bind();

  EXPECT_EQ(b.owner(x2), f);
  EXPECT_EQ(b.owner(x3), f);
  EXPECT_THAT(b.reads(use_k), ElementsAre(x1, x3, x2));
  EXPECT_THAT(b.facts.diagnostics, IsEmpty());
}

// x = 1
// def f():
//     nonlocal x
//     x = 2
//     x
TEST(LocalBinder, NonlocalWithoutBindingIsDiagnosed) {
  B b;
  b.var("x", B::kModule);
  const NodeId f = b.function("f", B::kModule);
  b.decl(f, "x", "nonlocal");
  const ScopeDeclRow decl = b.facts.scope_decls.back();
  const NodeId x = b.var("x", f);
  const NodeId use = b.name("x", f);
  b.bind();

  EXPECT_EQ(b.owner(x), f);
  EXPECT_EQ(b.def(x).qualname, "pkg.m.f.<locals>.x");
  EXPECT_THAT(b.reads(use), ElementsAre(x));
  EXPECT_EQ(b.resolution(use), "local");
  ASSERT_EQ(b.facts.diagnostics.size(), 1u);
  const DiagnosticRow& diag = b.facts.diagnostics[0];
  EXPECT_EQ(diag.layer, "bind");
  EXPECT_EQ(diag.severity, "error");
  EXPECT_EQ(diag.code, "nonlocal_without_binding");
  EXPECT_EQ(diag.path, "pkg/m.py");
  EXPECT_EQ(diag.file_id, b.context.file_id);
  EXPECT_NE(diag.message.find("'x'"), std::string::npos);
  EXPECT_NE(diag.message.find("line " + std::to_string(decl.span.start_line)), std::string::npos);
  EXPECT_EQ(diag.bstart, decl.span.bstart);
  EXPECT_EQ(diag.bend, decl.span.bend);
  EXPECT_EQ(diag.start_line, decl.span.start_line);
}

// x = 1
// def f():
//     print(x)   (UnboundLocalError: del makes x local to f)
//     del x
TEST(LocalBinder, DelMakesNameLocal) {
  B b;
  b.var("x", B::kModule);
  const NodeId f = b.function("f", B::kModule);
  const NodeId use = b.name("x", f);
  const NodeId del = b.name("x", f, "del");
  b.bind();

  for (NodeId ref : {use, del}) {
    const auto rows = b.refs(ref);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].resolution, "unresolved");
    EXPECT_EQ(rows[0].owner_scope_id, f);
    EXPECT_FALSE(rows[0].binding_id.has_value());
  }
}

// The same, with the extractor reporting the del as a VARIABLE def (def_kind "del"):
// it makes x local but is no binding site.
TEST(LocalBinder, DelDefIsNotABindingSite) {
  B b;
  b.var("x", B::kModule);
  const NodeId f = b.function("f", B::kModule);
  const NodeId use = b.name("x", f);
  const NodeId del_def = b.var("x", f, "del");
  b.bind();

  EXPECT_EQ(b.binding(del_def), nullptr);
  EXPECT_EQ(b.refs(use).at(0).owner_scope_id, f);
  EXPECT_THAT(b.reads(use), IsEmpty());
}

// x = 1
// def f(x, y=x):   (the default is evaluated in the module)
//     return x
// g = lambda z: z
TEST(LocalBinder, ParametersBindInTheirFunction) {
  B b;
  const NodeId x_mod = b.var("x", B::kModule);
  const NodeId f = b.function("f", B::kModule);
  const NodeId px = b.param(f, "x");
  b.param(f, "y");
  const NodeId default_use = b.name("x", B::kModule);
  const NodeId use = b.name("x", f);
  const NodeId lam = b.lambda(B::kModule);
  const NodeId z = b.param(lam, "z");
  const NodeId use_z = b.name("z", lam);
  b.var("g", B::kModule);
  b.bind();

  EXPECT_THAT(b.reads(default_use), ElementsAre(x_mod));
  EXPECT_THAT(b.reads(use), ElementsAre(px));
  EXPECT_EQ(b.resolution(use), "local");
  EXPECT_THAT(b.reads(use_z), ElementsAre(z));
  EXPECT_EQ(b.owner(z), lam);
  EXPECT_EQ(b.binding(lam), nullptr);  // a lambda binds no name
}

// import os
// from m import *
// def f():
//     os; path
TEST(LocalBinder, ImportsBindNamesStarImportsDoNot) {
  B b;
  const NodeId os = b.import_name(B::kModule, "os");
  const NodeId star = b.import_name(B::kModule, std::nullopt, true);
  const NodeId f = b.function("f", B::kModule);
  const NodeId use_os = b.name("os", f);
  const NodeId use_path = b.name("path", f);
  b.bind();

  EXPECT_EQ(b.binding(os)->binding_kind, "import");
  EXPECT_EQ(b.binding(os)->name, "os");
  EXPECT_EQ(b.owner(os), B::kModule);
  EXPECT_EQ(b.binding(star), nullptr);
  EXPECT_THAT(b.reads(use_os), ElementsAre(os));
  EXPECT_EQ(b.resolution(use_os), "global");
  EXPECT_EQ(b.resolution(use_path), "unresolved");
}

// x = 1; x = 2 (the second written first in the facts); x
TEST(LocalBinder, EveryBindingSiteInSourceOrder) {
  B b;
  const NodeId x1 = b.var("x", B::kModule);
  const NodeId x2 = b.var("x", B::kModule);
  std::swap(b.facts.defs[0], b.facts.defs[1]);
  const NodeId use = b.name("x", B::kModule);
  b.bind();

  EXPECT_THAT(b.reads(use), ElementsAre(x1, x2));
  // Bindings come in the order of the facts.
  ASSERT_EQ(b.facts.bindings.size(), 2u);
  EXPECT_EQ(b.facts.bindings[0].node_id, x2);
}

// 100 assignments to x, then x: the first 32 and the last 32 sites.
TEST(LocalBinder, BindingsPerReferenceAreCapped) {
  B b;
  std::vector<NodeId> sites;
  for (int i = 0; i < 100; ++i) sites.push_back(b.var("x", B::kModule));
  const NodeId use = b.name("x", B::kModule);
  b.bind();

  std::vector<NodeId> expected(sites.begin(), sites.begin() + 32);
  expected.insert(expected.end(), sites.end() - 32, sites.end());
  EXPECT_EQ(b.reads(use), expected);
  EXPECT_EQ(b.facts.bindings.size(), 100u);
}

// x = 1; x = 2; obj.x; x (store): neither attributes nor stores are references.
TEST(LocalBinder, AttributesAndStoresAreNotReferences) {
  B b;
  b.var("x", B::kModule);
  b.name("obj", B::kModule);
  b.name("x", B::kModule, "load", true);
  b.name("x", B::kModule, "store");
  b.bind();

  ASSERT_EQ(b.facts.name_refs.size(), 1u);
  EXPECT_EQ(b.facts.name_refs[0].name, "obj");
}

// def f():
//     global g
//     def g(): ...
// g
TEST(LocalBinder, GlobalFunctionKeepsItsQualname) {
  B b;
  const NodeId f = b.function("f", B::kModule);
  b.decl(f, "g", "global");
  const NodeId g = b.function("g", f);
  const NodeId use = b.name("g", B::kModule);
  b.bind();

  EXPECT_EQ(b.owner(g), B::kModule);
  EXPECT_EQ(b.def(g).qualname, "pkg.m.f.<locals>.g");
  EXPECT_THAT(b.reads(use), ElementsAre(g));
}

TEST(LocalBinder, OddInputDoesNotThrow) {
  B b;
  const NodeId x = b.var("x", B::kModule);
  const NodeId stray = b.name("x", 987654321);  // unknown scope: the module
  const NodeId stray_def = b.var("y", 123456789);
  // Two scopes that are each other's parent, and a scope that is its own parent.
  const NodeId f = b.function("f", B::kModule);
  const NodeId g = b.function("g", f);
  b.facts.scopes[1].parent_scope_id = g;
  const NodeId h = b.function("h", B::kModule);
  b.facts.scopes.back().parent_scope_id = h;
  const NodeId use_g = b.name("x", g);
  const NodeId use_h = b.name("x", h);
  b.decl(g, "q", "nonlocal");
  b.decl(B::kModule, "r", "nonlocal");
  b.param(424242, "p");
  b.name("", B::kModule);
  EXPECT_NO_THROW(b.bind());

  EXPECT_THAT(b.reads(stray), ElementsAre(x));
  EXPECT_EQ(b.owner(stray_def), B::kModule);
  EXPECT_THAT(b.reads(use_g), ElementsAre(x));
  EXPECT_THAT(b.reads(use_h), ElementsAre(x));
  EXPECT_EQ(b.facts.diagnostics.size(), 2u);
}

TEST(LocalBinder, FileWithoutModuleScopeRow) {
  B b;
  const NodeId x = b.var("x", B::kModule);
  const NodeId use = b.name("x", B::kModule);
  b.facts.scopes.clear();
  b.bind();
  EXPECT_EQ(b.owner(x), B::kModule);
  EXPECT_THAT(b.reads(use), ElementsAre(x));
}

std::string dump(const FileFacts& facts) {
  std::ostringstream out;
  for (const BindingRow& row : facts.bindings) {
    out << "B " << row.node_id << ' ' << row.name << ' ' << row.owner_scope_id << ' '
        << row.binding_kind << '\n';
  }
  for (const NameRefRow& row : facts.name_refs) {
    out << "R " << row.ref_id << ' ' << row.name << ' ' << row.binding_id.value_or(0) << ' '
        << row.owner_scope_id.value_or(0) << ' ' << row.resolution << '\n';
  }
  for (const DefRow& row : facts.defs) out << "D " << row.node_id << ' ' << row.qualname << '\n';
  for (const DiagnosticRow& row : facts.diagnostics) out << "E " << row.message << '\n';
  return out.str();
}

TEST(LocalBinder, Deterministic) {
  auto build = [] {
    B b;
    const NodeId f = b.function("f", B::kModule);
    for (int i = 0; i < 50; ++i) {
      const std::string name = "v" + std::to_string(i % 7);
      b.var(name, i % 2 == 0 ? f : B::kModule);
      b.name(name, f);
      b.name(name, B::kModule);
    }
    b.decl(f, "v3", "global");
    b.decl(f, "zz", "nonlocal");
    return b;
  };
  B first = build();
  B second = build();
  first.bind();
  second.bind();
  EXPECT_EQ(dump(first.facts), dump(second.facts));
  EXPECT_FALSE(first.facts.name_refs.empty());
}

}  // namespace
}  // namespace ca
