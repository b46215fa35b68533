// Metrics: create a run (or resume it when its job is retried) in status 'running'. A run that is
// already complete stays complete, so a retried job that had switched does nothing more.
// Params: $id (string), $scope (string id prefix, '' = full), $jobId (string), $params (JSON string).
// Returns: id, status, attempts.
MERGE (r:MetricsRun {id: $id})
  ON CREATE SET r.scope = $scope, r.startedAt = datetime(), r.attempts = 0, r.current = false,
                r.scopeCurrent = false, r.params = $params, r.jobId = $jobId
SET r.attempts = r.attempts + 1,
    r.status = CASE WHEN r.status = 'complete' THEN 'complete' ELSE 'running' END,
    r.attemptStartedAt = datetime(),
    r.error = null
RETURN r.id AS id, r.status AS status, r.attempts AS attempts
