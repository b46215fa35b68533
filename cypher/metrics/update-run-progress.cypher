// Metrics: record a run's current stage, its stage timings and counts while it runs.
// Params: $id (string), $status ('running'|'writing'), $stage (string), $stages (JSON string
//   [{stage, ms}]), $counts (JSON string), $snapshotAtMs (epoch ms of the snapshot start, or null).
// Returns: id.
MATCH (r:MetricsRun {id: $id})
WHERE r.status <> 'complete'
SET r.status = $status, r.stage = $stage, r.stages = $stages, r.counts = $counts,
    r.snapshotAt = CASE WHEN $snapshotAtMs IS NULL THEN r.snapshotAt ELSE datetime({epochMillis: toInteger($snapshotAtMs)}) END
RETURN r.id AS id
