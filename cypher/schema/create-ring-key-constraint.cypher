// Schema: a Ring is unique by runId:id
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT ring_key IF NOT EXISTS FOR (g:Ring) REQUIRE g.key IS UNIQUE
