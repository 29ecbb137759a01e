-- Every disagreement between our analysis and another evidence layer, one row each:
--   scope_classification (cpython): our binder and the symtable classify a name of a scope
--     differently (local / global / nonlocal, or unbound on one side); node = the scope.
--   definition_unconfirmed (cpython): a FUNCTION/CLASS/LAMBDA of ours where CPython, which
--     compiled the file, has no definition starting.
--   ast_definition_unmatched (cpython): a FunctionDef/ClassDef/Lambda of CPython's with no
--     node of ours starting there.
--   refers_to_target (scip, cpython): a REFERS_TO edge the layer contradicts
--     (ev_edge_confirmations); node = the reference, ours = our target.
--   refers_to_missing (scip): SCIP resolves a reference of ours to a definition of ours and
--     we have no REFERS_TO from it.
--   scip_definition_unmatched (scip): a SCIP definition occurrence at no name of ours
--     (attribute assignments aside: SCIP defines a field where we have a REFERENCE).
WITH files AS (SELECT file_id, path FROM repo_files),
compiled AS (SELECT DISTINCT file_id FROM py_ast_nodes WHERE ast_id = 0),
refers_to AS (
  SELECT ref_id, target_id FROM res_refs
  UNION
  SELECT r.ref_id, r.binding_id FROM res_name_refs r
  JOIN res_bindings b ON b.node_id = r.binding_id AND b.binding_kind <> 'import'
)
SELECT 'scope_classification' AS conflict, 'cpython' AS layer, v.file_id, f.path,
       s.bstart, s.bend, s.start_line, s.scope_id AS node_id, coalesce(v.ours, 'unbound') AS ours,
       coalesce(v.theirs, 'unbound') AS theirs, v.name AS detail
FROM ev_scope_symbols v
JOIN ts_scopes s ON s.scope_id = v.scope_id
JOIN files f ON f.file_id = v.file_id
WHERE v.ours IS DISTINCT FROM v.theirs
UNION ALL
SELECT 'definition_unconfirmed', 'cpython', d.file_id, f.path, d.bstart, d.bend, d.start_line,
       d.node_id,
       d.kind || ' ' || d.name, 'no definition starts here', d.qualname
FROM ts_defs d
JOIN compiled USING (file_id)
JOIN files f ON f.file_id = d.file_id
WHERE d.kind IN ('FUNCTION', 'CLASS', 'LAMBDA')
  AND d.node_id NOT IN (SELECT node_id FROM ev_node_confirmations WHERE layer = 'cpython')
UNION ALL
SELECT 'ast_definition_unmatched', 'cpython', a.file_id, f.path, a.bstart, a.bend, a.start_line,
       NULL,
       'no definition starts here', a.kind || coalesce(' ' || a.name, ''), NULL
FROM py_ast_nodes a
JOIN files f ON f.file_id = a.file_id
WHERE a.kind IN ('FunctionDef', 'AsyncFunctionDef', 'ClassDef', 'Lambda')
  AND (a.file_id, a.bstart) NOT IN (SELECT file_id, bstart FROM ts_defs
                                    WHERE kind IN ('FUNCTION', 'CLASS', 'LAMBDA'))
UNION ALL
SELECT 'refers_to_target', c.layer, n.file_id, f.path, n.bstart, n.bend, n.start_line, c.src,
       coalesce(t.qualname, t.name, '?') || ' (' || t.kind ||
         coalesce(' ' || t.path || ':' || t.start_line, '') || ')',
       CASE c.layer
         WHEN 'scip' THEN (SELECT string_agg(DISTINCT s.symbol, ' | ') FROM ev_scip_refs s
                           WHERE s.ref_id = c.src)
         ELSE 'the symtable classifies ' || n.name || ' otherwise' END,
       n.name
FROM ev_edge_confirmations c
JOIN ts_names n ON n.node_id = c.src
JOIN files f ON f.file_id = n.file_id
JOIN cpg_nodes t ON t.node_id = c.dst
WHERE c.kind = 'REFERS_TO' AND NOT c.agrees
UNION ALL
SELECT 'refers_to_missing', 'scip', n.file_id, f.path, n.bstart, n.bend, n.start_line,
       n.node_id,
       'no REFERS_TO', string_agg(DISTINCT s.symbol, ' | '), n.name
FROM ev_scip_refs s
JOIN ts_names n ON n.node_id = s.ref_id
JOIN files f ON f.file_id = n.file_id
WHERE s.target_id IS NOT NULL AND s.ref_id NOT IN (SELECT ref_id FROM refers_to)
GROUP BY ALL
UNION ALL
SELECT 'scip_definition_unmatched', 'scip', o.file_id, f.path, o.bstart, o.bend, o.start_line,
       NULL,
       'no definition named here', o.symbol, NULL
FROM scip_occurrences o
JOIN files f ON f.file_id = o.file_id
WHERE o.is_definition
  AND (o.file_id, o.bstart, o.bend) NOT IN (SELECT file_id, bstart, bend FROM ev_name_spans)
  -- an attribute assignment (`self.x = ...`) is a REFERENCE of ours, a field to SCIP
  AND (o.file_id, o.bstart, o.bend) NOT IN (SELECT file_id, bstart, bend FROM ts_names
                                            WHERE is_attribute AND ctx = 'store')
ORDER BY path, bstart, conflict, layer, node_id, ours, theirs
