// Counts what ingest wrote under an id prefix ('' = the whole graph): nodes, relationships and PAYS sums.
// Identifiers (which hold no id) count when an entity under the prefix uses them.
// Params: $prefix (string).
// Returns: entities, minimalEntities, loans, flags, identifiers, paid, paidMinor, pays, paysCount, paysMinor,
//          supplies, uses, owns, directs, borrowed, flagged, rated.
MATCH (e:Entity) WHERE e.id STARTS WITH $prefix
WITH count(e) AS entities, count(CASE WHEN e.minimal THEN 1 END) AS minimalEntities
CALL () {
  MATCH (l:Loan) WHERE l.id STARTS WITH $prefix
  RETURN count(l) AS loans
}
CALL () {
  MATCH (f:Flag) WHERE f.id STARTS WITH $prefix
  RETURN count(f) AS flags
}
CALL () {
  MATCH (e:Entity)-[:USES]->(i:Identifier) WHERE e.id STARTS WITH $prefix
  RETURN count(DISTINCT i) AS identifiers
}
CALL () {
  MATCH (a:Entity)-[r]->() WHERE a.id STARTS WITH $prefix
  RETURN count(CASE WHEN r:PAID THEN 1 END) AS paid,
         sum(CASE WHEN r:PAID THEN r.amountMinor ELSE 0 END) AS paidMinor,
         count(CASE WHEN r:PAYS THEN 1 END) AS pays,
         sum(CASE WHEN r:PAYS THEN r.count ELSE 0 END) AS paysCount,
         sum(CASE WHEN r:PAYS THEN r.totalMinor ELSE 0 END) AS paysMinor,
         count(CASE WHEN r:SUPPLIES THEN 1 END) AS supplies,
         count(CASE WHEN r:USES THEN 1 END) AS uses,
         count(CASE WHEN r:OWNS THEN 1 END) AS owns,
         count(CASE WHEN r:DIRECTS THEN 1 END) AS directs,
         count(CASE WHEN r:BORROWED THEN 1 END) AS borrowed,
         count(CASE WHEN r:FLAGGED THEN 1 END) AS flagged,
         count(CASE WHEN r:RATED THEN 1 END) AS rated
}
RETURN entities, minimalEntities, loans, flags, identifiers, paid, paidMinor, pays, paysCount, paysMinor,
       supplies, uses, owns, directs, borrowed, flagged, rated
