// Explore: the communities of a run, ranked by the chosen measure (descending), then size and id.
// Params: $runId (string), $sort ('risk' | 'size' | 'defaultRate' | 'bad'), $minSize (int), $limit (int).
// Returns: total (communities of at least minSize), items [{id, size, bad, defaultRate, risk}] (at most $limit).
MATCH (c:Community {runId: $runId})
WHERE c.size >= $minSize
WITH c ORDER BY
  CASE $sort WHEN 'size' THEN c.size WHEN 'defaultRate' THEN c.defaultRate WHEN 'bad' THEN c.bad ELSE c.risk END DESC,
  c.size DESC, c.id
WITH collect({id: toString(toInteger(c.id)), size: c.size, bad: c.bad, defaultRate: c.defaultRate, risk: c.risk}) AS found
RETURN size(found) AS total, found[0..$limit] AS items
