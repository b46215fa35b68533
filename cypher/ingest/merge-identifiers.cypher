// Ingest: a batch of "entity uses identifier" links; the Identifier is unique by key '<type>:<value>'.
// Params: $rows: [{entity, type, value, key}].
// Returns: written (int). A missing entity becomes a minimal Entity {kind: 'unknown', minimal: true}.
UNWIND $rows AS row
MERGE (e:Entity {id: row.entity})
  ON CREATE SET e.kind = 'unknown', e.minimal = true
MERGE (i:Identifier {key: row.key})
  ON CREATE SET i.id = row.value, i.type = row.type
MERGE (e)-[:USES]->(i)
RETURN count(*) AS written
