// Erasure: the entity node itself, after its facts: one batch of whatever relationships remain (shared
// identifiers' USES, and any other), and the node once none is left.
// Params: $id (entity id), $batch (int, relationships per transaction).
// Returns: done (int, relationships and nodes deleted in this batch; 0 = the entity is gone).
MATCH (e:Entity {id: $id})
OPTIONAL MATCH (e)-[r]-()
WITH e, r LIMIT $batch
WITH e, collect(r) AS rels
FOREACH (r IN rels | DELETE r)
WITH e, size(rels) AS deleted
CALL (e, deleted) {
  WITH e WHERE deleted = 0
  DELETE e
}
RETURN CASE WHEN deleted = 0 THEN 1 ELSE deleted END AS done
