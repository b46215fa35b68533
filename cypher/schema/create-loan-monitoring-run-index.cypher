// Schema: monitored loans are listed per metrics run.
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE INDEX loan_monitoring_run IF NOT EXISTS FOR (m:LoanMonitoring) ON (m.runId)
