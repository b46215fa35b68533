// Features between runs, after a large load: drop the stored feature vectors of entities in the run, so their
// scores compute features from the facts as of now (the as-of path) until the next run stores them again.
// Params: $runId (string), $ids ([string]).
// Returns: invalidated (int; vectors dropped — ids without a stored vector are skipped).
UNWIND $ids AS id
MATCH (m:EntityMetrics {key: $runId + ':' + id})
WHERE m.features IS NOT NULL
REMOVE m.features, m.evidence, m.featureSchema, m.featuresAsOf
RETURN count(m) AS invalidated
