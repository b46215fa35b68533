// Monitoring (after an ingest load): payment events (PAID) of some entities within a time window —
// those they made, and with $incoming also those they received.
// Params: $ids ([string] entity ids), $fromMs, $toMs (epoch ms, inclusive), $incoming (bool).
// Returns: id, payer, payee, atMs, amountMinor, currency (one row per event).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  MATCH (e)-[p:PAID]->(x:Entity)
  WHERE p.at >= datetime({epochMillis: toInteger($fromMs)}) AND p.at <= datetime({epochMillis: toInteger($toMs)})
  RETURN p, e.id AS payer, x.id AS payee
  UNION
  MATCH (x:Entity)-[p:PAID]->(e)
  WHERE $incoming AND p.at >= datetime({epochMillis: toInteger($fromMs)}) AND p.at <= datetime({epochMillis: toInteger($toMs)})
  RETURN p, x.id AS payer, e.id AS payee
}
WITH DISTINCT p, payer, payee
RETURN p.id AS id, payer, payee, p.at.epochMillis AS atMs, p.amountMinor AS amountMinor, p.currency AS currency
