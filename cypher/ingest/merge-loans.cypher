// Ingest: upsert a batch of loans (keyed by id; status, closedAt and disbursedAt may change between loads),
// with the borrower's BORROWED and, when given, the lender's LENT. A loan id that already belongs to another
// borrower, or already has another lender, is refused (a conflict), never moved.
// Params: $rows: [{id, borrower, amountMinor, amount, currency, openedAtMs, dueAtMs, status, closedAtMs,
//         lender (entity id or null), disbursedAtMs (or null)}], ids unique in the batch.
// Returns: written (int), conflicts ([{key, kind: 'owner' | 'lender', existing: entity id}]; those rows change nothing).
// A missing borrower or lender becomes a minimal Entity; a loan has exactly one BORROWED and at most one LENT.
// A row without lender or disbursedAt leaves the stored ones as they are.
UNWIND $rows AS row
OPTIONAL MATCH (owner:Entity)-[:BORROWED]->(:Loan {id: row.id})
WITH row, [o IN collect(owner.id) WHERE o <> row.borrower] AS others
OPTIONAL MATCH (lent:Entity)-[:LENT]->(:Loan {id: row.id})
WITH row, others, [x IN collect(lent.id) WHERE row.lender IS NOT NULL AND x <> row.lender] AS lenders
WITH collect(CASE WHEN size(others) > 0 THEN {key: row.id, kind: 'owner', existing: others[0]}
                  WHEN size(lenders) > 0 THEN {key: row.id, kind: 'lender', existing: lenders[0]} END) AS conflicts,
     collect(CASE WHEN size(others) = 0 AND size(lenders) = 0 THEN row END) AS accepted
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
      l.closedAt = CASE WHEN row.closedAtMs IS NULL THEN null ELSE datetime({epochMillis: toInteger(row.closedAtMs)}) END,
      l.disbursedAt = CASE WHEN row.disbursedAtMs IS NULL THEN l.disbursedAt
                           ELSE datetime({epochMillis: toInteger(row.disbursedAtMs)}) END,
      l.lender = coalesce(row.lender, l.lender)
  MERGE (e)-[:BORROWED]->(l)
  WITH row, l WHERE row.lender IS NOT NULL
  MERGE (lender:Entity {id: row.lender})
    ON CREATE SET lender.kind = 'unknown', lender.minimal = true
  MERGE (lender)-[:LENT]->(l)
}
RETURN size(accepted) AS written, conflicts
