// Schema: every PAID payment event has a unique id (the idempotency key)
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT paid_id IF NOT EXISTS FOR ()-[p:PAID]-() REQUIRE p.id IS UNIQUE
