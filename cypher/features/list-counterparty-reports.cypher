// Local facts: the ratings the focus entities' counterparties received from anyone outside the focus set
// (the focus entities' own ratings of them come with list-local-ratings), so whether a counterparty is
// "bad" by its reports is decided on all of them.
// Params: $ids ([string] counterparty ids), $focus ([string] focus entity ids).
// Returns: rater, ratee (ids), rating (int −10..10), at (epoch ms).
UNWIND $ids AS id
MATCH (x:Entity {id: id})<-[r:RATED]-(y:Entity)
WHERE NOT y.id IN $focus
RETURN y.id AS rater, x.id AS ratee, r.rating AS rating, r.at.epochMillis AS at
