// Score: the run in service — the current complete run of the served scope ('' = the whole graph) — cached in
// memory by the API.
// Params: $scope (string).
// Returns: zero or one row: id, finishedAtMs, snapshotAtMs (epoch ms).
MATCH (r:MetricsRun {scope: $scope, scopeCurrent: true})
WHERE r.status = 'complete'
RETURN r.id AS id, r.finishedAt.epochMillis AS finishedAtMs, r.snapshotAt.epochMillis AS snapshotAtMs
ORDER BY r.finishedAt DESC
LIMIT 1
