// Checks the PAYS invariant under an id prefix: each PAYS equals what its PAID events say.
// Params: $prefix (string; '' = whole graph).
// Returns: checked (int, PAYS examined), mismatches (int, PAYS whose count/totalMinor/first/last differ).
MATCH (a:Entity)-[p:PAYS]->(b:Entity) WHERE a.id STARTS WITH $prefix
CALL (a, b) {
  MATCH (a)-[x:PAID]->(b)
  RETURN count(x) AS n, sum(x.amountMinor) AS minor, min(x.at) AS first, max(x.at) AS last
}
RETURN count(p) AS checked,
       count(CASE WHEN n <> p.count OR minor <> p.totalMinor OR first <> p.first OR last <> p.last THEN 1 END) AS mismatches
