// Snapshot: every fraud or analyst flag of an entity within the scope.
// Params: $prefix (string, '' = every entity).
// Returns: entity (id), atMs (epoch ms), reason (string).
MATCH (e:Entity)-[:FLAGGED]->(f:Flag)
WHERE e.id STARTS WITH $prefix
RETURN e.id AS entity, f.at.epochMillis AS atMs, f.reason AS reason
