// Explore: entities whose id starts with a prefix (served by the entity_id constraint's index).
// Params: $prefix (string), $limit (int).
// Returns: id, kind, bad (flagged or a defaulted loan), in ascending id order.
MATCH (e:Entity)
WHERE e.id STARTS WITH $prefix
WITH e ORDER BY e.id LIMIT $limit
RETURN e.id AS id, e.kind AS kind,
       EXISTS { (e)-[:FLAGGED]->(:Flag) } OR EXISTS { (e)-[:BORROWED]->(:Loan {status: 'defaulted'}) } AS bad
