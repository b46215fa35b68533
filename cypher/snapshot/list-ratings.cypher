// Snapshot: every counterparty-reported outcome (RATED) within the scope, packed per rater.
// Params: $prefix (string, '' = every entity).
// Returns: rater (id), ratees ([id]), rating ([int −10..10]), at ([epoch ms]); parallel lists.
MATCH (a:Entity)
WHERE a.id STARTS WITH $prefix
CALL (a) {
  MATCH (a)-[r:RATED]->(b:Entity)
  WHERE b.id STARTS WITH $prefix
  RETURN collect(b.id) AS ratees, collect(r.rating) AS rating, collect(r.at.epochMillis) AS at
}
WITH a, ratees, rating, at
WHERE size(ratees) > 0
RETURN a.id AS rater, ratees, rating, at
