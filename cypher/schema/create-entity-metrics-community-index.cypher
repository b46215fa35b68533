// Schema: members of a community of a run (EntityMetrics by runId and community)
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE INDEX entity_metrics_community IF NOT EXISTS FOR (m:EntityMetrics) ON (m.runId, m.community)
