// Column lineage from DuckDB's parse tree; see view_lineage.hpp. The walk mirrors the
// binder: a query node's CTEs are bound first, then its FROM clause into a scope, then its
// expressions, each column reference resolved innermost scope first.
#include "semantic/view_lineage.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>
#include <utility>

namespace ca {
namespace {

using json = nlohmann::json;

/// A base column a value is computed from; column "*" = any column of the table.
using Source = std::pair<std::string, std::string>;
using Sources = std::set<Source>;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

const json& field(const json& j, const char* key) {
  static const json null_json;
  if (!j.is_object()) return null_json;
  auto it = j.find(key);
  return it == j.end() ? null_json : *it;
}

std::string text(const json& j, const char* key) {
  const json& v = field(j, key);
  return v.is_string() ? v.get<std::string>() : std::string();
}

std::vector<std::string> strings(const json& j) {
  std::vector<std::string> out;
  if (j.is_array())
    for (const auto& v : j)
      if (v.is_string()) out.push_back(lower(v.get<std::string>()));
  return out;
}

/// The rows of a table, subquery, CTE or query result: named columns, each with the base
/// columns it comes from. An open relation may have further columns nobody can name in
/// advance (a table function, COLUMNS(...)); they come from `open_sources`.
struct Relation {
  std::vector<std::string> columns;
  std::vector<Sources> sources;
  bool open = false;
  Sources open_sources;

  int find(const std::string& name) const {
    for (size_t i = 0; i < columns.size(); ++i)
      if (columns[i] == name) return static_cast<int>(i);
    return -1;
  }
  void add(std::string name, Sources from) {
    columns.push_back(std::move(name));
    sources.push_back(std::move(from));
  }
  void rename(const std::vector<std::string>& names) {
    for (size_t i = 0; i < names.size() && i < columns.size(); ++i) columns[i] = names[i];
  }
  Sources all_sources() const {
    Sources all = open_sources;
    for (const auto& s : sources) all.insert(s.begin(), s.end());
    return all;
  }
};

/// A FROM item visible by name (alias, or table name without one).
struct Binding {
  std::string name;
  std::string table;  ///< what it stands for, for messages
  Relation rel;
  bool base_table = false;  ///< a table of the catalog (a star over it reads it whole)
};

/// The names visible at one level of a query: FROM items, USING columns, select-list
/// aliases, lambda parameters. Inner levels point at the levels around them.
struct Scope {
  const Scope* parent = nullptr;
  std::vector<Binding> bindings;
  std::set<std::string> using_columns;
  std::map<std::string, Sources> aliases;
  std::set<std::string> lambda_params;
};

/// CTEs visible at one query level.
struct CteEnv {
  const CteEnv* parent = nullptr;
  std::map<std::string, std::shared_ptr<Relation>> ctes;

  const Relation* find(const std::string& name) const {
    for (const CteEnv* e = this; e; e = e->parent) {
      auto it = e->ctes.find(name);
      if (it != e->ctes.end()) return it->second.get();
    }
    return nullptr;
  }
};

class LineageWalker {
 public:
  LineageWalker(std::string view, const TableColumns& catalog)
      : view_(std::move(view)), catalog_(catalog) {}

  Relation query(const json& node, const Scope* outer, const CteEnv* ctes) {
    CteEnv env{ctes, {}};
    for (const auto& entry : field(field(node, "cte_map"), "map")) bind_cte(entry, outer, env);
    const std::string type = text(node, "type");
    if (type == "SELECT_NODE") return select(node, outer, env);
    if (type == "SET_OPERATION_NODE" || type == "RECURSIVE_CTE_NODE") {
      std::vector<const json*> parts;
      if (!field(node, "children").empty())
        for (const auto& c : field(node, "children")) parts.push_back(&c);
      else
        parts = {&field(node, "left"), &field(node, "right")};
      Relation out;
      bool by_name = text(node, "setop_type") == "UNION_BY_NAME";
      for (size_t p = 0; p < parts.size(); ++p) {
        Relation r = query(*parts[p], outer, &env);
        if (p == 0) {
          out = std::move(r);
          continue;
        }
        merge_union(out, r, by_name);
      }
      // ORDER BY / LIMIT of a set operation see its output columns.
      Scope scope;
      scope.parent = outer;
      scope.bindings.push_back(Binding{"", "(result)", out, false});
      Sources ignored;
      walk(field(node, "modifiers"), scope, env, ignored);
      return out;
    }
    if (type == "CTE_NODE") {
      auto rel = std::make_shared<Relation>(query(field(node, "query"), outer, &env));
      env.ctes[lower(text(node, "ctename"))] = rel;
      return query(field(node, "child"), outer, &env);
    }
    throw ViewError(fmt::format("view {}: unsupported query node {}", view_, type));
  }

