// Ingest: upsert a batch of flags (keyed by id) and the FLAGGED link from the flagged entity. A flag id
// that already belongs to another entity is refused (a conflict), never moved.
// Params: $rows: [{id, entity, reason, atMs, source}], ids unique in the batch.
// Returns: written (int), conflicts ([{key, kind: 'owner', existing: entity id}]; those rows change nothing).
// A missing entity becomes a minimal Entity {kind: 'unknown', minimal: true}.
UNWIND $rows AS row
OPTIONAL MATCH (owner:Entity)-[:FLAGGED]->(:Flag {id: row.id})
WITH row, [o IN collect(owner.id) WHERE o <> row.entity] AS others
WITH collect(CASE WHEN size(others) > 0 THEN {key: row.id, kind: 'owner', existing: others[0]} END) AS conflicts,
     collect(CASE WHEN size(others) = 0 THEN row END) AS accepted
CALL (accepted) {
  UNWIND accepted AS row
  MERGE (e:Entity {id: row.entity})
    ON CREATE SET e.kind = 'unknown', e.minimal = true
  MERGE (f:Flag {id: row.id})
  SET f.reason = row.reason, f.at = datetime({epochMillis: toInteger(row.atMs)}), f.source = row.source
  MERGE (e)-[:FLAGGED]->(f)
}
RETURN size(accepted) AS written, conflicts
