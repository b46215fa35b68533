// Erasure: loans the entity lent stay (they are their borrowers' facts) but forget their lender: one batch
// of LENT relationships removed and the loans' `lender` property cleared.
// Params: $id (entity id), $batch (int, relationships per transaction).
// Returns: done (int, loans detached in this batch; 0 = none left).
MATCH (:Entity {id: $id})-[r:LENT]->(l:Loan)
WITH r, l LIMIT $batch
REMOVE l.lender
DELETE r
RETURN count(r) AS done
