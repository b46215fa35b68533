// Migration check: Identifiers still stored under the old rules (the clear value in `id`) whose value starts
// with $prefix, and identifiers used under $prefix that link more than $maxGroup entities without being marked.
// Params: $prefix (string, '' = all), $maxGroup (int).
// Returns: clear (int), unmarkedOverShared (int).
CALL () {
  MATCH (i:Identifier) WHERE i.id IS NOT NULL AND i.id STARTS WITH $prefix
  RETURN count(i) AS clear
}
CALL () {
  MATCH (e:Entity)-[:USES]->(i:Identifier)
  WHERE e.id STARTS WITH $prefix AND i.overShared IS NULL
  WITH DISTINCT i
  WHERE COUNT { (i)<-[:USES]-() } > $maxGroup
  RETURN count(i) AS unmarkedOverShared
}
RETURN clear, unmarkedOverShared
