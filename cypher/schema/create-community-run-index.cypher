// Schema: communities by run
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE INDEX community_run IF NOT EXISTS FOR (c:Community) ON (c.runId)
