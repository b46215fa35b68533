// Migration: one page of Identifiers stored under the old rules (key 'type:<value>', the clear value in
// `id`), by ascending key, whose value starts with $prefix (the --id-prefix they were loaded with).
// Params: $prefix (string, '' = all), $after (string, last key of the previous page, '' to start), $limit (int).
// Returns: key, type, value.
MATCH (i:Identifier)
WHERE i.key > $after AND i.id IS NOT NULL AND i.id STARTS WITH $prefix
RETURN i.key AS key, i.type AS type, i.id AS value
ORDER BY i.key
LIMIT toInteger($limit)
