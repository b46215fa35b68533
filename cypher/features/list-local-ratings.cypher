// Local facts: every rating given or received by the focus entities, each once (a rating between two focus
// entities comes from its rater's side only).
// Params: $ids ([string] focus entity ids).
// Returns: rater, ratee (ids), rating (int −10..10), at (epoch ms).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  MATCH (e)-[r:RATED]->(b:Entity)
  RETURN e.id AS rater, b.id AS ratee, r.rating AS rating, r.at.epochMillis AS at
  UNION ALL
  MATCH (a:Entity)-[r:RATED]->(e)
  WHERE NOT a.id IN $ids
  RETURN a.id AS rater, e.id AS ratee, r.rating AS rating, r.at.epochMillis AS at
}
RETURN rater, ratee, rating, at
