// Schema: per-run entity metrics by run (write-back, deletion of old runs)
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE INDEX entity_metrics_run IF NOT EXISTS FOR (m:EntityMetrics) ON (m.runId)
