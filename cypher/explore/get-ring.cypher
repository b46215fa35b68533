// Explore: one ring of a run with all its members, and the identifiers two or more members share.
// Params: $runId (string), $id (ring id).
// Returns: id, kind, size, bad, risk, amountMinor, spanMs, members [entity id],
//          shared [{key, type, users: [entity id]}]; no row when unknown.
MATCH (g:Ring {key: $runId + ':' + $id})
CALL (g) {
  UNWIND g.members AS member
  MATCH (:Entity {id: member})-[:USES]->(i:Identifier)
  WITH i, collect(DISTINCT member) AS users
  WHERE size(users) >= 2
  RETURN collect({key: i.key, type: i.type, users: users}) AS shared
}
RETURN g.id AS id, g.kind AS kind, g.size AS size, g.bad AS bad, g.risk AS risk, g.amountMinor AS amountMinor,
       g.spanMs AS spanMs, g.members AS members, shared
