// Erasure: one batch of the nodes that belong to the entity alone: the monitoring results and alerts of
// the loans it borrowed, then those loans, its flags, its EntityMetrics of every run, and the identifiers
// no other entity uses (shared identifiers stay, without this entity's link). Called in a loop until it
// returns 0 (a loan goes once its monitoring nodes are gone).
// Params: $id (entity id), $batch (int, nodes per transaction).
// Returns: done (int, nodes deleted in this batch).
MATCH (e:Entity {id: $id})
CALL (e) {
  MATCH (e)-[:BORROWED]->(:Loan)-[:HAS_MONITORING|HAS_ALERT]->(x)
  RETURN x AS n
  UNION
  MATCH (e)-[:BORROWED]->(l:Loan) WHERE NOT EXISTS { (l)-[:HAS_MONITORING|HAS_ALERT]->() }
  RETURN l AS n
  UNION
  MATCH (e)-[:FLAGGED]->(f:Flag)
  RETURN f AS n
  UNION
  MATCH (e)-[:HAS_METRICS]->(m:EntityMetrics)
  RETURN m AS n
  UNION
  MATCH (e)-[:USES]->(i:Identifier) WHERE COUNT { (i)<-[:USES]-() } = 1
  RETURN i AS n
}
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS done
