// Audit: events newest first, filtered by key, entity and time range (null filters match everything).
// Params: $keyId, $entityId (string or null), $fromMs, $toMs (epoch ms or null; [from, to)), $limit (int).
// Returns: id, keyId, role, entityId, at (ISO), purpose, route, status, requestId.
MATCH (a:AuditEvent)
WHERE ($keyId IS NULL OR a.keyId = $keyId)
  AND ($entityId IS NULL OR a.entityId = $entityId)
  AND ($fromMs IS NULL OR a.at >= datetime({epochMillis: toInteger($fromMs)}))
  AND ($toMs IS NULL OR a.at < datetime({epochMillis: toInteger($toMs)}))
RETURN a.id AS id, a.keyId AS keyId, a.role AS role, a.entityId AS entityId, a.at AS at, a.purpose AS purpose,
       a.route AS route, a.status AS status, a.requestId AS requestId
ORDER BY a.at DESC
LIMIT $limit
