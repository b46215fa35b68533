// Metrics: the network signals of one entity from the newest complete run in service that covers it
// (the full run, or for test data a scoped run), with its community, and how fresh its features are: the
// date of the facts behind them, later than the run's snapshot when an ingest load refreshed them since.
// Params: $id (string).
// Returns: id, runId, snapshotAt, finishedAt, metrics (map without the feature vector, or null), community (map
//   or null), featuresAsOf (ISO or null), stale (bool: no run covers it, or its facts changed after the snapshot).
//   No row when the entity does not exist.
MATCH (e:Entity {id: $id})
OPTIONAL CALL (e) {
  MATCH (e)-[:HAS_METRICS]->(m:EntityMetrics)
  MATCH (r:MetricsRun {id: m.runId, status: 'complete', scopeCurrent: true})
  RETURN m, r ORDER BY r.finishedAt DESC LIMIT 1
}
OPTIONAL MATCH (c:Community {key: r.id + ':' + toString(m.community)})
RETURN e.id AS id, r.id AS runId, r.snapshotAt AS snapshotAt, r.finishedAt AS finishedAt,
       CASE WHEN m IS NULL THEN null ELSE m {.*, features: null, evidence: null} END AS metrics,
       properties(c) AS community, m.featuresAsOf AS featuresAsOf,
       m IS NULL OR m.pagerank IS NULL OR (m.featuresAsOf IS NOT NULL AND m.featuresAsOf > r.snapshotAt) AS stale
