// Score (training): one label per borrower from loan outcomes around an observation date. Borrowers that had
// already defaulted before the date are left out; bad = a loan defaulted within [asOf, asOf + horizon).
// The default date of a loan is closedAt, or dueAt when closedAt is missing.
// Params: $asOfMs (epoch ms), $horizonMs (ms), $prefix (entity id prefix; '' for all).
// Returns: id, bad (bool), region, sector — ordered by id.
MATCH (e:Entity)-[:BORROWED]->(l:Loan)
WHERE e.id STARTS WITH $prefix AND l.openedAt.epochMillis < $asOfMs + $horizonMs
WITH e, collect(l {.status, at: coalesce(l.closedAt, l.dueAt).epochMillis}) AS loans
WITH e, [l IN loans WHERE l.status = 'defaulted' AND l.at < $asOfMs] AS before,
        [l IN loans WHERE l.status = 'defaulted' AND l.at >= $asOfMs AND l.at < $asOfMs + $horizonMs] AS within
WHERE size(before) = 0
RETURN e.id AS id, size(within) > 0 AS bad, e.region AS region, e.sector AS sector
ORDER BY id
