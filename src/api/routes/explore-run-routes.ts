/**
 * What the metrics runs found, for analysts (role analyst or admin): communities, rings and alerts,
 * from the run in service or the run named by `runId`. One community or ring answers as a graph in
 * graphology's serialisation format.
 */
import { Router } from 'express';
import { z } from 'zod';
import { exploreCommunity, exploreRing, findAlerts, rankCommunities, rankRings } from '../../use-cases/explore-run-findings.js';
import type { AppDeps } from '../deps.js';
import { requireRole } from '../middleware/auth.js';
import { idParam, intParam, parseQuery } from './explore-params.js';

const runParam = { runId: idParam.optional() };

const COMMUNITIES_QUERY = z.object({
  ...runParam,
  sort: z.enum(['risk', 'size', 'defaultRate', 'bad'], { message: 'one of risk, size, defaultRate, bad' }).default('risk'),
  minSize: intParam(1, 1_000_000, 1),
  limit: intParam(1, 500, 50),
});
const COMMUNITY_QUERY = z.object({ ...runParam, limit: intParam(1, 1000, 200) });
const RINGS_QUERY = z.object({
  ...runParam,
  kind: z.enum(['cycle', 'shared-identifier'], { message: 'cycle or shared-identifier' }).optional(),
  limit: intParam(1, 500, 50),
});
const RING_QUERY = z.object(runParam);
const ALERTS_QUERY = z.object({ ...runParam, baseRunId: idParam.optional(), limit: intParam(1, 1000, 100) });

export function exploreRunRoutes(deps: AppDeps): Router {
  const router = Router();
  const analyst = requireRole(deps, 'analyst', 'admin');

  router.get('/v1/communities', analyst, async (req, res) => {
    const q = parseQuery(COMMUNITIES_QUERY, req.query);
    res.json(await rankCommunities(deps.db, q.runId ?? null, { sort: q.sort, minSize: q.minSize, limit: q.limit }));
  });

  router.get('/v1/communities/:id', analyst, async (req, res) => {
    const q = parseQuery(COMMUNITY_QUERY, req.query);
    res.json(await exploreCommunity(deps.db, q.runId ?? null, String(req.params.id), q.limit));
  });

  router.get('/v1/rings', analyst, async (req, res) => {
    const q = parseQuery(RINGS_QUERY, req.query);
    res.json(await rankRings(deps.db, q.runId ?? null, q.kind ?? null, q.limit));
  });

  router.get('/v1/rings/:id', analyst, async (req, res) => {
    const q = parseQuery(RING_QUERY, req.query);
    res.json(await exploreRing(deps.db, q.runId ?? null, String(req.params.id)));
  });

  router.get('/v1/alerts', analyst, async (req, res) => {
    const q = parseQuery(ALERTS_QUERY, req.query);
    const thresholds = { exposurePct: deps.config.metrics.alertExposure, communityRisk: deps.config.metrics.alertCommunityRisk };
    res.json(await findAlerts(deps.db, q.runId ?? null, q.baseRunId ?? null, thresholds, q.limit));
  });

  return router;
}
