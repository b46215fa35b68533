/**
 * Metrics runs and jobs:
 * - POST /v1/metrics/runs (admin): enqueue a refresh → 202 {jobId, runId, deduplicated}, Location of the job;
 *   body {scope?: string} restricts it to entity ids starting with scope (a scoped refresh).
 * - GET /v1/metrics/runs (analyst, admin): runs newest first (?scope=, ?limit=).
 * - GET /v1/metrics/runs/:id: status, stage timings, counts, parameters.
 * - GET /v1/metrics/entities/:id (lender, analyst, admin): one entity's signals from the run in service.
 * - GET /v1/jobs/:id (analyst, admin): a job of the metrics or ingest queue, with its progress.
 */
import express, { Router } from 'express';
import { z } from 'zod';
import { ValidationError } from '../../errors/app-error.js';
import { getJob, getMetricsRun, getSignals, listMetricsRuns, requestRefresh } from '../../use-cases/metrics-runs.js';
import type { AppDeps } from '../deps.js';
import { requireRole } from '../middleware/auth.js';
import { intParam, parseQuery } from './explore-params.js';

const SCOPE = z.string().max(200, 'at most 200 characters').regex(/^[A-Za-z0-9_:.-]*$/, 'letters, digits, _ : . -');
const REFRESH_BODY = z.object({ scope: SCOPE.default('') }).strict();
const RUNS_QUERY = z.object({ scope: SCOPE.optional(), limit: intParam(1, 500, 50) });

function parseBody(body: unknown): z.infer<typeof REFRESH_BODY> {
  const parsed = REFRESH_BODY.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'body'), reason: i.message }));
  throw new ValidationError('invalid refresh request', problems);
}

export function metricsRoutes(deps: AppDeps): Router {
  const router = Router();
  const admin = requireRole(deps, 'admin');
  const analyst = requireRole(deps, 'analyst', 'admin');

  router.post('/v1/metrics/runs', admin, express.json({ limit: '10kb' }), async (req, res) => {
    const { scope } = parseBody(req.body);
    const keyId = (res.locals.apiKey as { id?: string } | undefined)?.id;
    const enqueued = await requestRefresh(deps.config, scope, keyId, new Date());
    res.status(202).location(`/v1/jobs/${encodeURIComponent(enqueued.jobId)}`).json({ ...enqueued, scope, status: `/v1/jobs/${enqueued.jobId}` });
  });

  router.get('/v1/metrics/runs', analyst, async (req, res) => {
    const q = parseQuery(RUNS_QUERY, req.query);
    res.json({ runs: await listMetricsRuns(deps.db, q.scope ?? null, q.limit) });
  });

  router.get('/v1/metrics/runs/:id', analyst, async (req, res) => {
    res.json(await getMetricsRun(deps.db, String(req.params.id)));
  });

  router.get('/v1/metrics/entities/:id', requireRole(deps, 'lender', 'analyst', 'admin'), async (req, res) => {
    res.json(await getSignals(deps.db, String(req.params.id)));
  });

  router.get('/v1/jobs/:id', analyst, async (req, res) => {
    res.json(await getJob(deps.config, String(req.params.id)));
  });

  return router;
}
