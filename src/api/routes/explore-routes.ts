/**
 * Exploration of the network for analysts (role analyst or admin): ego network, paths and id search.
 * Graph answers use graphology's serialisation format so the web view loads them with `Graph.from`.
 * Ego-network and path requests are audited like score lookups (key, entity, time, X-Purpose, status).
 */
import { Router, type Request, type Response } from 'express';
import { searchEntities } from '../../db/explore-repository.js';
import { auditTrailOf } from '../../use-cases/score-audit.js';
import { exploreEgoNetwork } from '../../use-cases/explore-ego-network.js';
import { explorePaths } from '../../use-cases/explore-paths.js';
import type { AppDeps } from '../deps.js';
import { apiKeyOf, requireRole } from '../middleware/auth.js';
import { GRAPH_SCHEMA, NETWORK_QUERY, PATHS_QUERY, SEARCH_QUERY, SEARCH_RESPONSE } from '../openapi/explore-schemas.js';
import { ID_PARAMS, jsonContent } from '../openapi/params.js';
import { defineRoute, OPENAPI_REGISTRY } from '../openapi/registry.js';

export { EGO_CAP_DEFAULT, EGO_CAP_MAX } from '../openapi/explore-schemas.js';

const ANALYST = { tags: ['explore'], roles: ['analyst', 'admin'] } as const;

export const NETWORK_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  ...ANALYST,
  method: 'get',
  path: '/v1/entities/:id/network',
  summary: 'Ego network of an entity: strongest ties first up to the node cap (audited)',
  request: { params: ID_PARAMS, query: NETWORK_QUERY },
  responses: { 200: { description: 'the ego network (graphology format)', content: jsonContent(GRAPH_SCHEMA) } },
  errors: [404, 503],
});

export const PATHS_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  ...ANALYST,
  method: 'get',
  path: '/v1/paths',
  summary: 'Up to k shortest paths between two entities, with the subgraph they span (audited)',
  request: { query: PATHS_QUERY },
  responses: { 200: { description: 'the paths (attributes.paths) and their subgraph', content: jsonContent(GRAPH_SCHEMA) } },
  errors: [404, 503],
});

export const SEARCH_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  ...ANALYST,
  method: 'get',
  path: '/v1/entities',
  summary: 'Search entities by id prefix',
  request: { query: SEARCH_QUERY },
  responses: { 200: { description: 'matching entities, ascending', content: jsonContent(SEARCH_RESPONSE) } },
  errors: [503],
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

  router.get(NETWORK_ROUTE.path, analyst, NETWORK_ROUTE.validate, async (req, res) => {
    const { params, query: q } = NETWORK_ROUTE.input(res);
    audit(deps, req, res, [params.id]);
    const graph = await exploreEgoNetwork(deps.db, params.id, {
      depth: q.depth,
      cap: q.limit,
      since: q.since ?? null,
      minAmount: q.minAmount ?? null,
    });
    res.json(graph);
  });

  router.get(PATHS_ROUTE.path, analyst, PATHS_ROUTE.validate, async (req, res) => {
    const q = PATHS_ROUTE.input(res).query;
    audit(deps, req, res, [q.from, q.to]);
    res.json(await explorePaths(deps.db, q.from, q.to, q.maxHops, q.k));
  });

  router.get(SEARCH_ROUTE.path, analyst, SEARCH_ROUTE.validate, async (_req, res) => {
    const q = SEARCH_ROUTE.input(res).query;
    const items = await searchEntities(deps.db, q.search, q.limit);
    res.json({ search: q.search, limit: q.limit, items });
  });

  return router;
}
