// Metrics: runs of a scope beyond the newest $keep complete ones (older complete runs and failed or
// abandoned runs that started before the oldest kept one). Never the current or a running run.
// Params: $scope (string), $keep (int ≥ 1).
// Returns: id.
MATCH (k:MetricsRun {scope: $scope, status: 'complete'})
WITH k ORDER BY k.finishedAt DESC LIMIT toInteger($keep)
WITH min(k.startedAt) AS oldestKept, collect(k.id) AS kept
MATCH (r:MetricsRun {scope: $scope})
WHERE NOT r.id IN kept AND coalesce(r.scopeCurrent, false) = false AND r.startedAt < oldestKept
  AND r.status IN ['complete', 'failed']
RETURN r.id AS id
ORDER BY r.startedAt
