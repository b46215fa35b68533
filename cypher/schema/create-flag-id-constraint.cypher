// Schema: every Flag has a unique id
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT flag_id IF NOT EXISTS FOR (f:Flag) REQUIRE f.id IS UNIQUE
