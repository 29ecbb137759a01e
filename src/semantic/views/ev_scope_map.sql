-- Our scopes matched to CPython's symbol tables (layer cpython): by name and line, the
-- module to `top`. Comprehensions are left out (3.11 names their tables by kind, listcomp
-- or genexpr, which ts_scopes does not record). mangle_class is the class whose name
-- Python mangles private names with inside the scope (the innermost enclosing class,
-- leading underscores stripped), NULL outside classes.
WITH RECURSIVE
classes AS (
  SELECT s.scope_id, CASE WHEN s.kind = 'class' THEN ltrim(s.name, '_') END AS mangle_class
  FROM ts_scopes s WHERE s.parent_scope_id IS NULL
  UNION ALL
  SELECT s.scope_id, CASE WHEN s.kind = 'class' THEN ltrim(s.name, '_') ELSE c.mangle_class END
  FROM ts_scopes s JOIN classes c ON s.parent_scope_id = c.scope_id
)
SELECT o.file_id, o.scope_id, o.kind, p.scope_index, nullif(c.mangle_class, '') AS mangle_class
FROM ts_scopes o
JOIN classes c ON c.scope_id = o.scope_id
JOIN py_symtable_scopes p
  ON p.file_id = o.file_id
 AND p.name = CASE o.kind WHEN 'module' THEN 'top' WHEN 'lambda' THEN 'lambda' ELSE o.name END
 AND ((o.kind = 'module' AND p.scope_type = 'module')
      OR (o.kind NOT IN ('module', 'comprehension') AND p.line = o.start_line))
ORDER BY o.file_id, p.scope_index, o.scope_id
