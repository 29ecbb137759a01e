-- What each decorator resolves to, with the definition it decorates (one row per pair):
-- a FUNCTION or CLASS bound in the same file (res_name_refs), or a FUNCTION, CLASS or
-- EXTERNAL reached through imports or attributes (res_refs). The DECORATES edges of
-- cpg_edges and their position property in cpg_props.
WITH targets AS (
  SELECT r.ref_id, b.node_id AS target_id, 'lexical_' || r.resolution AS resolution,
         'ts' AS evidence
  FROM res_name_refs r
  JOIN res_bindings b ON b.node_id = r.binding_id AND b.binding_kind IN ('function', 'class')
  UNION ALL
  SELECT x.ref_id, x.target_id, x.resolution, 'resolve'
  FROM res_refs x
  WHERE x.target_id IN (SELECT node_id FROM ts_defs WHERE kind IN ('FUNCTION', 'CLASS')
                        UNION ALL SELECT node_id FROM res_externals)
)
SELECT DISTINCT d.file_id, t.target_id AS decorator_id, d.target_id AS decorated_id,
       d.position, d.bstart, d.bend, t.resolution, t.evidence
FROM ts_decorators d JOIN targets t ON t.ref_id = d.ref_id
ORDER BY file_id, bstart, decorator_id, resolution, evidence