  /// Columns read, by table; "*" stands for every column.
  std::map<std::string, std::set<std::string>> reads;

 private:
  void read(const Sources& sources, Sources& sink) {
    for (const auto& s : sources) {
      reads[s.first].insert(s.second);
      sink.insert(s);
    }
  }

  static void merge_union(Relation& out, const Relation& r, bool by_name) {
    if (by_name) {
      for (size_t i = 0; i < r.columns.size(); ++i) {
        int at = out.find(r.columns[i]);
        if (at < 0)
          out.add(r.columns[i], r.sources[i]);
        else
          out.sources[at].insert(r.sources[i].begin(), r.sources[i].end());
      }
    } else {
      for (size_t i = 0; i < r.sources.size() && i < out.sources.size(); ++i)
        out.sources[i].insert(r.sources[i].begin(), r.sources[i].end());
    }
    out.open = out.open || r.open;
    out.open_sources.insert(r.open_sources.begin(), r.open_sources.end());
  }

  void bind_cte(const json& entry, const Scope* outer, CteEnv& env) {
    const std::string name = lower(text(entry, "key"));
    const json& value = field(entry, "value");
    const json& body = field(field(value, "query"), "node");
    const auto aliases = strings(field(value, "aliases"));
    auto rel = std::make_shared<Relation>();
    if (text(body, "type") == "RECURSIVE_CTE_NODE") {
      // The anchor gives the columns; the recursive part may then read the CTE itself.
      CteEnv inner{&env, {}};
      for (const auto& e : field(field(body, "cte_map"), "map")) bind_cte(e, outer, inner);
      *rel = query(field(body, "left"), outer, &inner);
      rel->rename(aliases);
      inner.ctes[name] = rel;
      Relation rec = query(field(body, "right"), outer, &inner);
      merge_union(*rel, rec, text(body, "setop_type") == "UNION_BY_NAME");
    } else {
      *rel = query(body, outer, &env);
      rel->rename(aliases);
    }
    env.ctes[name] = rel;
  }

  Relation select(const json& node, const Scope* outer, const CteEnv& ctes) {
    Scope scope;
    scope.parent = outer;
    bind_from(field(node, "from_table"), scope, ctes);
    Relation out;
    for (const auto& expr : field(node, "select_list")) {
      if (text(expr, "class") == "STAR" && field(expr, "columns") != true &&
          field(expr, "expr").is_null()) {
        expand_star(expr, scope, ctes, out);
        continue;
      }
      Sources sink;
      walk(expr, scope, ctes, sink);
      std::string name = lower(text(expr, "alias"));
      if (name.empty() && text(expr, "class") == "COLUMN_REF") {
        auto parts = strings(field(expr, "column_names"));
        if (!parts.empty()) name = parts.back();
      }
      if (text(expr, "class") == "STAR") {  // COLUMNS(...): names not known in advance
        out.open = true;
        out.open_sources.insert(sink.begin(), sink.end());
        continue;
      }
      if (!name.empty()) scope.aliases.emplace(name, sink);
      out.add(std::move(name), std::move(sink));
    }
    Sources ignored;
    for (const char* key : {"where_clause", "group_expressions", "having", "qualify", "modifiers"})
      walk(field(node, key), scope, ctes, ignored);
    return out;
  }

  void expand_star(const json& star, const Scope& scope, const CteEnv& ctes, Relation& out) {
    (void)ctes;
    const std::string relation = lower(text(star, "relation_name"));
    std::set<std::string> excluded;
    for (const auto& e : field(star, "exclude_list")) {
      if (e.is_string()) excluded.insert(lower(e.get<std::string>()));
    }
    for (const auto& e : field(star, "qualified_exclude_list")) {
      auto parts = strings(field(e, "column_names"));
      if (!parts.empty()) excluded.insert(parts.back());
    }
    bool found = relation.empty();
    std::set<std::string> seen_using;
    for (const auto& b : scope.bindings) {
      if (!relation.empty() && b.name != relation) continue;
      found = true;
      if (b.base_table && excluded.empty()) {
        Sources ignored;
        read({{b.table, "*"}}, ignored);
      }
      for (size_t i = 0; i < b.rel.columns.size(); ++i) {
        const std::string& c = b.rel.columns[i];
        if (excluded.count(c)) continue;
        if (relation.empty() && scope.using_columns.count(c) && !seen_using.insert(c).second)
          continue;
        Sources sink;
        read(b.rel.sources[i], sink);
        out.add(c, std::move(sink));
      }
      if (b.rel.open) {
        Sources sink;
        read(b.rel.open_sources, sink);
        out.open = true;
        out.open_sources.insert(sink.begin(), sink.end());
      }
    }
    if (!found)
      throw ViewError(
          fmt::format("view {}: {}.* names no table in its FROM clause", view_, relation));
    Sources ignored;
    for (const auto& r : field(star, "replace_list")) walk(r, scope, ctes, ignored);
  }

