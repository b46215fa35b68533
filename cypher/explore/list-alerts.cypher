// Explore: entities whose fraudRisk (from the fraud model the run was scored with), degree-normalised exposure
// percentile (exposureNormPct; exposurePct for runs written before it existed) or community risk is at or above
// its threshold in a run and was below it (or absent) in the base run; every such entity when there is no base
// run. Ranked by fraudRisk, then by exposureNorm (exposure over what the entity's connectedness alone explains),
// so hubs are not listed first for being hubs.
// Params: $runId (string), $baseRunId (string or null), $exposurePct (0..1), $communityRisk (0..1), $fraudRisk (0..1),
//         $limit (int).
// Returns: total, items [{entity, crossed ['fraudRisk' | 'exposure' | 'communityRisk'], fraudRisk, exposureNorm,
//          exposureNormPct, exposurePct, exposure, communityRisk, community,
//          previous {exposurePct, communityRisk, fraudRisk} or null}].
MATCH (m:EntityMetrics {runId: $runId})
WITH m, coalesce(m.exposureNormPct, m.exposurePct) AS ex
WHERE ex >= $exposurePct OR m.communityRisk >= $communityRisk OR m.fraudRisk >= $fraudRisk
OPTIONAL MATCH (:Entity {id: m.entityId})-[:HAS_METRICS]->(b:EntityMetrics {runId: $baseRunId})
WITH m, b, [x IN [
    CASE WHEN m.fraudRisk >= $fraudRisk AND coalesce(b.fraudRisk, -1.0) < $fraudRisk THEN 'fraudRisk' END,
    CASE WHEN ex >= $exposurePct AND coalesce(b.exposureNormPct, b.exposurePct, -1.0) < $exposurePct THEN 'exposure' END,
    CASE WHEN m.communityRisk >= $communityRisk AND coalesce(b.communityRisk, -1.0) < $communityRisk THEN 'communityRisk' END
  ] WHERE x IS NOT NULL] AS crossed
WHERE size(crossed) > 0
WITH m, b, crossed
  ORDER BY coalesce(m.fraudRisk, -1.0) DESC, coalesce(m.exposureNorm, -1.0) DESC, size(crossed) DESC, m.communityRisk DESC, m.entityId
WITH collect({entity: m.entityId, crossed: crossed, fraudRisk: m.fraudRisk, exposureNorm: m.exposureNorm,
              exposureNormPct: m.exposureNormPct, exposurePct: m.exposurePct, exposure: m.exposure,
              communityRisk: m.communityRisk, community: toString(toInteger(m.community)),
              previous: CASE WHEN b IS NULL THEN null ELSE {exposurePct: coalesce(b.exposureNormPct, b.exposurePct),
                                                            communityRisk: b.communityRisk, fraudRisk: b.fraudRisk} END}) AS found
RETURN size(found) AS total, found[0..$limit] AS items
