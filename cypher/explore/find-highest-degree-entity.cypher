// Explore (benchmarks, demo): the entity with the most PAYS and SUPPLIES ties among ids with a prefix.
// Params: $prefix (string; '' = every entity). Returns: id, degree (zero or one row).
MATCH (e:Entity)
WHERE e.id STARTS WITH $prefix
RETURN e.id AS id, COUNT { (e)-[:PAYS|SUPPLIES]-() } AS degree
ORDER BY degree DESC, id
LIMIT 1
