// Metrics: runs, newest first, optionally of one scope.
// Params: $scope (string or null for every scope), $limit (int).
// Returns: id, scope, status, stage, current, scopeCurrent, attempts, jobId, startedAt, snapshotAt,
//   finishedAt, params, stages, counts, error (JSON fields as strings).
MATCH (r:MetricsRun)
WHERE $scope IS NULL OR r.scope = $scope
RETURN r.id AS id, r.scope AS scope, r.status AS status, r.stage AS stage, r.current AS current,
       r.scopeCurrent AS scopeCurrent, r.attempts AS attempts, r.jobId AS jobId, r.startedAt AS startedAt,
       r.snapshotAt AS snapshotAt, r.finishedAt AS finishedAt, r.params AS params, r.stages AS stages,
       r.counts AS counts, r.error AS error
ORDER BY r.startedAt DESC
LIMIT toInteger($limit)
