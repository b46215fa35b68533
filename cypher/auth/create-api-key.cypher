// Stores a new API key (only the hash of its secret).
// Params: $id (string), $hash (sha-256 hex), $role ('lender'|'analyst'|'admin'), $name (string), $createdAt (ISO string).
// Returns: id, role, name, createdAt.
CREATE (k:ApiKey {id: $id, hash: $hash, role: $role, name: $name, createdAt: datetime($createdAt)})
RETURN k.id AS id, k.role AS role, k.name AS name, toString(k.createdAt) AS createdAt
