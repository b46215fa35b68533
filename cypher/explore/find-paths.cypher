// Explore: the shortest paths between two entities over PAYS and SUPPLIES ties (either direction),
// at most 6 hops (the literal bound; $maxHops narrows it), shortest first.
// Params: $from, $to (entity ids), $maxHops (1..6), $limit (int: paths to return before de-duplication).
// Returns: ids (entity ids along the path), hops [{source, target, kind, total, count}] in path order.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 8 (a)-[:PAYS|SUPPLIES]-{1,6}(b)
WHERE length(p) <= $maxHops
WITH p ORDER BY length(p) LIMIT $limit
RETURN [n IN nodes(p) | n.id] AS ids,
       [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, kind: toLower(type(r)),
         total: coalesce(r.totalMinor, r.volumeMinor, 0), count: coalesce(r.count, r.invoices, 0)}] AS hops
