// Schema: rings by run
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE INDEX ring_run IF NOT EXISTS FOR (g:Ring) ON (g.runId)
