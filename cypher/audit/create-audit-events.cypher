// Audit: append a batch of audit events (one per entity looked up by a score request).
// Params: $rows: [{id, keyId, role, entityId, atMs, purpose, route, status, requestId}].
// Returns: written (int).
UNWIND $rows AS row
CREATE (:AuditEvent {id: row.id, keyId: row.keyId, role: row.role, entityId: row.entityId,
                     at: datetime({epochMillis: toInteger(row.atMs)}), purpose: row.purpose, route: row.route,
                     status: toInteger(row.status), requestId: row.requestId})
RETURN count(*) AS written
