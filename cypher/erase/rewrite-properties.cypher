// Erasure: writes back properties rewritten so they no longer name the erased entity (its id replaced by
// a placeholder in strings, lists and JSON strings), one batch of nodes.
// Params: $rows ([{ref (elementId), props: [{key, value (string or list of strings)}]}]).
// Returns: written (int, nodes).
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.ref
UNWIND row.props AS p
SET n[p.key] = p.value
RETURN count(DISTINCT n) AS written
