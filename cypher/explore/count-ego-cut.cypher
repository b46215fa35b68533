// Explore: what an ego network's cap left out: the distinct neighbours of the kept entities closer than the
// depth that were not kept, and the ties from kept entities to them (under the same filters as the expansion).
// Reads no node property; tie properties only when a filter is given.
// Params: $inner (elementIds of the kept entities closer to the centre than the depth), $eids (elementIds of
//         every kept entity), $since (ISO-8601 string or null), $minAmount (number or null, minor units).
// Returns: cutNodes, cutEdges.
UNWIND $inner AS eid
MATCH (a:Entity)
WHERE elementId(a) = eid
MATCH (a)-[r:PAYS|SUPPLIES]-(b)
WHERE NOT elementId(b) IN $eids
  AND ($minAmount IS NULL OR coalesce(r.totalMinor, r.volumeMinor, 0) >= $minAmount)
  AND ($since IS NULL OR coalesce(r.last, r.since) >= datetime($since))
RETURN count(DISTINCT b) AS cutNodes, count(r) AS cutEdges
