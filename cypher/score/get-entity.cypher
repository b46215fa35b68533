// Score: the profile of one entity (GET /v1/entities/:id) with relationship counts and current-run metrics.
// Params: $id (string).
// Returns: zero or one row: id, kind, sector, region, openedAt (ISO or null), minimal (bool), counts {payers,
//   payees, ratingsGiven, ratingsReceived, suppliers, buyers, loans, flags, identifiers}, runId (or null),
//   metrics (EntityMetrics properties of the current run or null).
MATCH (e:Entity {id: $id})
CALL () {
  OPTIONAL MATCH (r:MetricsRun {status: 'complete'}) WHERE r.current = true
  RETURN r AS run ORDER BY r.finishedAt DESC LIMIT 1
}
OPTIONAL MATCH (e)-[:HAS_METRICS]->(m:EntityMetrics {runId: run.id})
RETURN e.id AS id, e.kind AS kind, e.sector AS sector, e.region AS region, e.openedAt AS openedAt,
       coalesce(e.minimal, false) AS minimal,
       {payers: COUNT { (:Entity)-[:PAYS]->(e) }, payees: COUNT { (e)-[:PAYS]->(:Entity) },
        ratingsGiven: COUNT { (e)-[:RATED]->(:Entity) }, ratingsReceived: COUNT { (:Entity)-[:RATED]->(e) },
        suppliers: COUNT { (:Entity)-[:SUPPLIES]->(e) }, buyers: COUNT { (e)-[:SUPPLIES]->(:Entity) },
        loans: COUNT { (e)-[:BORROWED]->(:Loan) }, flags: COUNT { (e)-[:FLAGGED]->(:Flag) },
        identifiers: COUNT { (e)-[:USES]->(:Identifier) }} AS counts,
       run.id AS runId, properties(m) AS metrics
