// Snapshot: every payment event (PAID) within the scope, packed per payer (one row per paying entity).
// Params: $prefix (string, '' = every entity).
// Returns: payer (id), payees ([id]), at ([epoch ms]), amount ([integer minor units]), currency ([ISO 4217]);
//   the four lists are parallel, in no particular order.
MATCH (a:Entity)
WHERE a.id STARTS WITH $prefix
CALL (a) {
  MATCH (a)-[p:PAID]->(b:Entity)
  WHERE b.id STARTS WITH $prefix
  RETURN collect(b.id) AS payees, collect(p.at.epochMillis) AS at, collect(p.amountMinor) AS amount,
         collect(p.currency) AS currency
}
WITH a, payees, at, amount, currency
WHERE size(payees) > 0
RETURN a.id AS payer, payees, at, amount, currency
