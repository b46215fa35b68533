// Score (evaluation): the entities an authority rated at or above a threshold (the label authority's trusted
// raters in the "full" protocol).
// Params: $authority (entity id), $minRating (number). Returns: id.
MATCH (:Entity {id: $authority})-[r:RATED]->(b:Entity)
WITH b, max(r.rating) AS best
WHERE best >= $minRating
RETURN b.id AS id
ORDER BY id
