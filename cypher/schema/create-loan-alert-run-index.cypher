// Schema: loan alerts are listed per metrics run.
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE INDEX loan_alert_run IF NOT EXISTS FOR (a:LoanAlert) ON (a.runId)
