// Erasure: nodes of derived and service labels whose string or string-list properties contain the id
// (a superset: the caller keeps only whole-id matches) — other entities' EntityMetrics (evidence JSON,
// nearestBad, viaBad…), rings, communities, loan monitoring results and alerts (paths, flow JSON, lender),
// loans, flags, metrics runs and audit events.
// Params: $id (entity id).
// Returns: ref (elementId), props ([{key, value}] of the properties that contain the id).
CALL () {
  MATCH (n:EntityMetrics) RETURN n
  UNION ALL MATCH (n:Ring) RETURN n
  UNION ALL MATCH (n:Community) RETURN n
  UNION ALL MATCH (n:LoanMonitoring) RETURN n
  UNION ALL MATCH (n:LoanAlert) RETURN n
  UNION ALL MATCH (n:Loan) RETURN n
  UNION ALL MATCH (n:Flag) RETURN n
  UNION ALL MATCH (n:MetricsRun) RETURN n
  UNION ALL MATCH (n:AuditEvent) RETURN n
}
WITH n, [k IN keys(n) WHERE (n[k] IS :: STRING AND n[k] CONTAINS $id)
          OR (n[k] IS :: LIST<STRING NOT NULL> AND any(x IN n[k] WHERE x CONTAINS $id))] AS named
WHERE size(named) > 0
RETURN elementId(n) AS ref, [k IN named | {key: k, value: n[k]}] AS props
