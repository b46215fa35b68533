// Explore: the ties (PAYS, SUPPLIES) between the given entities, under the same filters as the expansion.
// Params: $ids (entity ids), $eids (their elementIds, for membership without a property read), $since (ISO-8601 string or null), $minAmount (number or null, minor units).
// Returns: source, target, kind ('pays' | 'supplies'), total (minor units: PAYS.totalMinor, SUPPLIES.volumeMinor),
//          count (payments or invoices), currency, first, last.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:PAYS|SUPPLIES]->(b)
WHERE elementId(b) IN $eids
  AND ($minAmount IS NULL OR coalesce(r.totalMinor, r.volumeMinor, 0) >= $minAmount)
  AND ($since IS NULL OR coalesce(r.last, r.since) >= datetime($since))
RETURN a.id AS source, b.id AS target, toLower(type(r)) AS kind,
       coalesce(r.totalMinor, r.volumeMinor, 0) AS total, coalesce(r.count, r.invoices, 0) AS count, r.currency AS currency,
       coalesce(r.first, r.since) AS first, r.last AS last
