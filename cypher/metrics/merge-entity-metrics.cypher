// Metrics: write one batch of per-entity results under a run: (:Entity)-[:HAS_METRICS]->(:EntityMetrics
// {key: runId:entityId, runId, entityId, ...metrics, features, evidence, featuresAsOf, featureSchema}). MERGE on
// the unique key makes a retried batch replace its own values instead of adding a second node.
// Params: $runId (string), $schema (feature schema version), $rows ([{id, metrics: {pagerank, ...},
//   features: [float] in schema order (NaN = missing), evidence (JSON string), asOfMs (int)}]).
// Returns: written (int; entities deleted since the snapshot are skipped).
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
MERGE (m:EntityMetrics {key: $runId + ':' + row.id})
SET m = row.metrics, m.key = $runId + ':' + row.id, m.runId = $runId, m.entityId = row.id,
    m.features = row.features, m.evidence = row.evidence, m.featureSchema = $schema,
    m.featuresAsOf = datetime({epochMillis: toInteger(row.asOfMs)})
MERGE (e)-[:HAS_METRICS]->(m)
RETURN count(m) AS written
