// Monitoring (after an ingest load): for every loan run $runId monitored, the entities its money
// passed through (the caller intersects them with the entities a load touched).
// Params: $runId (string).
// Returns: loanId, entities ([string]).
MATCH (m:LoanMonitoring {runId: $runId})
RETURN m.loanId AS loanId, coalesce(m.flowEntities, []) AS entities
