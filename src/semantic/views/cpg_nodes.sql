-- Every node of the graph (DESIGN.md §3): files, modules and packages from the scan;
-- definitions, parameters, imports, calls and references from the tree-sitter layer;
-- externals (modules and symbols outside the repository, builtins included) from the
-- whole-program resolver; diagnostics from every layer (sem_diagnostic_nodes).
-- evidence: the layer the node comes from, then the other layers that saw it at the same
-- place (ev_node_confirmations), e.g. `ts,cpython,scip`.
WITH nodes AS (
  SELECT ca_node_id(f.path, 'FILE', 0, f.size_bytes, '') AS node_id, 'FILE' AS kind,
         f.path AS name, f.path AS qualname, f.file_id, f.path,
         0::BIGINT AS bstart, f.size_bytes AS bend, 1 AS start_line, 0 AS start_col,
         f.end_line, f.end_col, 'scan' AS evidence
  FROM repo_files f
  UNION ALL
  SELECT ca_node_id(f.path, 'MODULE', 0, f.size_bytes, ''), 'MODULE',
         regexp_extract(f.module, '[^.]*$'), f.module, f.file_id, f.path,
         0, f.size_bytes, 1, 0, f.end_line, f.end_col, 'scan'
  FROM repo_files f
  UNION ALL
  SELECT p.node_id, 'PACKAGE', p.name, p.qualname, p.init_file_id, p.dir_path,
         0, 0, 1, 0, 1, 0, 'scan'
  FROM repo_packages p
  UNION ALL
  SELECT d.node_id, d.kind, d.name, d.qualname, d.file_id, f.path,
         d.bstart, d.bend, d.start_line, d.start_col, d.end_line, d.end_col, 'ts'
  FROM ts_defs d JOIN repo_files f ON f.file_id = d.file_id
  UNION ALL
  SELECT p.node_id, 'PARAMETER', p.name, p.qualname, p.file_id, f.path,
         p.bstart, p.bend, p.start_line, p.start_col, p.end_line, p.end_col, 'ts'
  FROM ts_params p JOIN repo_files f ON f.file_id = p.file_id
  UNION ALL
  SELECT i.node_id, 'IMPORT', coalesce(i.bound_name, i.name, i.module),
         CASE WHEN i.is_from THEN repeat('.', i.level) || i.module || ':' || i.name
              ELSE i.module END,
         i.file_id, f.path, i.bstart, i.bend, i.start_line, i.start_col, i.end_line, i.end_col, 'ts'
  FROM ts_imports i JOIN repo_files f ON f.file_id = i.file_id
  UNION ALL
  SELECT c.node_id, 'CALL', c.callee_text, NULL, c.file_id, f.path,
         c.bstart, c.bend, c.start_line, c.start_col, c.end_line, c.end_col, 'ts'
  FROM ts_calls c JOIN repo_files f ON f.file_id = c.file_id
  UNION ALL
  SELECT n.node_id, 'REFERENCE', n.name, NULL, n.file_id, f.path,
         n.bstart, n.bend, n.start_line, n.start_col, n.end_line, n.end_col, 'ts'
  FROM ts_names n JOIN repo_files f ON f.file_id = n.file_id
  WHERE n.ctx <> 'store' OR n.is_attribute
  UNION ALL
  SELECT x.node_id, 'EXTERNAL', x.name, x.qualname, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL,
         'resolve'
  FROM res_externals x
  UNION ALL
  SELECT g.node_id, 'DIAGNOSTIC', g.code, NULL, g.file_id, g.path, g.bstart, g.bend,
         g.start_line, g.start_col, g.end_line, g.end_col, g.layer
  FROM sem_diagnostic_nodes g
),
-- Paths in sorting order: files and package directories.
path_order AS (
  SELECT path, row_number() OVER (ORDER BY path) AS path_rank
  FROM (SELECT path FROM repo_files UNION SELECT dir_path FROM repo_packages)
),
confirmed AS (
  SELECT node_id, string_agg(DISTINCT layer, ',' ORDER BY layer) AS layers
  FROM ev_node_confirmations GROUP BY node_id
)
SELECT n.* REPLACE (CASE WHEN c.layers IS NULL THEN n.evidence
                         ELSE n.evidence || ',' || c.layers END AS evidence)
FROM nodes n LEFT JOIN confirmed c ON c.node_id = n.node_id
LEFT JOIN path_order o ON o.path = n.path
-- A total order, so the table is the same at any -j: node ids are unique (graph checks:
-- unique_node_ids). Sorting by the path's rank rather than the path itself compares
-- integers, and 32-bit ones sort faster (byte offsets are 32-bit in the parser).
ORDER BY o.path_rank::UINTEGER, n.bstart::UINTEGER, n.kind, n.node_id
