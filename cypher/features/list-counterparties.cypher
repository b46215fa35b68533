// Features between runs: the counterparties (payments or ratings, either direction) of entities whose label
// may have changed (a new flag, loan or rating), whose features — the share of bad counterparties — depend on it.
// Params: $ids ([string] entity ids).
// Returns: id (each counterparty once, excluding the given entities).
UNWIND $ids AS id
MATCH (e:Entity {id: id})-[:PAYS|RATED]-(x:Entity)
WHERE NOT x.id IN $ids
RETURN DISTINCT x.id AS id
