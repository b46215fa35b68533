// Metrics: write one batch of rings of a run (payment cycles and shared-identifier groups), keyed by
// '<runId>:<id>'.
// Params: $runId (string), $rows ([{id, kind: 'cycle'|'shared-identifier', members: [entity id], size,
//   bad, risk, amountMinor (cycle, else null), spanMs (cycle, else null), identifiers (shared, else null)}]).
// Returns: written (int).
UNWIND $rows AS row
MERGE (g:Ring {key: $runId + ':' + row.id})
SET g.id = row.id, g.runId = $runId, g.kind = row.kind, g.members = row.members, g.size = row.size,
    g.bad = row.bad, g.risk = row.risk, g.amountMinor = row.amountMinor, g.spanMs = row.spanMs,
    g.identifiers = row.identifiers
RETURN count(g) AS written