  void bind_from(const json& ref, Scope& scope, const CteEnv& ctes) {
    if (!ref.is_object()) return;
    const std::string type = text(ref, "type");
    const std::string alias = lower(text(ref, "alias"));
    const auto renames = strings(field(ref, "column_name_alias"));
    if (type == "EMPTY") return;
    if (type == "BASE_TABLE") {
      std::string table = lower(text(ref, "table_name"));
      std::string schema = lower(text(ref, "schema_name"));
      Relation rel;
      const Relation* cte = schema.empty() ? ctes.find(table) : nullptr;
      if (cte) {
        rel = *cte;
      } else {
        std::string key = (schema.empty() || schema == "main") ? table : schema + "." + table;
        auto it = catalog_.find(key);
        if (it == catalog_.end())
          throw ViewError(
              fmt::format("view {} reads {}, which is neither a table nor a view", view_, key));
        for (const auto& c : it->second) {
          if (c == "*") {
            rel.open = true;
            rel.open_sources.insert({key, "*"});
          } else {
            rel.add(c, {{key, c}});
          }
        }
        table = key;
      }
      rel.rename(renames);
      scope.bindings.push_back({alias.empty() ? table : alias, table, std::move(rel), !cte});
      return;
    }
    if (type == "SUBQUERY") {
      // A subquery in FROM may read the items before it (DuckDB binds it laterally).
      Relation rel = query(field(field(ref, "subquery"), "node"), &scope, &ctes);
      rel.rename(renames);
      scope.bindings.push_back({alias, "(subquery)", std::move(rel), false});
      return;
    }
    if (type == "JOIN") {
      size_t left_begin = scope.bindings.size();
      bind_from(field(ref, "left"), scope, ctes);
      size_t right_begin = scope.bindings.size();
      bind_from(field(ref, "right"), scope, ctes);
      std::vector<std::string> using_columns = strings(field(ref, "using_columns"));
      if (text(ref, "ref_type") == "NATURAL") {
        for (size_t l = left_begin; l < right_begin; ++l)
          for (const auto& c : scope.bindings[l].rel.columns)
            for (size_t r = right_begin; r < scope.bindings.size(); ++r)
              if (scope.bindings[r].rel.find(c) >= 0) using_columns.push_back(c);
      }
      Sources ignored;
      for (const auto& c : using_columns) {
        for (auto [begin, end] :
             {std::pair{left_begin, right_begin}, std::pair{right_begin, scope.bindings.size()}}) {
          bool found = false;
          for (size_t b = begin; b < end; ++b) {
            const Relation& rel = scope.bindings[b].rel;
            int at = rel.find(c);
            if (at >= 0) {
              read(rel.sources[at], ignored);
              found = true;
              break;
            }
            if (rel.open) {
              read(rel.open_sources, ignored);
              found = true;
              break;
            }
          }
          if (!found)
            throw ViewError(fmt::format(
                "view {} joins USING ({}), a column one side of the join does not have", view_, c));
        }
        scope.using_columns.insert(c);
      }
      walk(field(ref, "condition"), scope, ctes, ignored);
      return;
    }
    if (type == "EXPRESSION_LIST") {  // VALUES: col0, col1, ...
      Relation rel;
      for (const auto& row : field(ref, "values")) {
        size_t i = 0;
        for (const auto& expr : row) {
          Sources sink;
          walk(expr, scope, ctes, sink);
          if (i >= rel.columns.size()) rel.add(fmt::format("col{}", i), {});
          rel.sources[i].insert(sink.begin(), sink.end());
          ++i;
        }
      }
      rel.rename(renames);
      scope.bindings.push_back({alias, "(values)", std::move(rel), false});
      return;
    }
    // Table functions and anything else: columns not known in advance; what it reads comes
    // from its arguments, and every table it names is read whole.
    Relation rel;
    rel.open = true;
    Sources sink;
    if (type == "TABLE_FUNCTION") {
      walk(field(ref, "function"), scope, ctes, sink);
    } else {
      Sources whole;
      for (const auto& t : statement_tables(ref)) whole.insert({t, "*"});
      read(whole, sink);
    }
    rel.open_sources = sink;
    for (const auto& name : renames) rel.add(name, sink);
    scope.bindings.push_back({alias, type, std::move(rel), false});
  }

