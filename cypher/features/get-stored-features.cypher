// Score: the stored feature vectors of entities in a run — one unique-key seek per id. An id without a
// stored vector says whether the entity exists at all.
// Params: $runId (string), $ids ([string]).
// Returns: id, features ([float] schema order, NaN = missing, or null), schema (version), evidence (JSON string),
//   featuresAtMs (epoch ms of the features' as-of date), exists (bool).
UNWIND $ids AS id
OPTIONAL MATCH (m:EntityMetrics {key: $runId + ':' + id})
RETURN id, m.features AS features, m.featureSchema AS schema, m.evidence AS evidence,
       m.featuresAsOf.epochMillis AS featuresAtMs,
       CASE WHEN m IS NULL THEN EXISTS { MATCH (:Entity {id: id}) } ELSE true END AS exists
