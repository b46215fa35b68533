// Snapshot: every entity of the scope with its kind, when it was opened and the identifiers it uses.
// Params: $prefix (string, '' = every entity).
// Returns: id, kind ('business'|'person'|'unknown'), openedAtMs (epoch ms or null), identifiers ([string] keys of
//   the identifiers the entity uses, except those marked overShared: linked to IDENTIFIER_MAX_GROUP entities and refused more).
MATCH (e:Entity)
WHERE e.id STARTS WITH $prefix
RETURN e.id AS id, e.kind AS kind, e.openedAt.epochMillis AS openedAtMs,
       [(e)-[:USES]->(i:Identifier) WHERE i.overShared IS NULL | i.key] AS identifiers
