// Erasure: one batch of the entity's relationships to other entities — PAID payments and the PAYS
// aggregates of its pairs (both directions, every currency), RATED, SUPPLIES, OWNS, DIRECTS. PAYS is per
// (payer, payee, currency), so a pair with the erased entity disappears whole and every other pair's
// aggregate, which only its own PAID events make up, is unchanged. Called in a loop until it returns 0, so
// a hub with millions of payments never holds them all in one transaction.
// Params: $id (entity id), $batch (int, relationships per transaction).
// Returns: done (int, relationships deleted in this batch).
MATCH (:Entity {id: $id})-[r:PAID|PAYS|RATED|SUPPLIES|OWNS|DIRECTS]-(:Entity)
WITH r LIMIT $batch
DELETE r
RETURN count(r) AS done
