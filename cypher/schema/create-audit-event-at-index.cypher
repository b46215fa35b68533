// Schema: audit events by time (GET /v1/audit reads newest first)
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE INDEX audit_event_at IF NOT EXISTS FOR (a:AuditEvent) ON (a.at)
