// Schema: audit events by entity (who looked at this entity)
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE INDEX audit_event_entity IF NOT EXISTS FOR (a:AuditEvent) ON (a.entityId)
