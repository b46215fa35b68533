// Score (evaluation): the time of the latest dated fact (payment or rating) among entities with an id prefix.
// Params: $prefix ('' for all). Returns: latestMs (epoch ms or null).
CALL () {
  MATCH (a:Entity)-[p:PAID]->() WHERE a.id STARTS WITH $prefix RETURN max(p.at) AS at
  UNION ALL
  MATCH (a:Entity)-[r:RATED]->() WHERE a.id STARTS WITH $prefix RETURN max(r.at) AS at
}
WITH max(at) AS latest
RETURN CASE WHEN latest IS NULL THEN null ELSE latest.epochMillis END AS latestMs
