// Explore: one metrics run by id and the complete run of the same scope before it (alerts compare them).
// Params: $runId (string).
// Returns: id, scope, status, finishedAt, previousId (null when none); no row for an unknown id.
MATCH (r:MetricsRun {id: $runId})
OPTIONAL CALL (r) {
  MATCH (p:MetricsRun {scope: r.scope, status: 'complete'})
  WHERE p.finishedAt < r.finishedAt
  RETURN p ORDER BY p.finishedAt DESC LIMIT 1
}
RETURN r.id AS id, r.scope AS scope, r.status AS status, r.finishedAt AS finishedAt, p.id AS previousId
