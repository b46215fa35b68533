// Metrics: write one batch of per-entity results under a run: (:Entity)-[:HAS_METRICS]->(:EntityMetrics
// {runId}). MERGE makes a retried batch replace its own values instead of adding a second node.
// Params: $runId (string), $rows ([{id, metrics: {pagerank, pagerankPct, degreeIn, ...}}]).
// Returns: written (int; entities deleted since the snapshot are skipped).
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
MERGE (e)-[:HAS_METRICS]->(m:EntityMetrics {runId: $runId})
SET m = row.metrics, m.runId = $runId, m.entityId = row.id
RETURN count(m) AS written
