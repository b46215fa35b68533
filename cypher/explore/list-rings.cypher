// Explore: the rings of a run (payment cycles, shared-identifier groups), riskiest first.
// Params: $runId (string), $kind ('cycle' | 'shared-identifier' | null for both), $limit (int).
// Returns: total (rings of that kind), items [{id, kind, size, bad, risk, amountMinor, spanMs, identifiers,
//          members (first 20 entity ids)}].
MATCH (g:Ring {runId: $runId})
WHERE $kind IS NULL OR g.kind = $kind
WITH g ORDER BY g.risk DESC, g.size DESC, g.id
WITH collect({id: g.id, kind: g.kind, size: g.size, bad: g.bad, risk: g.risk, amountMinor: g.amountMinor,
              spanMs: g.spanMs, identifiers: g.identifiers, members: g.members[0..20]}) AS found
RETURN size(found) AS total, found[0..$limit] AS items
