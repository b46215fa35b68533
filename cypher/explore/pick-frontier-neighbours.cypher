// Explore: one hop of the ego network's bounded best-first expansion. Ties are PAYS (totalMinor) and SUPPLIES
// (volumeMinor) in either direction. Each frontier entity offers only its $room strongest neighbours (by the
// summed amount of its ties to each; a bounded expansion: with the cap, no more than $room new nodes can be
// kept), and a neighbour's strength is the sum over the frontier entities that offer it. Ordering ties by elementId keeps the answer deterministic without reading the
// properties of neighbours that are cut; only the kept ones have their id read.
// Params: $frontier (elementIds of the last hop's entities), $seen (elementIds of the entities already kept,
//         frontier included), $room (how many more nodes fit under the cap, ≥ 1), $since (ISO-8601 string or
//         null: ties active since), $minAmount (number or null: minimum tie amount, minor units).
// Returns: one row per kept neighbour, strongest first (at most $room): id, eid (elementId), strength (minor units).
UNWIND $frontier AS feid
MATCH (a:Entity)
WHERE elementId(a) = feid
CALL (a) {
  MATCH (a)-[r:PAYS|SUPPLIES]-(b)
  WHERE NOT elementId(b) IN $seen
    AND ($minAmount IS NULL OR coalesce(r.totalMinor, r.volumeMinor, 0) >= $minAmount)
    AND ($since IS NULL OR coalesce(r.last, r.since) >= datetime($since))
  WITH b, sum(coalesce(r.totalMinor, r.volumeMinor, 0)) AS amount
  ORDER BY amount DESC
  LIMIT $room
  RETURN b, amount
}
WITH b, sum(amount) AS strength
ORDER BY strength DESC, elementId(b)
LIMIT $room
RETURN b.id AS id, elementId(b) AS eid, strength
