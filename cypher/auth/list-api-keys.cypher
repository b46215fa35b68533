// Lists API keys (never their hashes).
// Params: none. Returns: id, role, name, createdAt, revokedAt.
MATCH (k:ApiKey)
RETURN k.id AS id, k.role AS role, k.name AS name, toString(k.createdAt) AS createdAt, toString(k.revokedAt) AS revokedAt
ORDER BY k.createdAt
