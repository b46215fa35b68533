// Ingest: a batch of payment events (PAID, keyed by id) and their payer→payee aggregate per currency
// (PAYS {currency, count, totalMinor, total, first, last}: one per payer, payee and currency), idempotently.
// Params: $rows: [{id, payer, payee, amountMinor, amount, currency, scale, atMs, channel}], ids unique in the batch
//         (scale = 10^exponent of the currency: total = totalMinor / scale).
// Returns: created (int, events new to the graph),
//          conflicts ([{key, kind: 'values'}], ids that exist with other values; those rows change nothing).
// A missing payer or payee becomes a minimal Entity {kind: 'unknown', minimal: true}.
// PAYS grows only by the events created here, so a batch run twice leaves count/totalMinor/first/last unchanged.
UNWIND $rows AS row
OPTIONAL MATCH (oldPayer:Entity)-[old:PAID {id: row.id}]->(oldPayee:Entity)
WITH row, old, datetime({epochMillis: toInteger(row.atMs)}) AS at,
     old IS NOT NULL AND (oldPayer.id <> row.payer OR oldPayee.id <> row.payee
       OR old.amountMinor <> toInteger(row.amountMinor) OR old.currency <> row.currency
       OR old.at <> datetime({epochMillis: toInteger(row.atMs)})) AS conflict
WITH collect(CASE WHEN conflict THEN {key: row.id, kind: 'values'} END) AS conflicts,
     collect(CASE WHEN old IS NULL THEN {row: row, at: at} END) AS fresh
CALL (fresh) {
  UNWIND fresh AS f
  WITH f.row AS row, f.at AS at
  MERGE (a:Entity {id: row.payer})
    ON CREATE SET a.kind = 'unknown', a.minimal = true
  MERGE (b:Entity {id: row.payee})
    ON CREATE SET b.kind = 'unknown', b.minimal = true
  CREATE (a)-[:PAID {id: row.id, amountMinor: toInteger(row.amountMinor), amount: row.amount,
                     currency: row.currency, at: at, channel: row.channel}]->(b)
  WITH a, b, row.currency AS currency, row.scale AS scale,
       count(*) AS n, sum(toInteger(row.amountMinor)) AS minor, min(at) AS first, max(at) AS last
  MERGE (a)-[p:PAYS {currency: currency}]->(b)
    ON CREATE SET p.count = 0, p.totalMinor = 0
  SET p.count = p.count + n,
      p.totalMinor = p.totalMinor + minor,
      p.first = CASE WHEN p.first IS NULL OR first < p.first THEN first ELSE p.first END,
      p.last = CASE WHEN p.last IS NULL OR last > p.last THEN last ELSE p.last END
  SET p.total = toFloat(p.totalMinor) / scale
}
RETURN size(fresh) AS created, conflicts
