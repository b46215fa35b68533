// Explore: one community of a run with its members to draw (bad members first, then by PageRank),
// its bad members and the payments between members (internal flows).
// Params: $runId (string), $id (community id as a string: ids are stored as numbers, integer or float),
//         $limit (int: members to return).
// Returns: id, size, bad, defaultRate, risk, members [entity id] (at most $limit), badMembers [entity id],
//          internal {ties, count, totalMinor} (PAYS with both ends in the community); no row when unknown.
MATCH (c:Community {runId: $runId})
WHERE c.id = toFloat($id)
CALL (c) {
  MATCH (m:EntityMetrics {runId: $runId, community: c.id})<-[:HAS_METRICS]-(e:Entity)
  WITH e, m, EXISTS { (e)-[:FLAGGED]->(:Flag) } OR EXISTS { (e)-[:BORROWED]->(:Loan {status: 'defaulted'}) } AS bad
  ORDER BY bad DESC, m.pagerank DESC, e.id
  RETURN collect(e.id) AS ids, collect(CASE WHEN bad THEN e.id END) AS badMembers
}
CALL (c, ids) {
  UNWIND ids AS id
  MATCH (a:Entity {id: id})-[p:PAYS]->(b:Entity)-[:HAS_METRICS]->(:EntityMetrics {runId: $runId, community: c.id})
  RETURN {ties: count(p), count: coalesce(sum(p.count), 0), totalMinor: coalesce(sum(p.totalMinor), 0)} AS internal
}
RETURN toString(toInteger(c.id)) AS id, c.size AS size, c.bad AS bad, c.defaultRate AS defaultRate, c.risk AS risk,
       ids[0..$limit] AS members, badMembers, internal
