-- Properties of nodes and edges as key/value text (node_id holds an edge_id for edge
-- properties): FUNCTION is_method/is_async/decorators, PARAMETER param_kind/position,
-- FILE status/encoding, HAS_PARAMETER, INHERITS and DECORATES position.
WITH files AS (
  SELECT ca_node_id(f.path, 'FILE', 0, f.size_bytes, '') AS node_id, f.status, f.encoding
  FROM repo_files f
)
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
SELECT f.node_id, 'status', f.status FROM files f
UNION ALL
SELECT f.node_id, 'encoding', f.encoding FROM files f WHERE f.encoding <> ''
UNION ALL
-- edges by their id (ca_edge_id of kind, src, dst and bstart, as cpg_edges makes it)
SELECT ca_edge_id('HAS_PARAMETER', p.function_id, p.node_id, p.bstart), 'position',
       p.position::VARCHAR
FROM ts_params p
UNION ALL
SELECT ca_edge_id('INHERITS', h.class_id, h.base_id, h.bstart), 'position', h.position::VARCHAR
FROM res_inherits h
UNION ALL
SELECT ca_edge_id('DECORATES', t.decorator_id, t.decorated_id, t.bstart), 'position',
       t.position::VARCHAR
FROM sem_decorator_targets t
ORDER BY node_id, key, value
