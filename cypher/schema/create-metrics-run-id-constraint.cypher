// Schema: every MetricsRun has a unique id
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT metrics_run_id IF NOT EXISTS FOR (r:MetricsRun) REQUIRE r.id IS UNIQUE
