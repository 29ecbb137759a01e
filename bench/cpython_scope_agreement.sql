-- Agreement of our per-scope bindings (res_bindings, ts_scope_decls) with CPython's symtable
-- (a graph built with --layers ts,cpython --keep-evidence): codeanatomy query DIR "$(cat bench/cpython_scope_agreement.sql)".
-- Known difference: symtable stores class-private names mangled (_C__x), res_bindings as written.
WITH RECURSIVE
ours_scope AS (
  SELECT file_id, scope_id, kind, start_line,
         CASE kind WHEN 'module' THEN 'top' WHEN 'lambda' THEN 'lambda'
                   WHEN 'comprehension' THEN NULL ELSE name END AS st_name
  FROM ts_scopes),
py_scope AS (SELECT * FROM py_symtable_scopes),
-- scopes matched by name and line (module = top); comprehensions left out (3.11 names them
-- listcomp/setcomp/genexpr/dictcomp by kind, which ts_scopes does not say)
scope_map AS (
  SELECT o.file_id, o.scope_id, p.scope_index
  FROM ours_scope o JOIN py_scope p
    ON p.file_id = o.file_id AND p.name = o.st_name
   AND (o.kind = 'module' AND p.scope_type = 'module'
        OR o.kind <> 'module' AND p.line = o.start_line)),
ours AS (
  SELECT DISTINCT m.file_id, m.scope_index, b.name
  FROM res_bindings b JOIN scope_map m ON m.file_id = b.file_id AND m.scope_id = b.owner_scope_id
  UNION
  SELECT DISTINCT m.file_id, m.scope_index, d.name || ' ' || d.kind
  FROM ts_scope_decls d JOIN scope_map m ON m.file_id = d.file_id AND m.scope_id = d.scope_id),
theirs AS (
  SELECT s.file_id, s.scope_index, s.name FROM py_symtable_symbols s
  WHERE (s.scope_index, s.file_id) IN (SELECT scope_index, file_id FROM scope_map)
    AND s.is_local AND (s.is_assigned OR s.is_parameter OR s.is_imported OR s.is_namespace)
  UNION
  SELECT s.file_id, s.scope_index, s.name || CASE WHEN s.is_declared_global AND sc.scope_type <> 'module' THEN ' global' ELSE ' nonlocal' END
  FROM py_symtable_symbols s JOIN py_symtable_scopes sc USING (file_id, scope_index)
  WHERE (s.scope_index, s.file_id) IN (SELECT scope_index, file_id FROM scope_map)
    AND ((s.is_declared_global AND sc.scope_type <> 'module') OR s.is_nonlocal))
SELECT *, round(100.0 * n_both / (n_ours + n_theirs - n_both), 2) AS jaccard_pct FROM (
SELECT (SELECT count(*) FROM scope_map) AS scopes_matched,
       (SELECT count(*) FROM ts_scopes WHERE kind <> 'comprehension') AS our_scopes,
       (SELECT count(*) FROM ours) AS n_ours, (SELECT count(*) FROM theirs) AS n_theirs,
       (SELECT count(*) FROM (SELECT * FROM ours INTERSECT SELECT * FROM theirs)) AS n_both)
