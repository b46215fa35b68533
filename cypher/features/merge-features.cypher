// Features between runs: store freshly computed feature vectors of entities on their EntityMetrics node of the
// run (created for an entity new since the run's snapshot, with its run metrics left unset).
// Params: $runId (string), $schema (feature schema version), $rows ([{id, features: [float], evidence (JSON
//   string), asOfMs (int)}]).
// Returns: written (int; ids of entities that no longer exist are skipped).
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
MERGE (m:EntityMetrics {key: $runId + ':' + row.id})
  ON CREATE SET m.runId = $runId, m.entityId = row.id
SET m.features = row.features, m.evidence = row.evidence, m.featureSchema = $schema,
    m.featuresAsOf = datetime({epochMillis: toInteger(row.asOfMs)})
MERGE (e)-[:HAS_METRICS]->(m)
RETURN count(m) AS written
