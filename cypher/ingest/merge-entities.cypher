// Ingest: upsert a batch of entities; a record replaces the optional fields and clears `minimal`.
// Params: $rows: [{id, kind, sector, region, openedAtMs}] (openedAtMs epoch ms or null).
// Returns: written (int).
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e.kind = row.kind,
    e.sector = row.sector,
    e.region = row.region,
    e.openedAt = CASE WHEN row.openedAtMs IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.openedAtMs)}) END,
    e.minimal = null
RETURN count(*) AS written
