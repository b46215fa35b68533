// Local facts: when each counterparty of the focus entities was first active — its earliest payment (made or
// received, from the PAYS aggregates) or rating (given or received) over all its relationships — so its tenure
// is the same as a metrics run computes from the whole snapshot.
// Params: $ids ([string] counterparty ids).
// Returns: id, firstMs (epoch ms of the first payment or rating, or null when it has none).
UNWIND $ids AS id
MATCH (x:Entity {id: id})
CALL (x) {
  OPTIONAL MATCH (x)-[p:PAYS]-()
  RETURN min(p.first.epochMillis) AS paid
}
CALL (x) {
  OPTIONAL MATCH (x)-[r:RATED]-()
  RETURN min(r.at.epochMillis) AS rated
}
RETURN id, CASE WHEN paid IS NULL THEN rated WHEN rated IS NULL OR paid < rated THEN paid ELSE rated END AS firstMs
