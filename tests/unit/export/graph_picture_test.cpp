// The graph selection behind `export dot` / `export graphml` (kinds, --module, --depth,
// order) and the escaping of both writers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "export/dot_writer.hpp"
#include "export/graph_picture.hpp"
#include "export/graphml_writer.hpp"
#include "pipeline/build.hpp"
#include "support/test_support.hpp"

namespace ca {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

TEST(ModuleMatches, DottedComponents) {
  EXPECT_TRUE(module_matches("django.db", "django.db"));
  EXPECT_TRUE(module_matches("django.db.models", "django.db"));
  EXPECT_FALSE(module_matches("django.dbx", "django.db"));
  EXPECT_FALSE(module_matches("django", "django.db"));
  EXPECT_FALSE(module_matches("xdjango.db", "django.db"));
}

TEST(PictureKindNames, RoundTrip) {
  for (PictureKind k : {PictureKind::Calls, PictureKind::Imports, PictureKind::Inherits})
    EXPECT_EQ(parse_picture_kind(to_string(k)), k);
  EXPECT_EQ(parse_picture_kind("calls"), PictureKind::Calls);
  EXPECT_EQ(parse_picture_kind("widgets"), std::nullopt);
}

PictureNode node(uint64_t id, std::string qualname, std::string module) {
  return PictureNode{id, "FUNCTION", std::move(qualname), std::move(module), "m.py", 1};
}

std::vector<std::string> names(const Picture& p) {
  std::vector<std::string> out;
  for (const auto& n : p.nodes) out.push_back(n.qualname);
  return out;
}

std::vector<std::string> edges(const Picture& p) {
  std::vector<std::string> out;
  for (const auto& e : p.edges)
    out.push_back(p.nodes[e.src].qualname + "->" + p.nodes[e.dst].qualname);
  return out;
}

// A chain caller2 -> caller1 -> target -> callee1 -> callee2, plus other -> callee1 (a
// callee's other caller) and an edge to an unknown id.
Picture chain(const PictureOptions& options) {
  std::vector<PictureNode> nodes = {node(5, "z.callee2", "z"),        node(4, "z.callee1", "z"),
                                    node(3, "t.sub.target", "t.sub"), node(2, "a.caller1", "a"),
                                    node(1, "a.caller2", "a"),        node(6, "o.other", "o"),
                                    node(7, "tx.lookalike", "tx")};
  std::vector<std::pair<uint64_t, uint64_t>> pairs = {{1, 2}, {2, 3}, {3, 4}, {4, 5},
                                                      {6, 4}, {3, 4}, {3, 99}};
  return select_picture(PictureKind::Calls, nodes, pairs, options);
}

TEST(SelectPicture, WholeGraphSortedAndDeduplicated) {
  Picture p = chain(PictureOptions{});
  EXPECT_THAT(names(p), ElementsAre("a.caller1", "a.caller2", "o.other", "t.sub.target",
                                    "tx.lookalike", "z.callee1", "z.callee2"));
  EXPECT_THAT(edges(p),
              ElementsAre("a.caller1->t.sub.target", "a.caller2->a.caller1", "o.other->z.callee1",
                          "t.sub.target->z.callee1", "z.callee1->z.callee2"));
  for (const auto& e : p.edges) EXPECT_EQ(e.kind, "CALLS_FUNCTION");
}

TEST(SelectPicture, ModuleAndDepth) {
  PictureOptions options;
  options.module_prefix = "t";
  EXPECT_THAT(names(chain(options)), ElementsAre("t.sub.target"));
  EXPECT_TRUE(chain(options).edges.empty());
  options.depth = 1;
  EXPECT_THAT(names(chain(options)), ElementsAre("a.caller1", "t.sub.target", "z.callee1"));
  options.depth = 2;
  Picture two = chain(options);
  // Callers of callers and callees of callees; not o.other (a callee's other caller).
  EXPECT_THAT(names(two),
              ElementsAre("a.caller1", "a.caller2", "t.sub.target", "z.callee1", "z.callee2"));
  EXPECT_THAT(edges(two), UnorderedElementsAre("a.caller1->t.sub.target", "a.caller2->a.caller1",
                                               "t.sub.target->z.callee1", "z.callee1->z.callee2"));
  options.module_prefix = "t.sub";
  options.depth = 0;
  EXPECT_THAT(names(chain(options)), ElementsAre("t.sub.target"));
  options.module_prefix = "nothing";
  EXPECT_TRUE(chain(options).nodes.empty());
}

TEST(Writers, DotEscaping) {
  EXPECT_EQ(dot_quote("a\"b\\c\nd\te"), "\"a\\\"b\\\\c\\nd e\"");
  Picture p;
  p.nodes = {PictureNode{1, "FUNCTION", "m.f.<locals>.\"g\"", "m", "dir/m.py", 3},
             PictureNode{2, "MODULE", "m", "m", "dir/m.py", std::nullopt}};
  p.edges = {PictureEdge{1, 0, "CALLS_FUNCTION"}};
  std::string dot = write_dot(p);
  EXPECT_THAT(dot, HasSubstr("\"n1\" [label=\"m.f.<locals>.\\\"g\\\"\""));
  EXPECT_THAT(dot, HasSubstr("line=3"));
  EXPECT_THAT(dot, HasSubstr("tooltip=\"dir/m.py:3\""));
  EXPECT_THAT(dot, HasSubstr("\"n2\" -> \"n1\" [kind=\"CALLS_FUNCTION\"];"));
  EXPECT_THAT(dot, HasSubstr("shape=folder"));
}

TEST(Writers, GraphmlEscaping) {
  EXPECT_EQ(xml_escape("<a & 'b'> \"c\"\n\x01"),
            "&lt;a &amp; &apos;b&apos;&gt; &quot;c&quot;&#10;\xEF\xBF\xBD");
  Picture p;
  p.nodes = {PictureNode{1, "FUNCTION", "m.f.<locals>.g", "m", "m.py", 3},
             PictureNode{2, "MODULE", "m", "m", "m.py", std::nullopt}};
  p.edges = {PictureEdge{1, 0, "CALLS_FUNCTION"}};
  std::string xml = write_graphml(p);
  EXPECT_THAT(xml,
              HasSubstr("<key id=\"line\" for=\"node\" attr.name=\"line\" attr.type=\"int\"/>"));
  EXPECT_THAT(xml, HasSubstr("<key id=\"edge_kind\" for=\"edge\" attr.name=\"kind\""));
  EXPECT_THAT(xml, HasSubstr("<data key=\"qualname\">m.f.&lt;locals&gt;.g</data>"));
  EXPECT_THAT(xml, HasSubstr("<edge id=\"e0\" source=\"n2\" target=\"n1\">"));
  // The module has no line: no line data rather than an empty one.
  EXPECT_THAT(xml, Not(HasSubstr("<data key=\"line\"></data>")));
}

// On a graph the pipeline builds: which nodes and edges each kind selects.
class PictureOfGraph : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    repo_ = new test::TempDir();
    out_ = new test::TempDir();
    repo_->write("app/__init__.py", "");
    repo_->write("app/core/__init__.py", "");
    repo_->write("app/core/models.py",
                 "class Base:\n    def save(self):\n        return helper()\n\n\n"
                 "class User(Base):\n    def save(self):\n        return Base.save(self)\n\n\n"
                 "def helper():\n    return 1\n");
    repo_->write("app/core/views.py",
                 "import os\nfrom app.core.models import User, helper\n\n\n"
                 "def show():\n    u = User()\n    u.save()\n    os.getcwd()\n"
                 "    return helper()\n");
    repo_->write("app/cli.py",
                 "from app.core import views\n\n\ndef main():\n    views.show()\n\n\nmain()\n");
    repo_->write("app/corex.py",
                 "from app.core.models import User\n\n\nclass Admin(User):\n    pass\n\n\n"
                 "def other():\n    return (lambda: 2)()\n");
    BuildOptions options;
    options.repo = repo_->path();
    options.output_dir = out_->path();
    options.jobs = 2;
    db_ = new std::filesystem::path(build_graph(options).database);
  }
  static void TearDownTestSuite() {
    delete db_;
    delete out_;
    delete repo_;
  }
  static Picture pick(PictureKind what, std::string prefix = "", int depth = 0) {
    PictureOptions options;
    options.what = what;
    options.module_prefix = std::move(prefix);
    options.depth = depth;
    return select_picture(*db_, options);
  }

  static inline test::TempDir* repo_ = nullptr;
  static inline test::TempDir* out_ = nullptr;
  static inline std::filesystem::path* db_ = nullptr;
};

