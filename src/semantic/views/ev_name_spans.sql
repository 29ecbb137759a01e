-- Where each definition-like node of ours names itself: the span another layer puts a
-- definition or a reference to it (a SCIP occurrence, a symtable symbol's binding). Names
-- of FUNCTION/CLASS/VARIABLE from ts_defs, PARAMETERs (their name, without `*`, annotation
-- or default), MODULEs at the empty span at the file's start (where scip-python defines a
-- module).
SELECT d.node_id, d.kind, d.name, d.file_id, d.name_bstart AS bstart, d.name_bend AS bend
FROM ts_defs d
WHERE d.kind <> 'LAMBDA'
UNION ALL
SELECT p.node_id, 'PARAMETER', p.name, p.file_id, p.bstart,
       p.bstart + octet_length(encode(p.name))
FROM ts_params p
UNION ALL
SELECT ca_node_id(f.path, 'MODULE', 0, f.size_bytes, ''), 'MODULE', f.module, f.file_id, 0, 0
FROM repo_files f
ORDER BY file_id, bstart, bend, node_id
