// Local facts: the supply links of the focus entities, either side, each once.
// Params: $ids ([string] focus entity ids).
// Returns: supplier, buyer (ids), sinceMs (epoch ms or null), volumeMinor (int or null).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  MATCH (e)-[s:SUPPLIES]->(b:Entity)
  RETURN e.id AS supplier, b.id AS buyer, s.since.epochMillis AS sinceMs, s.volumeMinor AS volumeMinor
  UNION ALL
  MATCH (a:Entity)-[s:SUPPLIES]->(e)
  WHERE NOT a.id IN $ids
  RETURN a.id AS supplier, e.id AS buyer, s.since.epochMillis AS sinceMs, s.volumeMinor AS volumeMinor
}
RETURN supplier, buyer, sinceMs, volumeMinor