  /// Resolves every column reference in an expression (or any JSON holding expressions).
  void walk(const json& j, const Scope& scope, const CteEnv& ctes, Sources& sink) {
    if (j.is_array()) {
      for (const auto& v : j) walk(v, scope, ctes, sink);
      return;
    }
    if (!j.is_object()) return;
    const std::string cls = text(j, "class");
    if (cls == "COLUMN_REF") {
      read(resolve(strings(field(j, "column_names")), scope), sink);
      return;
    }
    if (cls == "STAR") {  // *, t.* or COLUMNS(...) inside an expression: every column
      Relation all;
      expand_star(j, scope, ctes, all);
      read(all.all_sources(), sink);
      walk(field(j, "expr"), scope, ctes, sink);
      return;
    }
    if (cls == "SUBQUERY") {
      Relation rel = query(field(field(j, "subquery"), "node"), &scope, &ctes);
      read(rel.all_sources(), sink);
      walk(field(j, "child"), scope, ctes, sink);
      return;
    }
    if (cls == "LAMBDA") {
      Scope inner;
      inner.parent = &scope;
      const json& lhs = field(j, "lhs");
      if (text(lhs, "class") == "COLUMN_REF") {
        auto parts = strings(field(lhs, "column_names"));
        if (!parts.empty()) inner.lambda_params.insert(parts.back());
      } else {
        for (const auto& p : field(lhs, "children")) {
          auto parts = strings(field(p, "column_names"));
          if (!parts.empty()) inner.lambda_params.insert(parts.back());
        }
      }
      walk(field(j, "expr"), inner, ctes, sink);
      return;
    }
    for (const auto& [key, value] : j.items())
      if (value.is_object() || value.is_array()) walk(value, scope, ctes, sink);
  }

  /// The sources of a column reference, or ViewError when no relation (or more than one)
  /// in scope has it.
  Sources resolve(const std::vector<std::string>& parts, const Scope& scope) {
    if (parts.empty()) return {};
    for (const Scope* s = &scope; s; s = s->parent)
      if (s->lambda_params.count(parts[0])) return {};
    if (parts.size() >= 2) {
      // table.column[.field...], or schema.table.column
      for (size_t skip : {size_t{0}, size_t{1}}) {
        if (skip == 1 && (parts.size() < 3 || parts[0] != "main")) continue;
        for (const Scope* s = &scope; s; s = s->parent)
          for (const auto& b : s->bindings) {
            if (b.name != parts[skip]) continue;
            const std::string& column = parts[skip + 1];
            int at = b.rel.find(column);
            if (at >= 0) return b.rel.sources[at];
            if (b.rel.open) return b.rel.open_sources;
            throw ViewError(fmt::format("view {} reads {}.{}, but {} has no column {}", view_,
                                        b.name, column, b.table, column));
          }
      }
    }
    // An unqualified column (or column.field of a struct).
    const std::string& name = parts[0];
    for (const Scope* s = &scope; s; s = s->parent) {
      std::vector<const Binding*> exact, maybe;
      for (const auto& b : s->bindings) {
        if (b.rel.find(name) >= 0)
          exact.push_back(&b);
        else if (b.rel.open)
          maybe.push_back(&b);
      }
      if (exact.size() > 1 && !s->using_columns.count(name)) {
        std::vector<std::string> where;
        for (const Binding* b : exact)
          where.push_back(b->name == b->table || b->name.empty()
                              ? b->table
                              : fmt::format("{} ({})", b->name, b->table));
        throw ViewError(fmt::format("view {}: column {} is ambiguous, it is in {}", view_, name,
                                    fmt::join(where, " and ")));
      }
      if (!exact.empty()) {
        Sources out;
        for (const Binding* b : exact) {
          const auto& from = b->rel.sources[b->rel.find(name)];
          out.insert(from.begin(), from.end());
        }
        return out;
      }
      if (!maybe.empty()) {
        Sources out;
        for (const Binding* b : maybe)
          out.insert(b->rel.open_sources.begin(), b->rel.open_sources.end());
        return out;
      }
      auto alias = s->aliases.find(name);
      if (alias != s->aliases.end()) return alias->second;
    }
    std::vector<std::string> tables;
    for (const Scope* s = &scope; s; s = s->parent)
      for (const auto& b : s->bindings) tables.push_back(b.table);
    throw ViewError(fmt::format("view {} reads column {}, which none of its inputs has ({})", view_,
                                fmt::join(parts, "."),
                                tables.empty() ? std::string("no FROM clause")
                                               : fmt::format("{}", fmt::join(tables, ", "))));
  }

