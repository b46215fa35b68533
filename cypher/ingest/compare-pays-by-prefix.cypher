// Compares the PAYS aggregates loaded under two id prefixes pair by pair and currency by currency (the
// same file loaded twice: ids equal once the prefix is stripped). Every PAYS under $prefixA is looked up
// under $prefixB with the same currency.
// Params: $prefixA (string), $prefixB (string).
// Returns: checked (int, PAYS under prefixA), missing (int, PAYS with no PAYS of the same pair and currency
//          under prefixB), different (int, PAYS whose count, totalMinor, first or last differ).
MATCH (a:Entity)-[p:PAYS]->(b:Entity) WHERE a.id STARTS WITH $prefixA
OPTIONAL MATCH (a2:Entity {id: $prefixB + substring(a.id, size($prefixA))})-[q:PAYS {currency: p.currency}]->
               (b2:Entity {id: $prefixB + substring(b.id, size($prefixA))})
RETURN count(p) AS checked,
       count(CASE WHEN q IS NULL THEN 1 END) AS missing,
       count(CASE WHEN q IS NOT NULL AND (q.count <> p.count OR q.totalMinor <> p.totalMinor OR q.first <> p.first
                  OR q.last <> p.last) THEN 1 END) AS different
