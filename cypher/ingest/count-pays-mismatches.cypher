// Checks the PAYS invariant under an id prefix, per currency: each PAYS {currency} equals what the PAID
// events of its payer, payee and currency say, every (payer, payee, currency) of PAID events has exactly
// one PAYS, and no PAYS is of the old mixed-currency shape.
// Params: $prefix (string; '' = whole graph).
// Returns: checked (int, PAYS examined), mismatches (int, PAYS whose count/totalMinor/first/last differ from
//          their PAID events, plus PAID groups without exactly one PAYS, plus PAYS marked mixedCurrency).
MATCH (a:Entity)-[p:PAYS]->(b:Entity) WHERE a.id STARTS WITH $prefix
CALL (a, b, p) {
  MATCH (a)-[x:PAID]->(b) WHERE x.currency = p.currency
  RETURN count(x) AS n, sum(x.amountMinor) AS minor, min(x.at) AS first, max(x.at) AS last
}
WITH count(p) AS checked,
     count(CASE WHEN n <> p.count OR minor <> p.totalMinor OR first <> p.first OR last <> p.last
                     OR p.mixedCurrency IS NOT NULL THEN 1 END) AS differing
CALL () {
  MATCH (a:Entity)-[x:PAID]->(b:Entity) WHERE a.id STARTS WITH $prefix
  WITH a, b, x.currency AS currency, count(*) AS events
  WHERE COUNT { (a)-[:PAYS {currency: currency}]->(b) } <> 1
  RETURN count(*) AS uncovered
}
RETURN checked, differing + uncovered AS mismatches
