// Metrics: write one batch of communities of a run, keyed by '<runId>:<id>'.
// Params: $runId (string), $rows ([{id, size, bad, defaultRate, risk}]).
// Returns: written (int).
UNWIND $rows AS row
MERGE (c:Community {key: $runId + ':' + toString(row.id)})
SET c.id = row.id, c.runId = $runId, c.size = row.size, c.bad = row.bad,
    c.defaultRate = row.defaultRate, c.risk = row.risk
RETURN count(c) AS written
