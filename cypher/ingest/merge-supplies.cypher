// Ingest: upsert a batch of supply links supplier→buyer (one SUPPLIES per pair; a record replaces its fields).
// Params: $rows: [{supplier, buyer, sinceMs, volumeMinor, volume, currency, invoices}].
// Returns: written (int). Missing entities become minimal Entity {kind: 'unknown', minimal: true}.
UNWIND $rows AS row
MERGE (s:Entity {id: row.supplier})
  ON CREATE SET s.kind = 'unknown', s.minimal = true
MERGE (b:Entity {id: row.buyer})
  ON CREATE SET b.kind = 'unknown', b.minimal = true
MERGE (s)-[r:SUPPLIES]->(b)
SET r.since = datetime({epochMillis: toInteger(row.sinceMs)}),
    r.volumeMinor = CASE WHEN row.volumeMinor IS NULL THEN null ELSE toInteger(row.volumeMinor) END,
    r.volume = row.volume,
    r.currency = row.currency,
    r.invoices = CASE WHEN row.invoices IS NULL THEN null ELSE toInteger(row.invoices) END
RETURN count(*) AS written