TEST_F(PictureOfGraph, Calls) {
  Picture p = pick(PictureKind::Calls);
  std::set<std::string> kinds;
  for (const auto& n : p.nodes) kinds.insert(n.kind);
  EXPECT_THAT(kinds, UnorderedElementsAre("FUNCTION", "LAMBDA", "MODULE"));
  std::vector<std::string> e = edges(p);
  EXPECT_THAT(e, UnorderedElementsAre("app.cli->app.cli.main", "app.cli.main->app.core.views.show",
                                      "app.core.models.Base.save->app.core.models.helper",
                                      "app.core.models.User.save->app.core.models.Base.save",
                                      "app.core.views.show->app.core.models.User.save",
                                      "app.core.views.show->app.core.models.helper",
                                      "app.corex.other->app.corex.other.<locals>.<lambda>"));
  for (const auto& n : p.nodes) {
    EXPECT_THAT(n.qualname, Not(HasSubstr("os."))) << "externals are left out";
    if (n.qualname == "app.core.views.show") {
      EXPECT_EQ(n.path, "app/core/views.py");
      EXPECT_EQ(n.line, 5);
      EXPECT_EQ(n.module, "app.core.views");
    }
  }
}

TEST_F(PictureOfGraph, CallsOfOneModuleAndItsNeighbourhood) {
  // app.core keeps its own modules and functions, not app.corex (a longer name) nor app.cli.
  EXPECT_THAT(names(pick(PictureKind::Calls, "app.core")),
              ElementsAre("app.core", "app.core.models", "app.core.models.Base.save",
                          "app.core.models.User.save", "app.core.models.helper", "app.core.views",
                          "app.core.views.show"));
  // One step: show's caller main; two steps: main's caller, the module app.cli.
  std::vector<std::string> one = names(pick(PictureKind::Calls, "app.core.views", 1));
  EXPECT_THAT(one, ElementsAre("app.cli.main", "app.core.models.User.save",
                               "app.core.models.helper", "app.core.views", "app.core.views.show"));
  std::vector<std::string> two = names(pick(PictureKind::Calls, "app.core.views", 2));
  EXPECT_THAT(two, ElementsAre("app.cli", "app.cli.main", "app.core.models.Base.save",
                               "app.core.models.User.save", "app.core.models.helper",
                               "app.core.views", "app.core.views.show"));
}

