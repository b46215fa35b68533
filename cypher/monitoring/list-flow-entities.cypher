// Monitoring (after an ingest load): for every loan monitored by a complete run in service (the full
// graph's or a scope's), the entities its money passed through (the caller intersects them with the
// entities a load touched).
// Params: none.
// Returns: loanId, entities ([string]).
MATCH (r:MetricsRun {scopeCurrent: true, status: 'complete'})
MATCH (m:LoanMonitoring {runId: r.id})
RETURN m.loanId AS loanId, coalesce(m.flowEntities, []) AS entities
