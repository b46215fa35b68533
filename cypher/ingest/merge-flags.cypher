// Ingest: upsert a batch of flags (keyed by id) and the FLAGGED link from the flagged entity.
// Params: $rows: [{id, entity, reason, atMs, source}].
// Returns: written (int). A missing entity becomes a minimal Entity {kind: 'unknown', minimal: true}.
UNWIND $rows AS row
MERGE (e:Entity {id: row.entity})
  ON CREATE SET e.kind = 'unknown', e.minimal = true
MERGE (f:Flag {id: row.id})
SET f.reason = row.reason, f.at = datetime({epochMillis: toInteger(row.atMs)}), f.source = row.source
MERGE (e)-[:FLAGGED]->(f)
WITH e, f
CALL (e, f) {
  MATCH (other:Entity)-[stale:FLAGGED]->(f) WHERE other <> e
  DELETE stale
}
RETURN count(*) AS written
