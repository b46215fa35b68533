// Snapshot: every loan of a borrower within the scope.
// Params: $prefix (string, '' = every entity).
// Returns: id, borrower (id), lender (id or null), amountMinor (int), currency, openedAtMs, dueAtMs,
//   closedAtMs (or null), disbursedAtMs (or null), status ('current'|'late'|'defaulted'|'repaid').
MATCH (e:Entity)-[:BORROWED]->(l:Loan)
WHERE e.id STARTS WITH $prefix
RETURN l.id AS id, e.id AS borrower, l.lender AS lender, l.amountMinor AS amountMinor, l.currency AS currency,
       l.openedAt.epochMillis AS openedAtMs, l.dueAt.epochMillis AS dueAtMs, l.closedAt.epochMillis AS closedAtMs,
       l.disbursedAt.epochMillis AS disbursedAtMs, l.status AS status
