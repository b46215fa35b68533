// Metrics: mark a run failed (its partial results are never read: readers join through complete runs).
// Params: $id (string), $error (string).
// Returns: id.
MATCH (r:MetricsRun {id: $id})
WHERE r.status <> 'complete'
SET r.status = 'failed', r.error = $error, r.finishedAt = datetime()
RETURN r.id AS id
