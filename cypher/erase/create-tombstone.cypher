// Erasure: the audit's tombstone of an erased entity: who, when, why, and a hash of its id (never the id).
// Params: $row {id, keyId, role, entityHash, atMs, reason, route, requestId}.
// Returns: id (string).
CREATE (a:AuditEvent {id: $row.id, kind: 'erasure', keyId: $row.keyId, role: $row.role,
                      entityId: 'erased:' + $row.entityHash, entityHash: $row.entityHash,
                      at: datetime({epochMillis: toInteger($row.atMs)}), purpose: 'erasure',
                      reason: $row.reason, route: $row.route, status: 200, requestId: $row.requestId})
RETURN a.id AS id
