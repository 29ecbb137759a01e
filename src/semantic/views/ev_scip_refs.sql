-- What a SCIP index says each of our REFERENCE nodes reads: the symbol of the reference
-- occurrence at the node's span, and each of our definition-like nodes (ev_name_spans) at
-- whose name the same symbol occurs — its definition or a later binding of the same name,
-- since SCIP names a variable once for all its assignments; an attribute assignment of
-- ours where a field's symbol occurs; where the symbol occurs at an import of ours, what
-- the import binds. Only symbols the index defines count at binding sites (scip-python
-- gives a class-body annotation `type: T` the symbol of builtins.type). target_id is NULL
-- when the
-- symbol occurs at no definition of ours (outside the repository, or a site we do not
-- model). Local symbols (`local N`) are compared within their document only.
WITH defined AS (  -- symbols the index defines (not those of other packages)
  SELECT DISTINCT symbol FROM scip_occurrences WHERE is_definition
),
sites AS (
  SELECT DISTINCT o.symbol, o.is_local, o.file_id, s.node_id AS target_id
  FROM scip_occurrences o
  JOIN ev_name_spans s ON s.file_id = o.file_id AND s.bstart = o.bstart AND s.bend = o.bend
  WHERE o.symbol IN (SELECT symbol FROM defined)
  UNION
  -- an attribute assignment (`self.x = ...`): our REFERENCE there stands for the field
  SELECT DISTINCT o.symbol, o.is_local, o.file_id, n.node_id
  FROM scip_occurrences o
  JOIN ts_names n ON n.file_id = o.file_id AND n.bstart = o.bstart AND n.bend = o.bend
  WHERE n.is_attribute AND n.ctx = 'store' AND o.symbol IN (SELECT symbol FROM defined)
  UNION
  -- at an import of ours: what the import binds (our REFERS_TO follows imports through)
  SELECT DISTINCT o.symbol, o.is_local, o.file_id, r.symbol_id
  FROM scip_occurrences o
  JOIN ts_imports i ON i.file_id = o.file_id AND i.bstart = o.bstart
  JOIN res_imports r ON r.import_id = i.node_id
  WHERE r.symbol_id IS NOT NULL
),
refs AS (
  SELECT n.node_id AS ref_id, n.file_id, o.symbol, o.is_local
  FROM scip_occurrences o
  JOIN ts_names n ON n.file_id = o.file_id AND n.bstart = o.bstart AND n.bend = o.bend
  WHERE NOT o.is_definition AND n.ctx <> 'store'  -- a later `self.x = ...` is no read
)
-- (two equality joins, local and global, rather than one join with an OR: the OR would
-- compare every pair)
SELECT DISTINCT r.ref_id, r.file_id, r.symbol, t.target_id
FROM refs r
LEFT JOIN sites t ON t.symbol = r.symbol AND t.file_id = r.file_id
WHERE r.is_local
UNION ALL
SELECT DISTINCT r.ref_id, r.file_id, r.symbol, t.target_id
FROM refs r
LEFT JOIN sites t ON t.symbol = r.symbol
WHERE NOT r.is_local
ORDER BY file_id, ref_id, symbol, target_id NULLS FIRST
