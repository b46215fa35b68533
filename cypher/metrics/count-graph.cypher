// Metrics: what a refresh of the whole graph reads, for its memory and time estimate. Every count comes
// from Neo4j's count store (a label or one relationship type, no filter), so it answers in constant time.
// Params: none.
// Returns: entities, pays, supplies, rated, paid, loans, flags (ints).
CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () { MATCH ()-[r:PAYS]->() RETURN count(r) AS pays }
CALL () { MATCH ()-[r:SUPPLIES]->() RETURN count(r) AS supplies }
CALL () { MATCH ()-[r:RATED]->() RETURN count(r) AS rated }
CALL () { MATCH ()-[r:PAID]->() RETURN count(r) AS paid }
CALL () { MATCH (l:Loan) RETURN count(l) AS loans }
CALL () { MATCH (f:Flag) RETURN count(f) AS flags }
RETURN entities, pays, supplies, rated, paid, loans, flags
