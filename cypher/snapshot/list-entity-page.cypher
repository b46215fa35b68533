// Snapshot: one page of entities (by ascending id, within the scope prefix) with their bad label, the
// identifiers they use and their outgoing trading edges to entities of the same scope. Page through
// with $after = the last id.
// Params: $prefix (string, '' = every entity), $after (string, '' to start), $limit (int, entities per page).
// Returns: id, bad (bool: a defaulted loan or a flag), out ([{dst, kind: 'pays'|'supplies'|'rated',
//   amount (PAYS totalMinor, SUPPLIES volumeMinor or 0, RATED count of positive ratings), firstMs, lastMs}]),
//   identifiers ([string] keys of the identifiers the entity uses, except those marked overShared: linked to
//   IDENTIFIER_MAX_GROUP entities and refused more).
MATCH (e:Entity)
WHERE e.id > $after AND e.id STARTS WITH $prefix
WITH e ORDER BY e.id LIMIT toInteger($limit)
OPTIONAL CALL (e) {
  MATCH (e)-[r:PAYS]->(b:Entity) WHERE b.id STARTS WITH $prefix
  RETURN {dst: b.id, kind: 'pays', amount: coalesce(r.totalMinor, 0),
          firstMs: r.first.epochMillis, lastMs: r.last.epochMillis} AS edge
  UNION ALL
  MATCH (e)-[r:SUPPLIES]->(b:Entity) WHERE b.id STARTS WITH $prefix
  RETURN {dst: b.id, kind: 'supplies', amount: coalesce(r.volumeMinor, 0),
          firstMs: r.since.epochMillis, lastMs: null} AS edge
  UNION ALL
  MATCH (e)-[r:RATED]->(b:Entity) WHERE b.id STARTS WITH $prefix AND r.rating > 0
  WITH b, count(r) AS n, min(r.at) AS first, max(r.at) AS last
  RETURN {dst: b.id, kind: 'rated', amount: n, firstMs: first.epochMillis, lastMs: last.epochMillis} AS edge
}
WITH e, collect(edge) AS out
RETURN e.id AS id,
       EXISTS { (e)-[:FLAGGED]->(:Flag) } OR EXISTS { (e)-[:BORROWED]->(:Loan {status: 'defaulted'}) } AS bad,
       out, [(e)-[:USES]->(i:Identifier) WHERE i.overShared IS NULL | i.key] AS identifiers
ORDER BY id
