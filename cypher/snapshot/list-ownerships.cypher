// Snapshot: every ownership or directorship (OWNS, DIRECTS: person → business) within the scope.
// Params: $prefix (string, '' = every entity).
// Returns: person, business (ids), sinceMs (epoch ms or null).
MATCH (p:Entity)-[o:OWNS|DIRECTS]->(b:Entity)
WHERE p.id STARTS WITH $prefix AND b.id STARTS WITH $prefix
RETURN p.id AS person, b.id AS business, o.since.epochMillis AS sinceMs
