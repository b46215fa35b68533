// Score (validation): region and sector of entities, for the fairness review.
// Params: $ids ([string]). Returns: id, region, sector (one row per existing entity).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.region AS region, e.sector AS sector
