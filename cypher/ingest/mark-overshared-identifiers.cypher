// Migration: marks overShared every identifier used by an entity under $prefix that links more than
// $maxGroup entities (loads refuse links past the cap; data loaded before the cap may hold such groups).
// Params: $prefix (string, '' = all), $maxGroup (int, IDENTIFIER_MAX_GROUP).
// Returns: marked (int, identifiers newly marked).
MATCH (e:Entity)-[:USES]->(i:Identifier)
WHERE e.id STARTS WITH $prefix AND i.overShared IS NULL
WITH DISTINCT i
WHERE COUNT { (i)<-[:USES]-() } > $maxGroup
SET i.overShared = true
RETURN count(i) AS marked
