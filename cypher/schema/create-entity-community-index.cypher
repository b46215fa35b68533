// Schema: entities by community of the current run
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE INDEX entity_community IF NOT EXISTS FOR (e:Entity) ON (e.community)
