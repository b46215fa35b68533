// Schema: every ApiKey has a unique public id.
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE
