-- Which evidence layers besides tree-sitter saw each node at the same place (one row per
-- node and confirming layer). cpython: the node of CPython's ast of the same kind at the
-- same start (calls and references at the same span; an `except ... as e` name inside its
-- handler; a module whose file CPython compiled). scip: a SCIP occurrence at the node's
-- name (definitions) or at the reference; a module with a SCIP document.
WITH ast AS (
  SELECT file_id, kind, name, ctx, bstart, bend FROM py_ast_nodes WHERE bstart IS NOT NULL
),
cpython AS (
  SELECT d.node_id, d.file_id
  FROM ts_defs d JOIN ast a ON a.file_id = d.file_id AND a.bstart = d.bstart
  WHERE (d.kind = 'FUNCTION' AND a.kind IN ('FunctionDef', 'AsyncFunctionDef'))
     OR (d.kind = 'CLASS' AND a.kind = 'ClassDef')
     OR (d.kind = 'LAMBDA' AND a.kind = 'Lambda')
     OR (d.kind = 'VARIABLE' AND a.name = d.name AND a.bend = d.bend AND a.kind = 'Name')
  UNION
  -- a capture pattern's node spans its `*` or its `pattern as`; a mapping pattern's
  -- `**rest` has no node of its own (the MatchMapping around it)
  SELECT d.node_id, d.file_id
  FROM ts_defs d JOIN ast a ON a.file_id = d.file_id AND a.bend = d.bend AND a.name = d.name
  WHERE d.def_kind = 'match' AND a.kind IN ('MatchAs', 'MatchStar')
  UNION
  SELECT d.node_id, d.file_id
  FROM ts_defs d JOIN ast a ON a.file_id = d.file_id AND a.kind = 'MatchMapping'
   AND d.bstart > a.bstart AND d.bend < a.bend
  WHERE d.def_kind = 'match'
    AND NOT EXISTS (SELECT 1 FROM ast c WHERE c.file_id = d.file_id AND c.bend = d.bend
                    AND c.name = d.name AND c.kind IN ('MatchAs', 'MatchStar'))
  UNION
  SELECT d.node_id, d.file_id
  FROM ts_defs d JOIN ast a ON a.file_id = d.file_id AND a.kind = 'ExceptHandler'
   AND a.name = d.name AND d.bstart > a.bstart AND d.bend <= a.bend
  WHERE d.def_kind = 'except'
  UNION ALL
  SELECT p.node_id, p.file_id
  FROM ts_params p JOIN ast a ON a.file_id = p.file_id AND a.bstart = p.bstart AND a.kind = 'arg'
  UNION ALL
  SELECT i.node_id, i.file_id
  FROM ts_imports i JOIN ast a ON a.file_id = i.file_id AND a.bstart = i.bstart
   AND a.kind = 'alias'
  UNION ALL
  SELECT c.node_id, c.file_id
  FROM ts_calls c JOIN ast a ON a.file_id = c.file_id AND a.bstart = c.bstart
   AND a.bend = c.bend AND a.kind = 'Call'
  UNION ALL
  -- a name's node spans the name; an attribute's ends where the attribute's name does
  SELECT n.node_id, n.file_id
  FROM ts_names n JOIN ast a ON a.file_id = n.file_id AND a.bend = n.bend AND a.name = n.name
  WHERE (n.ctx <> 'store' OR n.is_attribute)
    AND ((NOT n.is_attribute AND a.kind = 'Name' AND a.bstart = n.bstart)
         OR (n.is_attribute AND a.kind = 'Attribute'))
  UNION ALL
  SELECT ca_node_id(f.path, 'MODULE', 0, f.size_bytes, ''), f.file_id
  FROM repo_files f JOIN py_ast_nodes a ON a.file_id = f.file_id AND a.ast_id = 0
),
scip AS (
  SELECT DISTINCT s.node_id, s.file_id
  FROM ev_name_spans s JOIN scip_occurrences o
    ON o.file_id = s.file_id AND o.bstart = s.bstart AND o.bend = s.bend
  WHERE s.kind <> 'MODULE'
  UNION
  SELECT n.node_id, n.file_id
  FROM ts_names n JOIN scip_occurrences o
    ON o.file_id = n.file_id AND o.bstart = n.bstart AND o.bend = n.bend
  WHERE n.ctx <> 'store' OR n.is_attribute
  UNION
  SELECT i.node_id, i.file_id
  FROM ts_imports i JOIN scip_occurrences o
    ON o.file_id = i.file_id AND o.bstart = i.bstart  -- scip-python sets no Import role
  UNION
  SELECT ca_node_id(f.path, 'MODULE', 0, f.size_bytes, ''), f.file_id
  FROM repo_files f JOIN scip_documents d ON d.file_id = f.file_id
)
SELECT node_id, file_id, 'cpython' AS layer FROM cpython
UNION ALL
SELECT node_id, file_id, 'scip' FROM scip
ORDER BY layer, file_id, node_id
