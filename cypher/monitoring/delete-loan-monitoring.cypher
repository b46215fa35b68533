// Monitoring (after an ingest load): remove what run $runId holds for loans that are no longer open.
// Params: $runId (string), $loanIds ([string]).
// Returns: deleted (int, nodes).
UNWIND $loanIds AS loanId
MATCH (:Loan {id: loanId})-[:HAS_MONITORING|HAS_ALERT]->(x {runId: $runId})
DETACH DELETE x
RETURN count(*) AS deleted
