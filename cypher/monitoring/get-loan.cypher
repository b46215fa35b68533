// Monitoring (after an ingest load): one loan with its borrower.
// Params: $id (string).
// Returns: id, borrower, lender, amountMinor, currency, openedAtMs, dueAtMs, closedAtMs, disbursedAtMs,
//   status (zero or one row).
MATCH (b:Entity)-[:BORROWED]->(l:Loan {id: $id})
RETURN l.id AS id, b.id AS borrower, l.lender AS lender, l.amountMinor AS amountMinor, l.currency AS currency,
       l.openedAt.epochMillis AS openedAtMs, l.dueAt.epochMillis AS dueAtMs, l.closedAt.epochMillis AS closedAtMs,
       l.disbursedAt.epochMillis AS disbursedAtMs, l.status AS status
LIMIT 1
