// Local facts: the flags and loans of the given entities (focus entities and their counterparties: what
// decides whether each is "bad").
// Params: $ids ([string] entity ids).
// Returns: kind ('flag'|'loan'), entity (id), and for a flag atMs, reason; for a loan id, lender, amountMinor,
//   currency, openedAtMs, dueAtMs, closedAtMs, disbursedAtMs, status (other columns null).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  MATCH (e)-[:FLAGGED]->(f:Flag)
  RETURN 'flag' AS kind, f.at.epochMillis AS atMs, f.reason AS reason, null AS loan
  UNION ALL
  MATCH (e)-[:BORROWED]->(l:Loan)
  RETURN 'loan' AS kind, null AS atMs, null AS reason,
         {id: l.id, lender: l.lender, amountMinor: l.amountMinor, currency: l.currency,
          openedAtMs: l.openedAt.epochMillis, dueAtMs: l.dueAt.epochMillis, closedAtMs: l.closedAt.epochMillis,
          disbursedAtMs: l.disbursedAt.epochMillis, status: l.status} AS loan
}
RETURN kind, e.id AS entity, atMs, reason, loan
