// Explore: which of the given ids are entities (to answer 404 for unknown ones).
// Params: $ids (entity ids). Returns: id, eid (elementId; one row per existing entity).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, elementId(e) AS eid
