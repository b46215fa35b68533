// Schema: payment events by time
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE INDEX paid_at IF NOT EXISTS FOR ()-[p:PAID]-() ON (p.at)
