// Finds an active (not revoked) API key by the hash of its secret.
// Params: $hash (sha-256 hex). Returns: id, role, name (zero or one row).
MATCH (k:ApiKey {hash: $hash})
WHERE k.revokedAt IS NULL
RETURN k.id AS id, k.role AS role, k.name AS name
