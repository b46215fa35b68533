// Ingest: upsert a batch of loans (keyed by id; status and closedAt may change between loads).
// Params: $rows: [{id, borrower, amountMinor, amount, currency, openedAtMs, dueAtMs, status, closedAtMs}].
// Returns: written (int). A missing borrower becomes a minimal Entity; a loan has exactly one BORROWED.
UNWIND $rows AS row
MERGE (e:Entity {id: row.borrower})
  ON CREATE SET e.kind = 'unknown', e.minimal = true
MERGE (l:Loan {id: row.id})
SET l.amountMinor = toInteger(row.amountMinor),
    l.amount = row.amount,
    l.currency = row.currency,
    l.openedAt = datetime({epochMillis: toInteger(row.openedAtMs)}),
    l.dueAt = datetime({epochMillis: toInteger(row.dueAtMs)}),
    l.status = row.status,
    l.closedAt = CASE WHEN row.closedAtMs IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.closedAtMs)}) END
MERGE (e)-[:BORROWED]->(l)
WITH e, l
CALL (e, l) {
  MATCH (other:Entity)-[stale:BORROWED]->(l) WHERE other <> e
  DELETE stale
}
RETURN count(*) AS written
