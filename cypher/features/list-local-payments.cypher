// Local facts: every payment made or received by the focus entities, each event once (a payment between two
// focus entities comes from its payer's side only).
// Params: $ids ([string] focus entity ids).
// Returns: payer, payee (ids), at (epoch ms), amount (integer minor units), currency.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  MATCH (e)-[p:PAID]->(b:Entity)
  RETURN e.id AS payer, b.id AS payee, p.at.epochMillis AS at, p.amountMinor AS amount, p.currency AS currency
  UNION ALL
  MATCH (a:Entity)-[p:PAID]->(e)
  WHERE NOT a.id IN $ids
  RETURN a.id AS payer, e.id AS payee, p.at.epochMillis AS at, p.amountMinor AS amount, p.currency AS currency
}
RETURN payer, payee, at, amount, currency
