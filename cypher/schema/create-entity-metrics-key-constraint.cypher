// Schema: one EntityMetrics node per (run, entity), found by `key` = runId + ':' + entity id (a score's one seek).
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT entity_metrics_key IF NOT EXISTS FOR (m:EntityMetrics) REQUIRE m.key IS UNIQUE
