/** Request and response schemas of the metrics-run and job routes. */
import { z } from 'zod';
import { OPENAPI_REGISTRY } from './registry.js';
import { intParam } from './params.js';

const SCOPE = z
  .string()
  .max(200, 'at most 200 characters')
  .regex(/^[A-Za-z0-9_:.-]*$/, 'letters, digits, _ : . -')
  .openapi({ description: 'entity id prefix the run is restricted to ("" = the whole graph)' });

export const REFRESH_BODY = z.object({ scope: SCOPE.default('') }).strict();
export const RUNS_QUERY = z.object({ scope: SCOPE.optional(), limit: intParam(1, 500, 50) });

export const REFRESH_RESPONSE = z.object({
  jobId: z.string(),
  runId: z.string(),
  deduplicated: z
    .boolean()
    .openapi({ description: 'a refresh of this scope was already waiting or running' }),
  scope: z.string(),
  status: z.string().openapi({ description: 'URL of the job status' }),
});

export const RUN_SCHEMA = OPENAPI_REGISTRY.register(
  'MetricsRun',
  z.object({
    id: z.string(),
    scope: z.string(),
    status: z.enum(['running', 'writing', 'complete', 'failed']),
    stage: z.string().nullable(),
    current: z.boolean(),
    scopeCurrent: z.boolean(),
    attempts: z.number().int(),
    jobId: z.string().nullable(),
    startedAt: z.string(),
    snapshotAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    params: z.unknown(),
    stages: z.array(z.object({ stage: z.string(), ms: z.number() })),
    counts: z.record(z.string(), z.unknown()),
    error: z.string().nullable(),
    failedStage: z
      .string()
      .nullable()
      .openapi({ description: 'the stage a failed run failed in (the first without a recorded timing); null unless failed' }),
  }),
);

export const RUNS_RESPONSE = z.object({ runs: z.array(RUN_SCHEMA) });

export const SIGNALS_SCHEMA = OPENAPI_REGISTRY.register(
  'EntitySignals',
  z.object({
    id: z.string(),
    runId: z.string().nullable(),
    snapshotAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    metrics: z
      .record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.array(z.string()), z.null()]))
      .nullable()
      .openapi({ description: 'EntityMetrics of the run; for the lender role only numbers and flags (no nearestBad, viaBad or community id)' }),
    community: z
      .object({
        id: z.number().optional().openapi({ description: 'analysts and admins only' }),
        size: z.number(),
        bad: z.number(),
        defaultRate: z.number(),
        risk: z.number(),
      })
      .passthrough()
      .nullable(),
    featuresAsOf: z
      .string()
      .nullable()
      .openapi({ description: 'date of the facts behind the stored features (later than the snapshot once an ingest load refreshed them)' }),
    stale: z.boolean().openapi({ description: 'no run covers the entity, or its facts changed after the run’s snapshot' }),
  }),
);

export const JOB_SCHEMA = OPENAPI_REGISTRY.register(
  'Job',
  z.object({
    id: z.string(),
    queue: z.string(),
    name: z.string(),
    state: z.string(),
    progress: z.unknown(),
    attemptsMade: z.number().int(),
    data: z.unknown(),
    result: z.unknown(),
    failedReason: z.string().nullable(),
    createdAt: z.string().nullable(),
    processedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  }),
);
