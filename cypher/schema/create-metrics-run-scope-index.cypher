// Schema: runs by scope (the current run of a scope, retention)
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE INDEX metrics_run_scope IF NOT EXISTS FOR (r:MetricsRun) ON (r.scope)