  std::string view_;
  const TableColumns& catalog_;
};

}  // namespace

nlohmann::json parse_view_sql(Connection& con, const ViewSource& view) {
  QueryResult r = con.query("SELECT json_serialize_sql(" + sql_quote(view.sql) + ")");
  if (r.row_count() != 1 || !r.value(0, 0))
    throw ViewError(fmt::format("view {}: DuckDB could not serialize its SQL", view.name));
  json parsed = json::parse(*r.value(0, 0), nullptr, false);
  if (parsed.is_discarded())
    throw ViewError(fmt::format("view {}: unreadable parse of its SQL", view.name));
  if (parsed.value("error", false)) {
    std::string msg = parsed.value("error_message", "unknown error");
    throw ViewError(fmt::format("view {} must be a single SELECT statement: {}", view.name, msg));
  }
  const auto& statements = parsed["statements"];
  if (!statements.is_array() || statements.size() != 1)
    throw ViewError(fmt::format("view {} must be a single SELECT statement, found {}", view.name,
                                statements.is_array() ? statements.size() : 0));
  return statements[0];
}

std::vector<std::string> statement_tables(const json& statement) {
  std::set<std::string> tables, ctes;
  std::vector<const json*> stack{&statement};
  while (!stack.empty()) {
    const json* j = stack.back();
    stack.pop_back();
    if (j->is_object()) {
      if (text(*j, "type") == "BASE_TABLE") {
        std::string name = lower(text(*j, "table_name"));
        std::string schema = lower(text(*j, "schema_name"));
        if (!schema.empty() && schema != "main") name = schema + "." + name;
        tables.insert(name);
      }
      for (const auto& entry : field(field(*j, "cte_map"), "map"))
        if (field(entry, "key").is_string()) ctes.insert(lower(entry["key"].get<std::string>()));
      for (const auto& [key, value] : j->items()) stack.push_back(&value);
    } else if (j->is_array()) {
      for (const auto& value : *j) stack.push_back(&value);
    }
  }
  std::vector<std::string> out;
  for (const auto& t : tables)
    if (!ctes.count(t)) out.push_back(t);
  return out;
}

ViewLineage infer_view_lineage(Connection& con, const ViewSource& view,
                               const TableColumns& catalog) {
  json statement = parse_view_sql(con, view);
  LineageWalker walker(view.name, catalog);
  Relation result = walker.query(field(statement, "node"), nullptr, nullptr);
  ViewLineage lineage;
  lineage.view = view.name;
  lineage.output_columns = result.columns;
  for (auto& [table, columns] : walker.reads) {
    TableRead r;
    r.table = table;
    r.all_columns = columns.count("*") > 0;
    if (!r.all_columns) r.columns.assign(columns.begin(), columns.end());
    lineage.inputs.push_back(std::move(r));
  }
  // A table named only in FROM (say, for count(*)) is read with no particular column.
  for (const auto& t : statement_tables(statement)) {
    auto it = std::find_if(lineage.inputs.begin(), lineage.inputs.end(),
                           [&](const TableRead& r) { return r.table == t; });
    if (it == lineage.inputs.end()) lineage.inputs.push_back({t, false, {}});
  }
  std::sort(lineage.inputs.begin(), lineage.inputs.end(),
            [](const TableRead& a, const TableRead& b) { return a.table < b.table; });
  return lineage;
}

TableColumns catalog_columns(Connection& con) {
  QueryResult r = con.query(
      "SELECT table_name, column_name FROM duckdb_columns() "
      "WHERE database_name NOT IN ('system', 'temp') AND schema_name = 'main' AND NOT internal "
      "ORDER BY table_name, column_index");
  TableColumns out;
  for (size_t i = 0; i < r.row_count(); ++i)
    out[lower(r.value(i, 0).value_or(""))].push_back(lower(r.value(i, 1).value_or("")));
  return out;
}

}  // namespace ca
