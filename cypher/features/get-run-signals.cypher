// Score as of a date: the network values a metrics run stored for entities (the features' run part).
// Params: $runId (string), $ids ([string]).
// Returns: id, pagerankPct, betweenness, counterpartyRisk, exposurePct, exposureNorm (null for runs without it), community, communityRisk,
//   communitySize, overallBadRate, viaBad ([id] path to the nearest bad entity or null); one row per id in the run.
UNWIND $ids AS id
MATCH (m:EntityMetrics {key: $runId + ':' + id})
RETURN id, m.pagerankPct AS pagerankPct, m.betweenness AS betweenness, m.counterpartyRisk AS counterpartyRisk,
       m.exposurePct AS exposurePct, m.exposureNorm AS exposureNorm, m.community AS community, m.communityRisk AS communityRisk,
       m.communitySize AS communitySize, m.overallBadRate AS overallBadRate, m.viaBad AS viaBad
