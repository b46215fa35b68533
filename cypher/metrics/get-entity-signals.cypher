// Metrics: the network signals of one entity from the newest complete run in service that covers it
// (the full run, or for test data a scoped run), with its community, the entity's live (incremental)
// degrees, and whether payments arrived after the run's snapshot (stale).
// Params: $id (string).
// Returns: id, runId, snapshotAt, finishedAt, metrics (map or null), community (map or null),
//   live ({degreeIn, degreeOut, strengthIn, strengthOut, lastPaymentAt} or nulls), stale (bool).
//   No row when the entity does not exist.
MATCH (e:Entity {id: $id})
OPTIONAL CALL (e) {
  MATCH (e)-[:HAS_METRICS]->(m:EntityMetrics)
  MATCH (r:MetricsRun {id: m.runId, status: 'complete', scopeCurrent: true})
  RETURN m, r ORDER BY r.finishedAt DESC LIMIT 1
}
OPTIONAL MATCH (c:Community {key: r.id + ':' + toString(m.community)})
RETURN e.id AS id, r.id AS runId, r.snapshotAt AS snapshotAt, r.finishedAt AS finishedAt,
       properties(m) AS metrics, properties(c) AS community,
       {degreeIn: e.degreeIn, degreeOut: e.degreeOut, strengthIn: e.strengthIn, strengthOut: e.strengthOut,
        lastPaymentAt: e.lastPaymentAt} AS live,
       m IS NULL OR (e.lastPaymentAt IS NOT NULL AND e.lastPaymentAt > r.snapshotAt) AS stale
