// Compares the PAYS aggregates loaded under two id prefixes pair by pair (the same file loaded twice:
// ids equal once the prefix is stripped). Every PAYS under $prefixA is looked up under $prefixB.
// Params: $prefixA (string), $prefixB (string).
// Returns: checked (int, PAYS under prefixA), missing (int, pairs with no PAYS under prefixB),
//          different (int, pairs whose count, totalMinor, first, last or currency differ).
MATCH (a:Entity)-[p:PAYS]->(b:Entity) WHERE a.id STARTS WITH $prefixA
OPTIONAL MATCH (a2:Entity {id: $prefixB + substring(a.id, size($prefixA))})-[q:PAYS]->
               (b2:Entity {id: $prefixB + substring(b.id, size($prefixA))})
RETURN count(p) AS checked,
       count(CASE WHEN q IS NULL THEN 1 END) AS missing,
       count(CASE WHEN q IS NOT NULL AND (q.count <> p.count OR q.totalMinor <> p.totalMinor OR q.first <> p.first
                  OR q.last <> p.last OR q.currency <> p.currency) THEN 1 END) AS different
