// Monitoring (after an ingest load): what makes entities bad or lenders, for a local trace: their kind,
// flags, the loans they borrowed and the loans they lent, and the ratings they received.
// Params: $ids ([string] entity ids).
// Returns: id, kind, flags ([{atMs, reason}]), loans ([{id, borrower, lender, amountMinor, currency,
//   openedAtMs, dueAtMs, closedAtMs, disbursedAtMs, status}], borrowed and lent),
//   reports ([{rater, rating, atMs}]).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.kind AS kind,
       [(e)-[:FLAGGED]->(f:Flag) | {atMs: f.at.epochMillis, reason: f.reason}] AS flags,
       [(e)-[:BORROWED|LENT]-(l:Loan) | {id: l.id, borrower: head([(b:Entity)-[:BORROWED]->(l) | b.id]),
          lender: l.lender, amountMinor: l.amountMinor, currency: l.currency,
          openedAtMs: l.openedAt.epochMillis, dueAtMs: l.dueAt.epochMillis, closedAtMs: l.closedAt.epochMillis,
          disbursedAtMs: l.disbursedAt.epochMillis, status: l.status}] AS loans,
       [(r:Entity)-[x:RATED]->(e) | {rater: r.id, rating: x.rating, atMs: x.at.epochMillis}] AS reports
