// Monitoring (after an ingest load): the run an incremental update of a loan writes under — the newest
// complete run in service that monitored the loan, else the full graph's current run.
// Params: $loanId (string).
// Returns: runId (zero or one row).
OPTIONAL CALL () {
  MATCH (:Loan {id: $loanId})-[:HAS_MONITORING]->(m:LoanMonitoring)
  MATCH (r:MetricsRun {id: m.runId, status: 'complete', scopeCurrent: true})
  RETURN r.id AS monitored ORDER BY r.finishedAt DESC LIMIT 1
}
OPTIONAL MATCH (c:MetricsRun {current: true, status: 'complete'})
WITH coalesce(monitored, c.id) AS runId WHERE runId IS NOT NULL
RETURN runId
LIMIT 1
