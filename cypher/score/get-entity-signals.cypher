// Score: the raw signals of entities as of a date, from facts dated strictly before it, plus the stored
// metrics of one run. One row per existing entity (unknown ids give no row).
// Params: $ids ([string]), $asOfMs (epoch ms), $runId (a run id, or null for the current complete run),
//   $maskTargets ([string]), $maskSources ([string]), $maskAllSources (bool): a RATED a→b is hidden when
//   b.id IN $maskTargets AND ($maskAllSources OR a.id IN $maskSources) (evaluation protocols; [] in service).
// Returns: id, kind, sector, region, openedAtMs, flows (map of window counts/sums), times ([epoch ms], newest
//   first, ≤ 400), firstMs, lastMs, counterparties365, counterpartiesEver, payers ([{id, amount}]),
//   badCounterparties ([string] ≤ 5), badCounterpartyCount, loans {repaid, late, defaulted, current},
//   reported {positive, negative, worstBy}, flagReasons ([string]), nearestBadPath ([string] entity → … → bad within
//   3 hops: the run's stored viaBad, or null),
//   metrics (EntityMetrics properties or null), community (Community properties or null), run (MetricsRun
//   properties or null).
CALL () {
  OPTIONAL MATCH (r:MetricsRun {status: 'complete'})
  WHERE ($runId IS NULL AND r.current = true) OR r.id = $runId
  RETURN r AS run ORDER BY r.finishedAt DESC LIMIT 1
}
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WITH e, run, datetime({epochMillis: toInteger($asOfMs)}) AS asOf, $asOfMs AS now
CALL (e, asOf) {
  CALL (e, asOf) {
    MATCH (e)-[p:PAID]->(x:Entity) WHERE p.at < asOf
    RETURN 'out' AS dir, p.at.epochMillis AS t, coalesce(p.amountMinor, 0) AS amount, x
    UNION ALL
    MATCH (x:Entity)-[p:PAID]->(e) WHERE p.at < asOf
    RETURN 'in' AS dir, p.at.epochMillis AS t, coalesce(p.amountMinor, 0) AS amount, x
    UNION ALL
    MATCH (e)-[r:RATED]->(x:Entity)
    WHERE r.at < asOf AND NOT (x.id IN $maskTargets AND ($maskAllSources OR e.id IN $maskSources))
    RETURN 'out' AS dir, r.at.epochMillis AS t, 0 AS amount, x
    UNION ALL
    MATCH (x:Entity)-[r:RATED]->(e)
    WHERE r.at < asOf AND NOT (e.id IN $maskTargets AND ($maskAllSources OR x.id IN $maskSources))
    RETURN 'in' AS dir, r.at.epochMillis AS t, 0 AS amount, x
  }
  WITH dir, t, amount, x ORDER BY t DESC
  RETURN collect({dir: dir, t: t, amount: amount}) AS events, collect(DISTINCT x) AS cps,
         collect(DISTINCT CASE WHEN t >= $asOfMs - 31536000000 THEN x END) AS cps365
}
WITH e, run, asOf, now, events, cps, cps365,
     [ev IN events WHERE ev.dir = 'in'] AS ins, [ev IN events WHERE ev.dir = 'out'] AS outs
