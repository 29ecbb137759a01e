-- Every diagnostic as the graph node that stands for it: its id (from the file, span,
-- layer, code and message) and span. The DIAGNOSTIC nodes of cpg_nodes and the targets of
-- the HAS_DIAGNOSTIC edges of cpg_edges.
SELECT ca_node_id(d.path, 'DIAGNOSTIC', coalesce(d.bstart, 0), coalesce(d.bend, 0),
                  d.layer || ':' || d.code || ':' || d.message) AS node_id,
       d.code, d.layer, d.file_id, d.path, coalesce(d.bstart, 0) AS bstart,
       coalesce(d.bend, 0) AS bend, coalesce(d.start_line, 1) AS start_line,
       coalesce(d.start_col, 0) AS start_col, coalesce(d.end_line, 1) AS end_line,
       coalesce(d.end_col, 0) AS end_col
FROM diagnostics d
ORDER BY path, bstart, node_id
