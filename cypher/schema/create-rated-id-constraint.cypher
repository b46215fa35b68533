// Schema: every RATED rating event has a unique id (the idempotency key of ratings)
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT rated_id IF NOT EXISTS FOR ()-[r:RATED]-() REQUIRE r.id IS UNIQUE
