// Erasure: whether an entity exists, and how many facts hang on it (to size the batched deletes).
// Params: $id (entity id).
// Returns: one row {id, relationships (int)} when it exists; no row otherwise.
MATCH (e:Entity {id: $id})
RETURN e.id AS id, COUNT { (e)--() } AS relationships