TEST_F(PictureOfGraph, ImportsAndInherits) {
  Picture imports = pick(PictureKind::Imports);
  for (const auto& n : imports.nodes) EXPECT_EQ(n.kind, "MODULE");
  EXPECT_THAT(edges(imports),
              UnorderedElementsAre("app.cli->app.core.views", "app.core.views->app.core.models",
                                   "app.corex->app.core.models"));
  EXPECT_EQ(imports.nodes.size(), 6u);  // app, app.cli, app.core, .models, .views, app.corex
  Picture inherits = pick(PictureKind::Inherits);
  EXPECT_THAT(names(inherits),
              ElementsAre("app.core.models.Base", "app.core.models.User", "app.corex.Admin"));
  EXPECT_THAT(edges(inherits), UnorderedElementsAre("app.core.models.User->app.core.models.Base",
                                                    "app.corex.Admin->app.core.models.User"));
  for (const auto& e : inherits.edges) EXPECT_EQ(e.kind, "INHERITS");
  // Subclasses reach a class backwards: Admin is one step from app.core.models's classes.
  EXPECT_THAT(names(pick(PictureKind::Inherits, "app.core.models", 1)),
              ElementsAre("app.core.models.Base", "app.core.models.User", "app.corex.Admin"));
  EXPECT_THAT(names(pick(PictureKind::Inherits, "app.corex")), ElementsAre("app.corex.Admin"));
}

TEST_F(PictureOfGraph, SameBytesEveryTime) {
  Picture a = pick(PictureKind::Calls), b = pick(PictureKind::Calls);
  EXPECT_EQ(write_dot(a), write_dot(b));
  EXPECT_EQ(write_graphml(a), write_graphml(b));
}

}  // namespace
}  // namespace ca
