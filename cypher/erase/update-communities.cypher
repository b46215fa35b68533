// Erasure: the community counts of every run the entity was in: size one less, `bad` one less when it was
// bad in that run (badHops = 0), defaultRate = bad / size again; a community left empty is deleted. Its
// smoothed `risk` is left as computed; the next metrics run recomputes it.
// Params: $id (entity id). Must run before the entity's EntityMetrics are deleted.
// Returns: updated (int, communities changed or deleted).
MATCH (:Entity {id: $id})-[:HAS_METRICS]->(m:EntityMetrics) WHERE m.community IS NOT NULL
MATCH (c:Community {key: m.runId + ':' + toString(m.community)})
WITH c, coalesce(m.badHops = 0, false) AS wasBad
SET c.size = CASE WHEN c.size > 0 THEN c.size - 1 ELSE 0 END,
    c.bad = CASE WHEN wasBad AND c.bad > 0 THEN c.bad - 1 ELSE c.bad END
SET c.defaultRate = CASE WHEN c.size > 0 THEN toFloat(c.bad) / c.size ELSE 0.0 END
WITH c, c.size = 0 AS empty
CALL (c, empty) {
  WITH c WHERE empty
  DETACH DELETE c
}
RETURN count(*) AS updated
