// Schema: a Community is unique by runId:id
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT community_key IF NOT EXISTS FOR (c:Community) REQUIRE c.key IS UNIQUE
