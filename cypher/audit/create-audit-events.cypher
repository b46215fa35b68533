// Audit: append a batch of audit events (one per entity a request read), one group commit.
// Params: $rows: [{id, keyId, role, entityId, atMs, purpose, kind, route, status, requestId}].
// Returns: written (int).
UNWIND $rows AS row
CREATE (:AuditEvent {id: row.id, keyId: row.keyId, role: row.role, entityId: row.entityId,
                     at: datetime({epochMillis: toInteger(row.atMs)}), purpose: row.purpose, kind: row.kind,
                     route: row.route, status: toInteger(row.status), requestId: row.requestId})
RETURN count(*) AS written
