// Metrics: the run in service for a scope ('' = the whole graph), and the complete run before it.
// Params: $scope (string).
// Returns: id, snapshotAt, finishedAt, previousId (zero or one row).
MATCH (r:MetricsRun {scope: $scope, scopeCurrent: true})
WHERE r.status = 'complete'
OPTIONAL CALL (r) {
  MATCH (p:MetricsRun {scope: r.scope, status: 'complete'})
  WHERE p.finishedAt < r.finishedAt
  RETURN p ORDER BY p.finishedAt DESC LIMIT 1
}
RETURN r.id AS id, r.snapshotAt AS snapshotAt, r.finishedAt AS finishedAt, p.id AS previousId
ORDER BY r.finishedAt DESC
LIMIT 1
