/**
 * Exploration of the network for analysts (role analyst or admin): ego network, paths and id search.
 * Graph answers use graphology's serialisation format so the web view loads them with `Graph.from`.
 * Ego-network and path requests are audited like score lookups (key, entity, time, X-Purpose, status).
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { searchEntities } from '../../db/explore-repository.js';
import { auditTrailOf } from '../../use-cases/score-audit.js';
import { exploreEgoNetwork } from '../../use-cases/explore-ego-network.js';
import { explorePaths, MAX_PATH_HOPS } from '../../use-cases/explore-paths.js';
import type { AppDeps } from '../deps.js';
import { apiKeyOf, requireRole } from '../middleware/auth.js';
import { amountParam, idParam, instantParam, intParam, parseQuery } from './explore-params.js';

/** Default and largest node cap of an ego network. */
export const EGO_CAP_DEFAULT = 200;
export const EGO_CAP_MAX = 1000;

const NETWORK_QUERY = z.object({
  depth: intParam(1, 3, 1),
  limit: intParam(1, EGO_CAP_MAX, EGO_CAP_DEFAULT),
  since: instantParam.optional(),
  minAmount: amountParam.optional(),
});

const PATHS_QUERY = z.object({
  from: idParam,
  to: idParam,
  maxHops: intParam(1, MAX_PATH_HOPS, 4),
  k: intParam(1, 5, 3),
});

const SEARCH_QUERY = z.object({
  search: z.string({ message: 'required: an id prefix' }).min(1, 'required: an id prefix').max(200, 'at most 200 characters'),
  limit: intParam(1, 100, 20),
});

/** Records who explored around which entities (the score audit trail), once the answer is sent. */
function audit(deps: AppDeps, req: Request, res: Response, entityIds: readonly string[]): void {
  const key = apiKeyOf(res);
  const purpose = String(req.header('x-purpose') ?? '').slice(0, 200);
  const route = `${req.method} ${req.route?.path ?? req.path}`;
  const requestId = String(res.locals.requestId ?? '');
  res.once('finish', () => {
    const trail = auditTrailOf(deps.db);
    for (const entityId of entityIds) trail.record({ keyId: key.id, role: key.role, entityId, purpose, route, status: res.statusCode, requestId });
  });
}

export function exploreRoutes(deps: AppDeps): Router {
  const router = Router();
  const analyst = requireRole(deps, 'analyst', 'admin');

  router.get('/v1/entities/:id/network', analyst, async (req, res) => {
    const q = parseQuery(NETWORK_QUERY, req.query);
    audit(deps, req, res, [String(req.params.id)]);
    const graph = await exploreEgoNetwork(deps.db, String(req.params.id), {
      depth: q.depth,
      cap: q.limit,
      since: q.since ?? null,
      minAmount: q.minAmount ?? null,
    });
    res.json(graph);
  });

  router.get('/v1/paths', analyst, async (req, res) => {
    const q = parseQuery(PATHS_QUERY, req.query);
    audit(deps, req, res, [q.from, q.to]);
    res.json(await explorePaths(deps.db, q.from, q.to, q.maxHops, q.k));
  });

  router.get('/v1/entities', analyst, async (req, res) => {
    const q = parseQuery(SEARCH_QUERY, req.query);
    const items = await searchEntities(deps.db, q.search, q.limit);
    res.json({ search: q.search, limit: q.limit, items });
  });

  return router;
}
