// Schema: entities by kind
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE INDEX entity_kind IF NOT EXISTS FOR (e:Entity) ON (e.kind)
