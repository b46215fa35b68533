// Metrics: one run by id.
// Params: $id (string).
// Returns: the columns of list-runs (zero or one row).
MATCH (r:MetricsRun {id: $id})
RETURN r.id AS id, r.scope AS scope, r.status AS status, r.stage AS stage, r.current AS current,
       r.scopeCurrent AS scopeCurrent, r.attempts AS attempts, r.jobId AS jobId, r.startedAt AS startedAt,
       r.snapshotAt AS snapshotAt, r.finishedAt AS finishedAt, r.params AS params, r.stages AS stages,
       r.counts AS counts, r.error AS error
