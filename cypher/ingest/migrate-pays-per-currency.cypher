// Migration (idempotent): PAYS of the old shape become PAYS per payer, payee and currency. A pair marked
// mixedCurrency (its totals added minor units of different currencies) is replaced by one PAYS per
// currency recomputed from its PAID events; every old PAYS loses the obsolete `scale` and `mixedCurrency`.
// Runs in auto-commit batches of 5,000 PAYS; a second run finds nothing to do.
// Params: $prefix (string; '' = whole graph), $scales (map: currency → 10^exponent where it is not 100).
// Returns: nothing.
MATCH (a:Entity)-[p:PAYS]->(b:Entity)
WHERE a.id STARTS WITH $prefix AND (p.scale IS NOT NULL OR p.mixedCurrency IS NOT NULL)
CALL (a, b, p) {
  WITH a, b, p, coalesce(p.mixedCurrency, false) AS mixed
  REMOVE p.scale, p.mixedCurrency
  WITH a, b, p, mixed WHERE mixed
  DELETE p
  WITH DISTINCT a, b
  MATCH (a)-[x:PAID]->(b)
  WITH a, b, x.currency AS currency, count(x) AS n, sum(x.amountMinor) AS minor, min(x.at) AS first, max(x.at) AS last
  MERGE (a)-[q:PAYS {currency: currency}]->(b)
  SET q.count = n, q.totalMinor = minor, q.first = first, q.last = last,
      q.total = toFloat(minor) / coalesce($scales[currency], 100)
} IN TRANSACTIONS OF 5000 ROWS