WITH e, run, asOf, events, cps, cps365, {
  inCount30: size([v IN ins WHERE v.t >= now - 2592000000]),
  inCount90: size([v IN ins WHERE v.t >= now - 7776000000]),
  inCount365: size([v IN ins WHERE v.t >= now - 31536000000]),
  outCount30: size([v IN outs WHERE v.t >= now - 2592000000]),
  outCount90: size([v IN outs WHERE v.t >= now - 7776000000]),
  outCount365: size([v IN outs WHERE v.t >= now - 31536000000]),
  inAmount30: reduce(s = 0, v IN ins | s + CASE WHEN v.t >= now - 2592000000 THEN v.amount ELSE 0 END),
  inAmount90: reduce(s = 0, v IN ins | s + CASE WHEN v.t >= now - 7776000000 THEN v.amount ELSE 0 END),
  inAmount365: reduce(s = 0, v IN ins | s + CASE WHEN v.t >= now - 31536000000 THEN v.amount ELSE 0 END),
  outAmount30: reduce(s = 0, v IN outs | s + CASE WHEN v.t >= now - 2592000000 THEN v.amount ELSE 0 END),
  outAmount90: reduce(s = 0, v IN outs | s + CASE WHEN v.t >= now - 7776000000 THEN v.amount ELSE 0 END),
  outAmount365: reduce(s = 0, v IN outs | s + CASE WHEN v.t >= now - 31536000000 THEN v.amount ELSE 0 END),
  priorCount90: size([v IN events WHERE v.t < now - 7776000000 AND v.t >= now - 15552000000])
} AS flows
CALL (e, asOf) {
  OPTIONAL MATCH (x:Entity)-[p:PAID]->(e) WHERE p.at < asOf AND p.at >= asOf - duration({days: 365})
  WITH x.id AS payer, sum(p.amountMinor) AS amount WHERE payer IS NOT NULL
  RETURN collect({id: payer, amount: amount}) AS payers
}
CALL (e, asOf, cps) {
  UNWIND cps AS x
  WITH e, asOf, x
  WHERE EXISTS { (x)-[:FLAGGED]->(f:Flag) WHERE f.at < asOf }
     OR EXISTS { (x)-[:BORROWED]->(l:Loan {status: 'defaulted'}) WHERE coalesce(l.closedAt, l.dueAt) < asOf }
     OR COUNT { (y:Entity)-[r:RATED]->(x) WHERE y <> e AND r.at < asOf AND r.rating < 0
                AND NOT (x.id IN $maskTargets AND ($maskAllSources OR y.id IN $maskSources)) }
      > COUNT { (y:Entity)-[r:RATED]->(x) WHERE y <> e AND r.at < asOf AND r.rating > 0
                AND NOT (x.id IN $maskTargets AND ($maskAllSources OR y.id IN $maskSources)) }
  RETURN count(x) AS badCounterpartyCount, collect(x.id)[..5] AS badCounterparties
}
CALL (e, asOf) {
  OPTIONAL MATCH (e)-[:BORROWED]->(l:Loan) WHERE l.openedAt < asOf
  WITH l, CASE
    WHEN l IS NULL THEN null
    WHEN l.status = 'repaid' AND l.closedAt < asOf THEN 'repaid'
    WHEN l.status = 'defaulted' AND coalesce(l.closedAt, l.dueAt) < asOf THEN 'defaulted'
    WHEN l.status IN ['late', 'defaulted', 'repaid'] AND l.dueAt < asOf THEN 'late'
    ELSE 'current' END AS state
  RETURN {repaid: size([s IN collect(state) WHERE s = 'repaid']), late: size([s IN collect(state) WHERE s = 'late']),
          defaulted: size([s IN collect(state) WHERE s = 'defaulted']), current: size([s IN collect(state) WHERE s = 'current'])} AS loans
}
CALL (e, asOf) {
  OPTIONAL MATCH (y:Entity)-[r:RATED]->(e)
  WHERE r.at < asOf AND NOT (e.id IN $maskTargets AND ($maskAllSources OR y.id IN $maskSources))
  WITH r, y ORDER BY r.rating ASC
  RETURN {positive: size([x IN collect(r.rating) WHERE x > 0]), negative: size([x IN collect(r.rating) WHERE x < 0]),
          worstBy: head([p IN collect({id: y.id, rating: r.rating}) WHERE p.rating < 0 | p.id])} AS reported
}
CALL (e, asOf) {
  OPTIONAL MATCH (e)-[:FLAGGED]->(f:Flag) WHERE f.at < asOf
  RETURN collect(f.reason) AS flagReasons
}
CALL (e, run) {
  OPTIONAL MATCH (e)-[:HAS_METRICS]->(m:EntityMetrics {runId: run.id})
  // By its unique key (the same expression the run's write-back uses): an index seek, not a scan of the run's communities.
  OPTIONAL MATCH (c:Community {key: run.id + ':' + toString(m.community)})
  RETURN properties(m) AS metrics, properties(c) AS community
}
RETURN e.id AS id, e.kind AS kind, e.sector AS sector, e.region AS region,
       CASE WHEN e.openedAt IS NULL THEN null ELSE e.openedAt.epochMillis END AS openedAtMs,
       flows, [v IN events | v.t][..400] AS times,
       CASE WHEN size(events) = 0 THEN null ELSE events[-1].t END AS firstMs,
       CASE WHEN size(events) = 0 THEN null ELSE events[0].t END AS lastMs,
       size(cps365) AS counterparties365, size(cps) AS counterpartiesEver, payers,
       badCounterparties, badCounterpartyCount, loans, reported, flagReasons, metrics.viaBad AS nearestBadPath,
       metrics, community, properties(run) AS run
