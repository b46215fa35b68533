// Snapshot: every supply link (SUPPLIES, supplier → buyer) within the scope.
// Params: $prefix (string, '' = every entity).
// Returns: supplier, buyer (ids), sinceMs (epoch ms or null), volumeMinor (integer minor units or null).
MATCH (a:Entity)-[s:SUPPLIES]->(b:Entity)
WHERE a.id STARTS WITH $prefix AND b.id STARTS WITH $prefix
RETURN a.id AS supplier, b.id AS buyer, s.since.epochMillis AS sinceMs, s.volumeMinor AS volumeMinor
