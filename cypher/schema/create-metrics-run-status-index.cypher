// Schema: runs by status
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE INDEX metrics_run_status IF NOT EXISTS FOR (r:MetricsRun) ON (r.status)
