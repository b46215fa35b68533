// Metrics: delete up to $limit result nodes (EntityMetrics, Community, Ring, LoanMonitoring, LoanAlert)
// of a run; call until 0.
// Params: $runId (string), $limit (int).
// Returns: deleted (int).
CALL () {
  MATCH (m:EntityMetrics {runId: $runId}) RETURN m AS x LIMIT toInteger($limit)
  UNION
  MATCH (c:Community {runId: $runId}) RETURN c AS x LIMIT toInteger($limit)
  UNION
  MATCH (g:Ring {runId: $runId}) RETURN g AS x LIMIT toInteger($limit)
  UNION
  MATCH (m:LoanMonitoring {runId: $runId}) RETURN m AS x LIMIT toInteger($limit)
  UNION
  MATCH (a:LoanAlert {runId: $runId}) RETURN a AS x LIMIT toInteger($limit)
}
WITH x LIMIT toInteger($limit)
DETACH DELETE x
RETURN count(*) AS deleted
