// Metrics: the atomic switch. In one transaction, the run becomes complete and current for its scope
// and the scope's previous current run stops being current. `current` is only ever true for full
// (scope '') runs; scoped test runs use `scopeCurrent` alone, so they never replace the service's run.
// Params: $id (string), $counts (JSON string), $stages (JSON string).
// Returns: id, previousId (null when there was none). No row when the run is not in status 'writing'.
MATCH (r:MetricsRun {id: $id})
WHERE r.status = 'writing'
OPTIONAL MATCH (old:MetricsRun {scope: r.scope, scopeCurrent: true})
WHERE old <> r
SET old.scopeCurrent = false, old.current = false
SET r.status = 'complete', r.scopeCurrent = true, r.current = (r.scope = ''), r.finishedAt = datetime(),
    r.counts = $counts, r.stages = $stages, r.stage = 'switch'
RETURN r.id AS id, old.id AS previousId
