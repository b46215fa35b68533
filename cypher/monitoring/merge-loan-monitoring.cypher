// Monitoring: write one batch of loans' monitoring results under a run, replacing whatever the run
// held for those loans (a retried batch, or the incremental update after an ingest load):
// (:Loan)-[:HAS_MONITORING]->(:LoanMonitoring {runId, ...}) and (:Loan)-[:HAS_ALERT]->(:LoanAlert {runId, ...}).
// Params: $runId (string), $rows ([{loanId, monitoring: {scalar properties; flowJson, behaviourJson,
//   limitJson, scoreJson, disbursementJson as JSON strings; originAtMs, disbursedAtMs (or null)},
//   alerts: [{code, severity, severityRank, amountMinor, share, path [ids], target, hop, atMs, detail,
//   borrower, lender, currency}]}]).
// Returns: written (int; loans deleted since the snapshot are skipped).
UNWIND $rows AS row
MATCH (l:Loan {id: row.loanId})
CALL (l) {
  OPTIONAL MATCH (l)-[:HAS_MONITORING|HAS_ALERT]->(old {runId: $runId})
  DETACH DELETE old
}
CREATE (l)-[:HAS_MONITORING]->(m:LoanMonitoring)
SET m = row.monitoring, m.runId = $runId, m.loanId = row.loanId,
    m.originAt = datetime({epochMillis: toInteger(row.monitoring.originAtMs)}),
    m.disbursedAt = CASE WHEN row.monitoring.disbursedAtMs IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.monitoring.disbursedAtMs)}) END,
    m.computedAt = datetime()
REMOVE m.originAtMs, m.disbursedAtMs
WITH l, row
CALL (l, row) {
  UNWIND row.alerts AS a
  CREATE (l)-[:HAS_ALERT]->(x:LoanAlert)
  SET x = a, x.runId = $runId, x.loanId = row.loanId, x.at = datetime({epochMillis: toInteger(a.atMs)})
  REMOVE x.atMs
}
RETURN count(l) AS written
