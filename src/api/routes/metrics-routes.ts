/**
 * Metrics runs and jobs:
 * - POST /v1/metrics/runs (admin): enqueue a refresh → 202 {jobId, runId, deduplicated}, Location of the job;
 *   body {scope?: string} restricts it to entity ids starting with scope (a scoped refresh).
 * - GET /v1/metrics/runs (analyst, admin): runs newest first (?scope=, ?limit=).
 * - GET /v1/metrics/runs/:id: status, stage timings, counts, parameters.
 * - GET /v1/metrics/entities/:id (lender, analyst, admin): one entity's signals from the run in service
 *   (X-Purpose required, audited; a lender sees no nearest bad entity, path or community id).
 * - GET /v1/jobs/:id (analyst, admin): a job of the metrics or ingest queue, with its progress.
 */
import express, { Router } from 'express';
import {
  getJob,
  getMetricsRun,
  getSignals,
  listMetricsRuns,
  requestRefresh,
} from '../../use-cases/metrics-runs.js';
import type { AppDeps } from '../deps.js';
import { signalsForRole } from '../../auth/visible-to-role.js';
import { requirePurpose, sendAudited } from '../middleware/audit.js';
import { apiKeyOf, requireRole } from '../middleware/auth.js';
import { requireRedis } from '../middleware/require-redis.js';
import { PURPOSE_HEADERS } from '../openapi/score-schemas.js';
import {
  JOB_SCHEMA,
  REFRESH_BODY,
  REFRESH_RESPONSE,
  RUN_SCHEMA,
  RUNS_QUERY,
  RUNS_RESPONSE,
  SIGNALS_SCHEMA,
} from '../openapi/metrics-schemas.js';
import { ID_PARAMS, jsonContent } from '../openapi/params.js';
import { defineRoute, OPENAPI_REGISTRY } from '../openapi/registry.js';

const tags = ['metrics'];

export const REFRESH_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  tags,
  method: 'post',
  path: '/v1/metrics/runs',
  summary:
    'Start a metrics run (a refresh of the network signals), or join the one already queued for the scope',
  roles: ['admin'],
  request: { body: REFRESH_BODY, bodyRequired: false },
  responses: {
    202: { description: 'queued; Location: the job', content: jsonContent(REFRESH_RESPONSE) },
  },
  errors: [413, 503],
});

export const RUNS_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  tags,
  method: 'get',
  path: '/v1/metrics/runs',
  summary: 'Metrics runs, newest first',
  roles: ['analyst', 'admin'],
  request: { query: RUNS_QUERY },
  responses: { 200: { description: 'runs', content: jsonContent(RUNS_RESPONSE) } },
  errors: [503],
});

export const RUN_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  tags,
  method: 'get',
  path: '/v1/metrics/runs/:id',
  summary: 'One metrics run: status, stage timings, counts, parameters',
  roles: ['analyst', 'admin'],
  request: { params: ID_PARAMS },
  responses: { 200: { description: 'the run', content: jsonContent(RUN_SCHEMA) } },
  errors: [404, 503],
});

export const SIGNALS_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  tags,
  method: 'get',
  path: '/v1/metrics/entities/:id',
  summary: "An entity's network signals from the run in service, how fresh its features are, and `stale` (audited; the lender role sees no third party)",
  roles: ['lender', 'analyst', 'admin'],
  request: { params: ID_PARAMS, headers: PURPOSE_HEADERS },
  responses: { 200: { description: 'the signals', content: jsonContent(SIGNALS_SCHEMA) } },
  errors: [404, 503],
});

export const JOB_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  tags,
  method: 'get',
  path: '/v1/jobs/:id',
  summary: 'A job of the metrics or ingest queue: state, progress, attempts, result',
  roles: ['analyst', 'admin'],
  request: { params: ID_PARAMS },
  responses: { 200: { description: 'the job', content: jsonContent(JOB_SCHEMA) } },
  errors: [404, 503],
});

export function metricsRoutes(deps: AppDeps): Router {
  const router = Router();
  const admin = requireRole(deps, 'admin');
  const analyst = requireRole(deps, 'analyst', 'admin');
  const redis = requireRedis(deps);

  router.post(
    REFRESH_ROUTE.path,
    admin,
    redis,
    express.json({ limit: '10kb' }),
    REFRESH_ROUTE.validate,
    async (_req, res) => {
      const { scope } = REFRESH_ROUTE.input(res).body;
      const keyId = (res.locals.apiKey as { id?: string } | undefined)?.id;
      const enqueued = await requestRefresh(deps.config, scope, keyId, new Date());
      res
        .status(202)
        .location(`/v1/jobs/${encodeURIComponent(enqueued.jobId)}`)
        .json({ ...enqueued, scope, status: `/v1/jobs/${enqueued.jobId}` });
    },
  );

  router.get(RUNS_ROUTE.path, analyst, RUNS_ROUTE.validate, async (_req, res) => {
    const q = RUNS_ROUTE.input(res).query;
    res.json({ runs: await listMetricsRuns(deps.db, q.scope ?? null, q.limit) });
  });

  router.get(RUN_ROUTE.path, analyst, RUN_ROUTE.validate, async (_req, res) => {
    res.json(await getMetricsRun(deps.db, RUN_ROUTE.input(res).params.id));
  });

  router.get(
    SIGNALS_ROUTE.path,
    requireRole(deps, 'lender', 'analyst', 'admin'),
    requirePurpose(deps),
    SIGNALS_ROUTE.validate,
    async (req, res) => {
      const signals = await getSignals(deps.db, SIGNALS_ROUTE.input(res).params.id);
      await sendAudited(deps, req, res, { kind: 'signals', entityIds: [signals.id] }, signalsForRole(apiKeyOf(res).role, signals));
    },
  );

  router.get(JOB_ROUTE.path, analyst, redis, JOB_ROUTE.validate, async (_req, res) => {
    res.json(await getJob(deps.config, JOB_ROUTE.input(res).params.id));
  });

  return router;
}
