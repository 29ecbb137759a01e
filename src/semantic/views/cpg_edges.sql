-- Every edge of the graph (DESIGN.md §3): containment, definitions and parameters from
-- the syntax; name resolution within a file (res_name_refs) and across the program
-- (res_refs); imports, inheritance, overriding and calls from the whole-program resolver;
-- decorators; diagnostics. The span of an edge is the site that justifies it; evidence
-- and confidence take in the other layers' word (ev_edge_confirmations).
WITH raw AS (
  -- FILE -> MODULE
  SELECT 'CONTAINS' AS kind, ca_node_id(f.path, 'FILE', 0, f.size_bytes, '') AS src,
         ca_node_id(f.path, 'MODULE', 0, f.size_bytes, '') AS dst, f.file_id, f.path,
         0::BIGINT AS bstart, f.size_bytes AS bend, 'syntax' AS resolution, 1.0 AS confidence,
         'scan' AS evidence
  FROM repo_files f
  UNION ALL
  -- PACKAGE -> MODULE (its __init__ and the modules beside it)
  SELECT 'CONTAINS', p.node_id, ca_node_id(f.path, 'MODULE', 0, f.size_bytes, ''), f.file_id,
         f.path, 0, 0, 'syntax', 1.0, 'scan'
  FROM repo_files f
  JOIN repo_packages p
    ON p.dir_path = CASE WHEN contains(f.path, '/') THEN regexp_replace(f.path, '/[^/]*$', '')
                         ELSE '.' END
  UNION ALL
  -- PACKAGE -> sub-PACKAGE
  SELECT 'CONTAINS', p.parent_package_id, p.node_id, p.init_file_id, p.dir_path, 0, 0,
         'syntax', 1.0, 'scan'
  FROM repo_packages p WHERE p.parent_package_id IS NOT NULL
  UNION ALL
  -- scope -> nested CLASS / FUNCTION / LAMBDA
  SELECT 'CONTAINS', s.node_id, d.node_id, d.file_id, f.path, d.bstart, d.bend, 'syntax', 1.0, 'ts'
  FROM ts_defs d JOIN sem_scope_nodes s ON s.scope_id = d.scope_id
  JOIN repo_files f ON f.file_id = d.file_id
  WHERE d.kind <> 'VARIABLE'
  UNION ALL
  -- scope -> CALL
  SELECT 'CONTAINS', s.node_id, c.node_id, c.file_id, f.path, c.bstart, c.bend, 'syntax', 1.0, 'ts'
  FROM ts_calls c JOIN sem_scope_nodes s ON s.scope_id = c.scope_id
  JOIN repo_files f ON f.file_id = c.file_id
  UNION ALL
  -- scope -> IMPORT
  SELECT 'CONTAINS', s.node_id, i.node_id, i.file_id, f.path, i.bstart, i.bend, 'syntax', 1.0, 'ts'
  FROM ts_imports i JOIN sem_scope_nodes s ON s.scope_id = i.scope_id
  JOIN repo_files f ON f.file_id = i.file_id
  UNION ALL
  -- scope -> REFERENCE
  SELECT 'CONTAINS', s.node_id, n.node_id, n.file_id, f.path, n.bstart, n.bend, 'syntax', 1.0, 'ts'
  FROM ts_names n JOIN sem_scope_nodes s ON s.scope_id = n.scope_id
  JOIN repo_files f ON f.file_id = n.file_id
  WHERE n.ctx <> 'store' OR n.is_attribute
  UNION ALL
  -- owner scope -> binding it defines; a comprehension is not a node, so the node around
  -- it contains (does not define) the comprehension's own variables
  SELECT CASE WHEN s.scope_id = s.node_id THEN 'DEFINES' ELSE 'CONTAINS' END, s.node_id,
         b.node_id, b.file_id, f.path, n.bstart, n.bend, 'scope_' || b.binding_kind, 1.0, 'ts'
  FROM res_bindings b JOIN sem_scope_nodes s ON s.scope_id = b.owner_scope_id
  JOIN repo_files f ON f.file_id = b.file_id
  JOIN (SELECT node_id, bstart, bend FROM ts_defs
        UNION ALL SELECT node_id, bstart, bend FROM ts_params
        UNION ALL SELECT node_id, bstart, bend FROM ts_imports) n ON n.node_id = b.node_id
  UNION ALL
  -- FUNCTION / LAMBDA -> PARAMETER
  SELECT 'HAS_PARAMETER', p.function_id, p.node_id, p.file_id, f.path, p.bstart, p.bend,
         'syntax', 1.0, 'ts'
  FROM ts_params p JOIN repo_files f ON f.file_id = p.file_id
  UNION ALL
  -- REFERENCE -> each same-file binding it may read
  SELECT 'REFERS_TO', r.ref_id, r.binding_id, r.file_id, f.path, n.bstart, n.bend,
         'lexical_' || r.resolution,
         1.0 / count(*) OVER (PARTITION BY r.ref_id), 'ts'
  FROM res_name_refs r
  JOIN res_bindings b ON b.node_id = r.binding_id
  JOIN ts_names n ON n.node_id = r.ref_id
  JOIN repo_files f ON f.file_id = r.file_id
  WHERE b.binding_kind <> 'import'
  UNION ALL
  -- REFERENCE -> definition reached through imports, builtins or attribute lookup
  SELECT 'REFERS_TO', r.ref_id, r.target_id, r.file_id, f.path, n.bstart, n.bend,
         r.resolution, r.confidence, 'resolve'
  FROM res_refs r
  JOIN ts_names n ON n.node_id = r.ref_id
  JOIN repo_files f ON f.file_id = r.file_id
  UNION ALL
  -- decorator's resolved FUNCTION / CLASS / EXTERNAL -> decorated definition
  SELECT 'DECORATES', t.decorator_id, t.decorated_id, t.file_id, f.path, t.bstart, t.bend,
         t.resolution, 1.0, t.evidence
  FROM sem_decorator_targets t JOIN repo_files f ON f.file_id = t.file_id
  UNION ALL
  -- MODULE -> MODULE / EXTERNAL it imports (one edge per pair, at the first import)
  SELECT 'IMPORTS', src, dst, file_id, path, bstart, bend, 'import', 1.0, 'resolve'
  FROM (SELECT i.importer_module_id AS src, i.module_target_id AS dst, i.file_id, f.path,
               m.bstart, m.bend,
               row_number() OVER (PARTITION BY i.importer_module_id, i.module_target_id
                                  ORDER BY m.bstart, m.bend) AS nth
        FROM res_imports i JOIN ts_imports m ON m.node_id = i.import_id
        JOIN repo_files f ON f.file_id = i.file_id
        WHERE i.module_target_id IS NOT NULL)
  WHERE nth = 1
  UNION ALL
  -- IMPORT -> the definition the imported name binds
  SELECT 'IMPORTS_SYMBOL', i.import_id, i.symbol_id, i.file_id, f.path, m.bstart, m.bend,
         i.resolution, 1.0, 'resolve'
  FROM res_imports i JOIN ts_imports m ON m.node_id = i.import_id
  JOIN repo_files f ON f.file_id = i.file_id
  WHERE i.symbol_id IS NOT NULL
  UNION ALL
  -- CLASS -> base CLASS / EXTERNAL
  SELECT 'INHERITS', h.class_id, h.base_id, h.file_id, f.path, h.bstart, h.bend, h.resolution,
         1.0, 'resolve'
  FROM res_inherits h JOIN repo_files f ON f.file_id = h.file_id
  UNION ALL
  -- method -> the method it overrides
  SELECT 'OVERRIDES', o.method_id, o.overridden_id, o.file_id, f.path, n.bstart, n.bend,
         'mro', 1.0, 'resolve'
  FROM res_overrides o JOIN ts_defs n ON n.node_id = o.method_id
  JOIN repo_files f ON f.file_id = o.file_id
  UNION ALL
  -- CALL -> each possible callee
  SELECT 'CALLS', c.call_id, c.callee_id, c.file_id, f.path, c.bstart, c.bend, c.resolution,
         c.confidence, 'resolve'
  FROM res_calls c JOIN repo_files f ON f.file_id = c.file_id
  WHERE c.call_id IS NOT NULL
  UNION ALL
  -- caller -> callee, one edge per pair (implicit calls included), at the first site
  SELECT 'CALLS_FUNCTION', src, dst, file_id, path, bstart, bend, resolution, confidence,
         'resolve'
  FROM (SELECT c.caller_id AS src, c.callee_id AS dst, c.file_id, f.path, c.bstart, c.bend,
               c.resolution, max(c.confidence) OVER pair AS confidence,
               row_number() OVER (pair ORDER BY c.bstart, c.bend, c.resolution) AS nth
        FROM res_calls c JOIN repo_files f ON f.file_id = c.file_id
        WINDOW pair AS (PARTITION BY c.caller_id, c.callee_id))
  WHERE nth = 1
  UNION ALL
  -- FILE -> DIAGNOSTIC
  SELECT 'HAS_DIAGNOSTIC', ca_node_id(f.path, 'FILE', 0, f.size_bytes, ''), g.node_id,
         f.file_id, f.path, g.bstart, g.bend, 'syntax', 1.0, g.layer
  FROM sem_diagnostic_nodes g JOIN repo_files f ON f.file_id = g.file_id
),
-- Paths in sorting order: files and package directories.
path_order AS (
  SELECT path, row_number() OVER (ORDER BY path) AS path_rank
  FROM (SELECT path FROM repo_files UNION SELECT dir_path FROM repo_packages)
),
-- Other layers' word on each edge (ev_edge_confirmations): confirming layers join the
-- evidence; each confirmation halves the doubt (1 - confidence), each contradiction halves
-- the confidence.
judged AS (
  SELECT kind, src, dst,
         string_agg(DISTINCT layer, ',' ORDER BY layer) FILTER (WHERE agrees) AS layers,
         count(DISTINCT layer) FILTER (WHERE agrees) AS confirmations,
         count(DISTINCT layer) FILTER (WHERE NOT agrees) AS contradictions
  FROM ev_edge_confirmations GROUP BY kind, src, dst
)
SELECT ca_edge_id(r.kind, r.src, r.dst, r.bstart) AS edge_id, r.kind, r.src, r.dst, r.file_id,
       r.path, r.bstart, r.bend, r.resolution,
       CASE WHEN j.kind IS NULL THEN r.confidence::DOUBLE
            ELSE (1 - (1 - r.confidence::DOUBLE) * pow(0.5, j.confirmations))
                 * pow(0.5, j.contradictions) END AS confidence,
       CASE WHEN j.layers IS NULL THEN r.evidence ELSE r.evidence || ',' || j.layers END
         AS evidence
FROM raw r
LEFT JOIN judged j ON j.kind = r.kind AND j.src = r.src AND j.dst = r.dst
LEFT JOIN path_order o ON o.path = r.path
-- A total order, so the table is the same at any -j: edge_id hashes (kind, src, dst,
-- bstart) and is unique (graph checks: unique_edge_ids), so no two rows tie on these keys.
-- Sorting by the path's rank rather than the path itself compares integers, and 32-bit ones
-- sort faster (byte offsets are 32-bit in the parser).
ORDER BY o.path_rank::UINTEGER, r.bstart::UINTEGER, r.kind, r.src, r.dst
