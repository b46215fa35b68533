// Monitoring: the loans a run monitored, those with the most severe alerts first, then by amount;
// optionally of one lender and only those with alerts.
// Params: $runId (string), $lender (string or null), $alerted (bool), $limit (int).
// Returns: total (int), items ([{loanId, borrower, lender, currency, amountMinor, status, originAt,
//   disbursedAt, tracedMinor, retainedMinor, alertCount, severity, limitMinor}]).
MATCH (m:LoanMonitoring {runId: $runId})
WHERE ($lender IS NULL OR m.lender = $lender) AND (NOT $alerted OR m.alertCount > 0)
WITH m ORDER BY coalesce(m.severityRank, 0) DESC, m.alertCount DESC, m.amountMinor DESC, m.loanId
WITH collect({loanId: m.loanId, borrower: m.borrower, lender: m.lender, currency: m.currency,
              amountMinor: m.amountMinor, status: m.status, originAt: m.originAt, disbursedAt: m.disbursedAt,
              tracedMinor: m.tracedMinor, retainedMinor: m.retainedMinor, alertCount: m.alertCount,
              severity: m.severity, limitMinor: m.limitMinor}) AS found
RETURN size(found) AS total, found[0..$limit] AS items
