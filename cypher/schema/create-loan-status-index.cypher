// Schema: loans by status
// Params: none. Returns: nothing. Idempotent (IF NOT EXISTS).
CREATE INDEX loan_status IF NOT EXISTS FOR (l:Loan) ON (l.status)
