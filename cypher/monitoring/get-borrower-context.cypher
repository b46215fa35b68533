// Monitoring (after an ingest load): a borrower's relations for a local trace — the identifiers it
// shares (each used by at most $maxShare entities and not marked overShared), its owners and the businesses it owns or that share
// an owner with it, its supply links, and its counterparties with the time of their first payment.
// Params: $id (string), $maxShare (int).
// Returns: groups ([[entity id]] users of each shared identifier), ownerships ([{person, business}]),
//   supplies ([{supplier, buyer, sinceMs}]), counterparties ([{id, firstMs}], first payment either way).
MATCH (b:Entity {id: $id})
CALL (b) {
  OPTIONAL MATCH (b)-[:USES]->(i:Identifier)<-[:USES]-(:Entity)
  WITH DISTINCT i WHERE i IS NOT NULL AND i.overShared IS NULL
  WITH i, [(u:Entity)-[:USES]->(i) | u.id] AS users
  WHERE size(users) <= $maxShare
  RETURN collect(users) AS groups
}
CALL (b) {
  OPTIONAL MATCH (p:Entity)-[:OWNS|DIRECTS]->(b)
  OPTIONAL MATCH (p)-[:OWNS|DIRECTS]->(sibling:Entity)
  WITH collect(DISTINCT CASE WHEN p IS NOT NULL THEN {person: p.id, business: b.id} END)
     + collect(DISTINCT CASE WHEN sibling IS NOT NULL THEN {person: p.id, business: sibling.id} END) AS owners
  RETURN owners
}
CALL (b) {
  RETURN [(b)-[:OWNS|DIRECTS]->(x:Entity) | {person: b.id, business: x.id}] AS owned
}
CALL (b) {
  RETURN [(s:Entity)-[r:SUPPLIES]->(b) | {supplier: s.id, buyer: b.id, sinceMs: r.since.epochMillis}]
       + [(b)-[r:SUPPLIES]->(x:Entity) | {supplier: b.id, buyer: x.id, sinceMs: r.since.epochMillis}] AS supplies
}
CALL (b) {
  OPTIONAL MATCH (b)-[p:PAYS]-(x:Entity)
  WITH x, min(p.first) AS first WHERE x IS NOT NULL AND x <> b
  RETURN collect({id: x.id, firstMs: first.epochMillis}) AS counterparties
}
RETURN groups, owners + owned AS ownerships, supplies, counterparties
