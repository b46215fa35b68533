// Monitoring: the loan alerts of a run, newest first (then most severe) or most severe first (then
// newest), optionally of one code, one lender and at least one severity.
// Params: $runId (string), $code (string or null), $lender (string or null), $minRank (int 1..3),
//   $sort ('newest' | 'severity'), $limit (int).
// Returns: total (int), items ([map of the alert's properties]).
MATCH (a:LoanAlert {runId: $runId})
WHERE ($code IS NULL OR a.code = $code) AND ($lender IS NULL OR a.lender = $lender) AND a.severityRank >= $minRank
WITH a ORDER BY
  CASE WHEN $sort = 'severity' THEN a.severityRank ELSE 0 END DESC,
  a.at DESC, a.severityRank DESC, a.amountMinor DESC, a.loanId, a.code, a.target
WITH collect(properties(a)) AS found
RETURN size(found) AS total, found[0..$limit] AS items
