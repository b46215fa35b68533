// Schema: audit events by API key id (what did this key look at)
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE INDEX audit_event_key IF NOT EXISTS FOR (a:AuditEvent) ON (a.keyId)
