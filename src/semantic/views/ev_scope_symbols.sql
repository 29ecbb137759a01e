-- How our binder and CPython's symtable classify each name bound or declared in a scope
-- both know (ev_scope_map): `local` (bound or deleted in the scope), `global` (declared
-- global in a function or class), `nonlocal`; NULL on a side that has no such name. Our
-- names are mangled as Python mangles them (`__x` in class C is `_C__x`) to compare them.
WITH ours AS (
  SELECT DISTINCT m.file_id, m.scope_id, b.name AS name, 'local' AS how
  FROM res_bindings b JOIN ev_scope_map m ON m.scope_id = b.owner_scope_id
  UNION
  SELECT DISTINCT m.file_id, m.scope_id, d.name,
         CASE WHEN d.kind = 'global' AND m.kind = 'module' THEN 'local' ELSE d.kind END
  FROM ts_scope_decls d JOIN ev_scope_map m ON m.scope_id = d.scope_id
  UNION
  -- `del x` makes x local to a scope that does not declare it (the binder's rule too)
  SELECT DISTINCT m.file_id, m.scope_id, n.name, 'local'
  FROM ts_names n JOIN ev_scope_map m ON m.scope_id = n.scope_id
  WHERE n.ctx = 'del' AND NOT n.is_attribute
    AND NOT EXISTS (SELECT 1 FROM ts_scope_decls d
                    WHERE d.scope_id = n.scope_id AND d.name = n.name)
),
ours_mangled AS (
  SELECT o.file_id, o.scope_id,
         CASE WHEN m.mangle_class IS NOT NULL AND starts_with(o.name, '__')
                   AND NOT ends_with(o.name, '__') AND NOT contains(o.name, '.')
              THEN '_' || m.mangle_class || o.name ELSE o.name END AS name,
         max(o.how) AS how  -- 'nonlocal' > 'local' > 'global': a declaration wins
  FROM ours o JOIN ev_scope_map m ON m.scope_id = o.scope_id
  GROUP BY ALL
),
theirs AS (
  SELECT m.file_id, m.scope_id, s.name,
         CASE WHEN s.is_nonlocal THEN 'nonlocal'
              WHEN s.is_declared_global AND m.kind <> 'module' THEN 'global'
              ELSE 'local' END AS how
  FROM py_symtable_symbols s
  JOIN ev_scope_map m ON m.file_id = s.file_id AND m.scope_index = s.scope_index
  WHERE s.is_nonlocal OR (s.is_declared_global AND m.kind <> 'module')
     OR (s.is_local AND (s.is_assigned OR s.is_parameter OR s.is_imported OR s.is_namespace))
  UNION
  -- a name a function declares global and assigns is bound in the module (the symtable
  -- records the assignment in the function)
  SELECT m.file_id, m.scope_id, s.name, 'local'
  FROM py_symtable_symbols s
  JOIN ev_scope_map m ON m.file_id = s.file_id AND m.kind = 'module'
  WHERE s.is_declared_global AND s.is_assigned AND s.scope_index <> m.scope_index
)
SELECT coalesce(o.file_id, t.file_id) AS file_id, coalesce(o.scope_id, t.scope_id) AS scope_id,
       coalesce(o.name, t.name) AS name, o.how AS ours, t.how AS theirs
FROM ours_mangled o
FULL JOIN theirs t ON t.scope_id = o.scope_id AND t.name = o.name
ORDER BY 1, 2, 3  -- file_id, scope_id, name
