// Metrics (incremental, after an ingest batch): recompute the live degrees and PAYS strengths of the
// touched entities at once and mark their network signals stale. Same definitions as the nightly run
// (src/analytics/degree.ts): degree = distinct counterparties over PAYS, SUPPLIES and positive RATED;
// strength = sum of PAYS totalMinor.
// Params: $ids ([string] entity ids).
// Returns: updated (int).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  OPTIONAL MATCH (e)-[p:PAYS]->(:Entity)
  RETURN coalesce(sum(p.totalMinor), 0) AS strengthOut, max(p.last) AS lastOut
}
CALL (e) {
  OPTIONAL MATCH (:Entity)-[p:PAYS]->(e)
  RETURN coalesce(sum(p.totalMinor), 0) AS strengthIn, max(p.last) AS lastIn
}
WITH e, strengthOut, strengthIn,
     CASE WHEN lastIn IS NULL OR (lastOut IS NOT NULL AND lastOut > lastIn) THEN lastOut ELSE lastIn END AS lastPayment
SET e.degreeOut = COUNT { MATCH (e)-[r:PAYS|SUPPLIES|RATED]->(x:Entity) WHERE x <> e AND (NOT r:RATED OR r.rating > 0) RETURN DISTINCT x },
    e.degreeIn = COUNT { MATCH (x:Entity)-[r:PAYS|SUPPLIES|RATED]->(e) WHERE x <> e AND (NOT r:RATED OR r.rating > 0) RETURN DISTINCT x },
    e.strengthOut = strengthOut,
    e.strengthIn = strengthIn,
    e.lastPaymentAt = lastPayment,
    e.signalsStale = true,
    e.liveSignalsAt = datetime()
RETURN count(e) AS updated
