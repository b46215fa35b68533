// Monitoring (after an ingest load): whether any complete metrics run is in service (full or scoped);
// without one there is nothing to update.
// Params: none.
// Returns: found (bool).
RETURN EXISTS { MATCH (r:MetricsRun {scopeCurrent: true}) WHERE r.status = 'complete' } AS found
