// Deletes an API key by id (tests clean up the keys they made).
// Params: $id (string). Returns: nothing.
MATCH (k:ApiKey {id: $id})
DELETE k
