// Audit: events newest first (ties by id, descending), filtered by key, entity and time range, after a cursor.
// Params: $keyId, $entityId (string or null), $fromMs, $toMs (epoch ms or null; [from, to)),
//   $afterMs, $afterId (the cursor: the last event of the previous page, or null), $limit (int).
// Returns: id, keyId, role, entityId, at (ISO), purpose, kind, route, status, requestId.
MATCH (a:AuditEvent)
WHERE ($keyId IS NULL OR a.keyId = $keyId)
  AND ($entityId IS NULL OR a.entityId = $entityId)
  AND ($fromMs IS NULL OR a.at >= datetime({epochMillis: toInteger($fromMs)}))
  AND ($toMs IS NULL OR a.at < datetime({epochMillis: toInteger($toMs)}))
  AND ($afterMs IS NULL OR a.at < datetime({epochMillis: toInteger($afterMs)})
       OR (a.at = datetime({epochMillis: toInteger($afterMs)}) AND a.id < $afterId))
RETURN a.id AS id, a.keyId AS keyId, a.role AS role, a.entityId AS entityId, a.at AS at, a.purpose AS purpose,
       coalesce(a.kind, '') AS kind, a.route AS route, a.status AS status, a.requestId AS requestId
ORDER BY a.at DESC, a.id DESC
LIMIT $limit
