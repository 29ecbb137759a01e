-- Edges of ours that another evidence layer confirms (agrees) or contradicts (NOT agrees),
-- one row per edge (kind, src, dst) and layer. cpg_edges folds them into its evidence and
-- confidence columns; evidence_conflicts lists the contradictions.
--   REFERS_TO / scip: SCIP's symbol at the reference occurs at the target's name (agrees);
--     SCIP's symbol occurs at definitions of ours and the target is none of them (not).
--   REFERS_TO / cpython (same-file bindings): the symtable of the reference's scope
--     classifies the name as the binding's scope implies (local when both are the same
--     scope, global when the binding is at module level, free otherwise).
--   DEFINES / cpython: the symtable of the scope binds the name (ev_scope_symbols).
--   HAS_PARAMETER / cpython: the parameter is an `arg` of the function's ast node.
--   INHERITS, OVERRIDES / scip: an is_implementation relationship between the symbols at
--     the two definitions' names.
WITH refers_to AS (  -- the REFERS_TO edges of cpg_edges (a read of an import binding is not)
  SELECT ref_id, target_id FROM res_refs
  UNION
  SELECT r.ref_id, r.binding_id FROM res_name_refs r
  JOIN res_bindings b ON b.node_id = r.binding_id AND b.binding_kind <> 'import'
),
scip_known AS (
  SELECT ref_id, list(target_id) FILTER (WHERE target_id IS NOT NULL) AS targets
  FROM ev_scip_refs GROUP BY ref_id
),
mangled_refs AS (
  SELECT r.ref_id, r.binding_id, r.owner_scope_id AS binding_scope, n.scope_id AS ref_scope,
         m.file_id, m.scope_index,
         CASE WHEN m.mangle_class IS NOT NULL AND starts_with(r.name, '__')
                   AND NOT ends_with(r.name, '__') AND NOT contains(r.name, '.')
              THEN '_' || m.mangle_class || r.name ELSE r.name END AS name
  FROM res_name_refs r
  JOIN res_bindings rb ON rb.node_id = r.binding_id AND rb.binding_kind <> 'import'
  JOIN ts_names n ON n.node_id = r.ref_id
  JOIN ev_scope_map m ON m.scope_id = n.scope_id
),
symbol_table_names AS (
  SELECT m.file_id, m.scope_id, m.kind, s.name, s.is_local, s.is_global, s.is_free
  FROM py_symtable_symbols s
  JOIN ev_scope_map m ON m.file_id = s.file_id AND m.scope_index = s.scope_index
)
SELECT 'REFERS_TO' AS kind, r.ref_id AS src, r.target_id AS dst, 'scip' AS layer,
       list_contains(k.targets, r.target_id) AS agrees
FROM refers_to r JOIN scip_known k ON k.ref_id = r.ref_id
WHERE len(k.targets) > 0
UNION ALL
SELECT 'REFERS_TO', r.ref_id, r.binding_id, 'cpython',
       CASE WHEN r.ref_scope = r.binding_scope THEN s.is_local OR s.kind = 'module'
            WHEN b.kind = 'module' THEN s.is_global
            ELSE s.is_free END
FROM mangled_refs r
JOIN symbol_table_names s ON s.scope_id = r.ref_scope AND s.name = r.name
JOIN ts_scopes b ON b.scope_id = r.binding_scope
UNION ALL
SELECT 'DEFINES', sn.node_id, b.node_id, 'cpython', v.theirs = 'local'
FROM res_bindings b
JOIN sem_scope_nodes sn ON sn.scope_id = b.owner_scope_id AND sn.scope_id = sn.node_id
JOIN ev_scope_map m ON m.scope_id = b.owner_scope_id
JOIN ev_scope_symbols v
  ON v.scope_id = b.owner_scope_id
 AND v.name = CASE WHEN m.mangle_class IS NOT NULL AND starts_with(b.name, '__')
                        AND NOT ends_with(b.name, '__') AND NOT contains(b.name, '.')
                   THEN '_' || m.mangle_class || b.name ELSE b.name END
UNION ALL
SELECT 'HAS_PARAMETER', p.function_id, p.node_id, 'cpython', true
FROM ts_params p
JOIN ev_node_confirmations c ON c.node_id = p.node_id AND c.layer = 'cpython'
JOIN ev_node_confirmations f ON f.node_id = p.function_id AND f.layer = 'cpython'
UNION ALL
SELECT CASE WHEN a.kind = 'CLASS' THEN 'INHERITS' ELSE 'OVERRIDES' END, a.node_id, b.node_id,
       'scip', true
FROM scip_relationships r
JOIN scip_occurrences oa ON oa.symbol = r.symbol AND oa.is_definition
JOIN ev_name_spans a ON a.file_id = oa.file_id AND a.bstart = oa.bstart AND a.bend = oa.bend
JOIN scip_occurrences ob ON ob.symbol = r.target_symbol AND ob.is_definition
JOIN ev_name_spans b ON b.file_id = ob.file_id AND b.bstart = ob.bstart AND b.bend = ob.bend
WHERE r.is_implementation AND a.kind IN ('CLASS', 'FUNCTION') AND a.kind = b.kind
ORDER BY layer, kind, src, dst, agrees
