/**
 * Exploration of the network for analysts (role analyst or admin): ego network, paths and id search.
 * Graph answers use graphology's serialisation format so the web view loads them with `Graph.from`.
 * Every answer states its purpose (X-Purpose) and is audited before it is sent, once per entity it names
 * (every node of an ego network or of the paths, every search hit).
 */
import { Router } from 'express';
import { searchEntities } from '../../db/explore-repository.js';
import { exploreEgoNetwork } from '../../use-cases/explore-ego-network.js';
import { explorePaths } from '../../use-cases/explore-paths.js';
import type { AppDeps } from '../deps.js';
import { graphEntities } from '../../use-cases/named-entities.js';
import { requirePurpose, sendAudited } from '../middleware/audit.js';
import { requireRole } from '../middleware/auth.js';
import { GRAPH_SCHEMA, NETWORK_QUERY, PATHS_QUERY, SEARCH_QUERY, SEARCH_RESPONSE } from '../openapi/explore-schemas.js';
import { ID_PARAMS, jsonContent } from '../openapi/params.js';
import { PURPOSE_HEADERS } from '../openapi/score-schemas.js';
import { defineRoute, OPENAPI_REGISTRY } from '../openapi/registry.js';

export { EGO_CAP_DEFAULT, EGO_CAP_MAX } from '../openapi/explore-schemas.js';

const ANALYST = { tags: ['explore'], roles: ['analyst', 'admin'] } as const;

export const NETWORK_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  ...ANALYST,
  method: 'get',
  path: '/v1/entities/:id/network',
  summary: 'Ego network of an entity: strongest ties first up to the node cap (audited)',
  request: { params: ID_PARAMS, query: NETWORK_QUERY, headers: PURPOSE_HEADERS },
  responses: { 200: { description: 'the ego network (graphology format)', content: jsonContent(GRAPH_SCHEMA) } },
  errors: [404, 503],
});

export const PATHS_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  ...ANALYST,
  method: 'get',
  path: '/v1/paths',
  summary: 'Up to k shortest paths between two entities, with the subgraph they span (audited)',
  request: { query: PATHS_QUERY, headers: PURPOSE_HEADERS },
  responses: { 200: { description: 'the paths (attributes.paths) and their subgraph', content: jsonContent(GRAPH_SCHEMA) } },
  errors: [404, 503],
});

export const SEARCH_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  ...ANALYST,
  method: 'get',
  path: '/v1/entities',
  summary: 'Search entities by id prefix (audited)',
  request: { query: SEARCH_QUERY, headers: PURPOSE_HEADERS },
  responses: { 200: { description: 'matching entities, ascending', content: jsonContent(SEARCH_RESPONSE) } },
  errors: [503],
});

export function exploreRoutes(deps: AppDeps): Router {
  const router = Router();
  const analyst = requireRole(deps, 'analyst', 'admin');
  const purpose = requirePurpose(deps);

  router.get(NETWORK_ROUTE.path, analyst, purpose, NETWORK_ROUTE.validate, async (req, res) => {
    const { params, query: q } = NETWORK_ROUTE.input(res);
    const graph = await exploreEgoNetwork(deps.db, params.id, {
      depth: q.depth,
      cap: q.limit,
      since: q.since ?? null,
      minAmount: q.minAmount ?? null,
    });
    await sendAudited(deps, req, res, { kind: 'network', entityIds: graphEntities(graph) }, graph);
  });

  router.get(PATHS_ROUTE.path, analyst, purpose, PATHS_ROUTE.validate, async (req, res) => {
    const q = PATHS_ROUTE.input(res).query;
    const graph = await explorePaths(deps.db, q.from, q.to, q.maxHops, q.k);
    await sendAudited(deps, req, res, { kind: 'paths', entityIds: [q.from, q.to, ...graphEntities(graph)] }, graph);
  });

  router.get(SEARCH_ROUTE.path, analyst, purpose, SEARCH_ROUTE.validate, async (req, res) => {
    const q = SEARCH_ROUTE.input(res).query;
    const items = await searchEntities(deps.db, q.search, q.limit);
    await sendAudited(deps, req, res, { kind: 'search', entityIds: items.map((e) => e.id) }, { search: q.search, limit: q.limit, items });
  });

  return router;
}
