// Ingest: upsert a batch of loans (keyed by id; status and closedAt may change between loads). A loan id
// that already belongs to another borrower is refused (a conflict), never moved.
// Params: $rows: [{id, borrower, amountMinor, amount, currency, openedAtMs, dueAtMs, status, closedAtMs}],
//         ids unique in the batch.
// Returns: written (int), conflicts ([{key, kind: 'owner', existing: borrower id}]; those rows change nothing).
// A missing borrower becomes a minimal Entity; a loan has exactly one BORROWED.
UNWIND $rows AS row
OPTIONAL MATCH (owner:Entity)-[:BORROWED]->(:Loan {id: row.id})
WITH row, [o IN collect(owner.id) WHERE o <> row.borrower] AS others
WITH collect(CASE WHEN size(others) > 0 THEN {key: row.id, kind: 'owner', existing: others[0]} END) AS conflicts,
     collect(CASE WHEN size(others) = 0 THEN row END) AS accepted
CALL (accepted) {
  UNWIND accepted AS row
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
}
RETURN size(accepted) AS written, conflicts
