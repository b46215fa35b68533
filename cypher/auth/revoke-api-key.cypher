// Revokes an API key by id.
// Params: $id (string), $at (ISO string). Returns: id (zero rows when the key does not exist).
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, datetime($at))
RETURN k.id AS id
