// Metrics: what a scoped refresh reads (entities whose id starts with $prefix and the relationships
// they start), for its memory and time estimate. Walks the scope once (an index seek on the id prefix).
// Params: $prefix (string, not empty).
// Returns: entities, pays, supplies, rated, paid, loans, flags (ints).
MATCH (e:Entity) WHERE e.id STARTS WITH $prefix
WITH count(e) AS entities
CALL () {
  MATCH (a:Entity)-[r:PAYS|SUPPLIES|RATED|PAID|BORROWED|FLAGGED]->() WHERE a.id STARTS WITH $prefix
  RETURN count(CASE WHEN r:PAYS THEN 1 END) AS pays,
         count(CASE WHEN r:SUPPLIES THEN 1 END) AS supplies,
         count(CASE WHEN r:RATED THEN 1 END) AS rated,
         count(CASE WHEN r:PAID THEN 1 END) AS paid,
         count(CASE WHEN r:BORROWED THEN 1 END) AS loans,
         count(CASE WHEN r:FLAGGED THEN 1 END) AS flags
}
RETURN entities, pays, supplies, rated, paid, loans, flags
