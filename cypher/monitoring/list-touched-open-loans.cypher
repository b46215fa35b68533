// Monitoring (after an ingest load): the open loans (status current or late, not closed) whose borrower
// or lender is among the touched entities.
// Params: $ids ([string] touched entity ids).
// Returns: loanId (distinct).
UNWIND $ids AS id
MATCH (:Entity {id: id})-[:BORROWED|LENT]-(l:Loan)
WHERE l.status IN ['current', 'late'] AND l.closedAt IS NULL
RETURN DISTINCT l.id AS loanId
