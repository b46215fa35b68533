// Score (evaluation): per entity with an id prefix, the visible ratings it received, positive and negative,
// under a mask: a RATED a→b is hidden when b.id IN $maskTargets AND ($maskAllSources OR a.id IN $maskSources).
// Params: $prefix ('' for all), $maskTargets, $maskSources ([string]), $maskAllSources (bool).
// Returns: id, positive (int), negative (int) — only entities with at least one negative rating.
MATCH (a:Entity)-[r:RATED]->(b:Entity)
WHERE b.id STARTS WITH $prefix AND r.rating < 0
  AND NOT (b.id IN $maskTargets AND ($maskAllSources OR a.id IN $maskSources))
WITH DISTINCT b
CALL (b) {
  MATCH (a:Entity)-[r:RATED]->(b)
  WHERE NOT (b.id IN $maskTargets AND ($maskAllSources OR a.id IN $maskSources))
  RETURN count(CASE WHEN r.rating > 0 THEN 1 END) AS positive, count(CASE WHEN r.rating < 0 THEN 1 END) AS negative
}
RETURN b.id AS id, positive, negative
