-- Properties of nodes and edges as key/value text (node_id holds an edge_id for edge
-- properties): FUNCTION is_method/is_async/decorators, PARAMETER param_kind/position,
-- FILE status/encoding, HAS_PARAMETER and DECORATES position.
SELECT d.node_id, 'is_method' AS key, d.is_method::VARCHAR AS value
FROM ts_defs d WHERE d.kind = 'FUNCTION'
UNION ALL
SELECT d.node_id, 'is_async', d.is_async::VARCHAR FROM ts_defs d WHERE d.kind = 'FUNCTION'
UNION ALL
SELECT dec.target_id, 'decorators', string_agg(dec.text, ', ' ORDER BY dec.position)
FROM ts_decorators dec GROUP BY dec.target_id
UNION ALL
SELECT p.node_id, 'param_kind', p.param_kind FROM ts_params p
UNION ALL
SELECT p.node_id, 'position', p.position::VARCHAR FROM ts_params p
UNION ALL
SELECT n.node_id, 'status', f.status
FROM cpg_nodes n JOIN repo_files f ON f.file_id = n.file_id WHERE n.kind = 'FILE'
UNION ALL
SELECT n.node_id, 'encoding', f.encoding
FROM cpg_nodes n JOIN repo_files f ON f.file_id = n.file_id WHERE n.kind = 'FILE' AND f.encoding <> ''
UNION ALL
SELECT e.edge_id, 'position', p.position::VARCHAR
FROM cpg_edges e JOIN ts_params p ON p.node_id = e.dst WHERE e.kind = 'HAS_PARAMETER'
UNION ALL
SELECT e.edge_id, 'position', h.position::VARCHAR
FROM cpg_edges e JOIN res_inherits h
  ON h.class_id = e.src AND h.base_id = e.dst AND h.bstart = e.bstart
WHERE e.kind = 'INHERITS'
UNION ALL
SELECT e.edge_id, 'position', d.position::VARCHAR
FROM cpg_edges e JOIN ts_decorators d ON d.target_id = e.dst AND d.bstart = e.bstart
WHERE e.kind = 'DECORATES'
ORDER BY node_id, key, value
