// Ingest: a batch of person→business links, OWNS or DIRECTS by the row's role.
// Params: $rows: [{person, business, role: 'owns'|'directs', sinceMs}].
// Returns: written (int). Missing entities become minimal Entity {kind: 'unknown', minimal: true}.
UNWIND $rows AS row
MERGE (p:Entity {id: row.person})
  ON CREATE SET p.kind = 'unknown', p.minimal = true
MERGE (b:Entity {id: row.business})
  ON CREATE SET b.kind = 'unknown', b.minimal = true
WITH row, p, b, CASE WHEN row.sinceMs IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.sinceMs)}) END AS since
FOREACH (_ IN CASE WHEN row.role = 'owns' THEN [1] ELSE [] END |
  MERGE (p)-[r:OWNS]->(b) SET r.since = since)
FOREACH (_ IN CASE WHEN row.role = 'directs' THEN [1] ELSE [] END |
  MERGE (p)-[r:DIRECTS]->(b) SET r.since = since)
RETURN count(*) AS written
