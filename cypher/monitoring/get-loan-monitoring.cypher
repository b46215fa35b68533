// Monitoring: one loan's monitoring from the run named by $runId, or else from the newest complete
// run in service (full or scoped) that monitored it; with its alerts, most severe first.
// Params: $loanId (string), $runId (string or null).
// Returns: loanId, exists (bool), runId, runFinishedAt, monitoring (map of properties or null),
//   alerts ([map]). One row (exists false when there is no such loan).
OPTIONAL MATCH (l:Loan {id: $loanId})
OPTIONAL CALL (l) {
  MATCH (l)-[:HAS_MONITORING]->(m:LoanMonitoring)
  MATCH (r:MetricsRun {id: m.runId, status: 'complete'})
  WHERE CASE WHEN $runId IS NULL THEN r.scopeCurrent = true ELSE r.id = $runId END
  RETURN m, r ORDER BY r.finishedAt DESC LIMIT 1
}
OPTIONAL CALL (l, m) {
  MATCH (l)-[:HAS_ALERT]->(a:LoanAlert {runId: m.runId})
  WITH a ORDER BY a.severityRank DESC, a.amountMinor DESC, a.at, a.code, a.target
  RETURN collect(properties(a)) AS alerts
}
RETURN $loanId AS loanId, l IS NOT NULL AS exists, r.id AS runId, r.finishedAt AS runFinishedAt,
       properties(m) AS monitoring, coalesce(alerts, []) AS alerts
