// Explore: what the web view draws for each entity: kind, badness, and its metrics from the newest
// complete run in service that covers it (the full run, or for test data a scoped run), as scores read them.
// Params: $ids (entity ids).
// Returns: id, eid (elementId), kind, bad (flagged or a defaulted loan), runId (null: no run covers it), pagerank,
//          pagerankPct (0..1), community, communityRisk (0..1), exposure, exposurePct (0..1).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
OPTIONAL CALL (e) {
  MATCH (e)-[:HAS_METRICS]->(m:EntityMetrics)
  MATCH (r:MetricsRun {id: m.runId, status: 'complete', scopeCurrent: true})
  RETURN m, r ORDER BY r.finishedAt DESC LIMIT 1
}
RETURN e.id AS id, elementId(e) AS eid, e.kind AS kind,
       EXISTS { (e)-[:FLAGGED]->(:Flag) } OR EXISTS { (e)-[:BORROWED]->(:Loan {status: 'defaulted'}) } AS bad,
       r.id AS runId, m.pagerank AS pagerank, m.pagerankPct AS pagerankPct, m.community AS community,
       m.communityRisk AS communityRisk, m.exposure AS exposure, m.exposurePct AS exposurePct
