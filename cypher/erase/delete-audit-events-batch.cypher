// Erasure: one batch of the audit events about the entity (its lookups); the erasure's tombstone replaces them.
// Params: $id (entity id), $batch (int, events per transaction).
// Returns: done (int, events deleted in this batch).
MATCH (a:AuditEvent {entityId: $id})
WITH a LIMIT $batch
DELETE a
RETURN count(a) AS done
