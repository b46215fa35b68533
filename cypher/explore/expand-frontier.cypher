// Explore: one hop of the ego network's best-first expansion. Ties are PAYS (totalMinor) and SUPPLIES
// (volumeMinor) in either direction; a neighbour's strength is the summed amount of its ties to the frontier.
// Params: $frontier (entity ids of the last hop), $seen (elementIds of the entities already kept, frontier
//         included: compared without reading a property),
//         $room (how many more nodes fit under the cap), $since (ISO-8601 string or null: ties active since),
//         $minAmount (number or null: minimum tie amount, minor units).
// Returns: picked [{id, eid, strength}] (strongest first, at most $room), found (neighbours matching the filters),
//          cutEdges (ties from the frontier to the neighbours left out).
UNWIND $frontier AS fid
MATCH (a:Entity {id: fid})-[r:PAYS|SUPPLIES]-(b)
WHERE NOT elementId(b) IN $seen
  AND ($minAmount IS NULL OR coalesce(r.totalMinor, r.volumeMinor, 0) >= $minAmount)
  AND ($since IS NULL OR coalesce(r.last, r.since) >= datetime($since))
WITH b, sum(coalesce(r.totalMinor, r.volumeMinor, 0)) AS strength, count(r) AS ties
ORDER BY strength DESC, b.id
WITH collect({b: b, strength: strength, ties: ties}) AS candidates
RETURN [c IN candidates[0..$room] | {id: c.b.id, eid: elementId(c.b), strength: c.strength}] AS picked,
       size(candidates) AS found,
       reduce(s = 0, c IN candidates[$room..] | s + c.ties) AS cutEdges
