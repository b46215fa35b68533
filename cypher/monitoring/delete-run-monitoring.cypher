// Monitoring: delete up to $limit monitoring results (LoanMonitoring, LoanAlert) of a run; call until 0
// (benchmarks clean up what they wrote; a metrics run's retention deletes them with its other results).
// Params: $runId (string), $limit (int).
// Returns: deleted (int).
MATCH (x:LoanMonitoring|LoanAlert {runId: $runId})
WITH x LIMIT toInteger($limit)
DETACH DELETE x
RETURN count(*) AS deleted
