// Metrics: delete a run node (after its results are gone). Never the current run of its scope.
// Params: $id (string).
// Returns: deleted (int, 0 or 1).
MATCH (r:MetricsRun {id: $id})
WHERE coalesce(r.scopeCurrent, false) = false
DETACH DELETE r
RETURN count(*) AS deleted
