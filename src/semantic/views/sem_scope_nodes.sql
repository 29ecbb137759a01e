-- Maps every scope to the graph node that stands for it: classes, functions, lambdas and
-- modules are their own nodes; a comprehension (not a node) maps to the nearest enclosing
-- scope that is one.
WITH RECURSIVE up(scope_id, cur_id, cur_kind, cur_parent) AS (
  SELECT s.scope_id, s.scope_id, s.kind, s.parent_scope_id FROM ts_scopes s
  UNION ALL
  SELECT up.scope_id, p.scope_id, p.kind, p.parent_scope_id
  FROM up JOIN ts_scopes p ON p.scope_id = up.cur_parent
  WHERE up.cur_kind = 'comprehension'
)
SELECT scope_id, cur_id AS node_id, cur_kind AS node_scope_kind
FROM up
WHERE cur_kind <> 'comprehension'
ORDER BY scope_id
