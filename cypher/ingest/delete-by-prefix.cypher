// Deletes every Entity, Loan and Flag whose id starts with $prefix, every Identifier used only by such
// entities, the entities' EntityMetrics of every run and the monitoring results (LoanMonitoring,
// LoanAlert) of those loans, with their relationships (tests and benchmarks clean up what they loaded).
// Runs in auto-commit transactions of 5,000 nodes (identifiers first, while their users still show whose
// they are).
// Params: $prefix (string, must not be empty: the repository refuses ''). Returns: nothing.
CALL () {
  MATCH (e:Entity)-[:USES]->(i:Identifier) WHERE e.id STARTS WITH $prefix
    AND NOT EXISTS { MATCH (o:Entity)-[:USES]->(i) WHERE NOT o.id STARTS WITH $prefix }
  RETURN i AS n
  UNION
  MATCH (e:Entity)-[:HAS_METRICS]->(m:EntityMetrics) WHERE e.id STARTS WITH $prefix RETURN m AS n
  UNION
  MATCH (e:Entity) WHERE e.id STARTS WITH $prefix RETURN e AS n
  UNION
  MATCH (l:Loan) WHERE l.id STARTS WITH $prefix RETURN l AS n
  UNION
  MATCH (f:Flag) WHERE f.id STARTS WITH $prefix RETURN f AS n
  UNION
  MATCH (m:LoanMonitoring|LoanAlert) WHERE m.loanId STARTS WITH $prefix RETURN m AS n
}
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
