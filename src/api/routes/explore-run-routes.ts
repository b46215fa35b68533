/**
 * What the metrics runs found, for analysts (role analyst or admin): communities, rings and alerts,
 * from the run in service or the run named by `runId`. One community or ring answers as a graph in
 * graphology's serialisation format. Every answer states its purpose (X-Purpose) and is audited before
 * it is sent, once per entity it names (community and ring members, ring lists' members, alerted entities).
 */
import { Router } from 'express';
import {
  exploreCommunity,
  exploreRing,
  findAlerts,
  rankCommunities,
  rankRings,
} from '../../use-cases/explore-run-findings.js';
import type { AppDeps } from '../deps.js';
import { graphEntities, ringListEntities } from '../../use-cases/named-entities.js';
import { requirePurpose, sendAudited } from '../middleware/audit.js';
import { requireRole } from '../middleware/auth.js';
import { PURPOSE_HEADERS } from '../openapi/score-schemas.js';
import {
  ALERTS_QUERY,
  ALERTS_RESPONSE,
  COMMUNITIES_QUERY,
  COMMUNITIES_RESPONSE,
  COMMUNITY_QUERY,
  GRAPH_SCHEMA,
  RING_QUERY,
  RINGS_QUERY,
  RINGS_RESPONSE,
} from '../openapi/explore-schemas.js';
import { ID_PARAMS, jsonContent } from '../openapi/params.js';
import { defineRoute, OPENAPI_REGISTRY } from '../openapi/registry.js';

const ANALYST = { tags: ['explore'], roles: ['analyst', 'admin'], errors: [404, 409, 503] } as const;

export const COMMUNITIES_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  ...ANALYST,
  method: 'get',
  path: '/v1/communities',
  summary: 'Communities of a metrics run, ranked',
  request: { query: COMMUNITIES_QUERY, headers: PURPOSE_HEADERS },
  responses: { 200: { description: 'ranked communities', content: jsonContent(COMMUNITIES_RESPONSE) } },
});

export const COMMUNITY_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  ...ANALYST,
  method: 'get',
  path: '/v1/communities/:id',
  summary: 'One community: its members (bad first, then by PageRank) and the ties among them',
  request: { params: ID_PARAMS, query: COMMUNITY_QUERY, headers: PURPOSE_HEADERS },
  responses: {
    200: { description: 'the community (graphology format)', content: jsonContent(GRAPH_SCHEMA) },
  },
});

export const RINGS_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  ...ANALYST,
  method: 'get',
  path: '/v1/rings',
  summary: 'Rings (payment cycles, shared identifiers) of a metrics run, riskiest first',
  request: { query: RINGS_QUERY, headers: PURPOSE_HEADERS },
  responses: { 200: { description: 'ranked rings', content: jsonContent(RINGS_RESPONSE) } },
});

export const RING_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  ...ANALYST,
  method: 'get',
  path: '/v1/rings/:id',
  summary: 'One ring: its members, their ties and the identifiers they share',
  request: { params: ID_PARAMS, query: RING_QUERY, headers: PURPOSE_HEADERS },
  responses: { 200: { description: 'the ring (graphology format)', content: jsonContent(GRAPH_SCHEMA) } },
});

export const ALERTS_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  ...ANALYST,
  method: 'get',
  path: '/v1/alerts',
  summary: 'Entities over the exposure or community-risk thresholds (new since the base run)',
  request: { query: ALERTS_QUERY, headers: PURPOSE_HEADERS },
  responses: { 200: { description: 'alerts', content: jsonContent(ALERTS_RESPONSE) } },
});

export function exploreRunRoutes(deps: AppDeps): Router {
  const router = Router();
  const analyst = requireRole(deps, 'analyst', 'admin');
  const purpose = requirePurpose(deps);

  router.get(COMMUNITIES_ROUTE.path, analyst, purpose, COMMUNITIES_ROUTE.validate, async (_req, res) => {
    // Community summaries name no entity (ids, sizes, rates): nothing to audit, but the purpose is still required.
    const q = COMMUNITIES_ROUTE.input(res).query;
    res.json(
      await rankCommunities(deps.db, q.runId ?? null, { sort: q.sort, minSize: q.minSize, limit: q.limit }),
    );
  });

  router.get(COMMUNITY_ROUTE.path, analyst, purpose, COMMUNITY_ROUTE.validate, async (req, res) => {
    const { params, query: q } = COMMUNITY_ROUTE.input(res);
    const graph = await exploreCommunity(deps.db, q.runId ?? null, params.id, q.limit);
    await sendAudited(deps, req, res, { kind: 'community', entityIds: graphEntities(graph) }, graph);
  });

  router.get(RINGS_ROUTE.path, analyst, purpose, RINGS_ROUTE.validate, async (req, res) => {
    const q = RINGS_ROUTE.input(res).query;
    const answer = await rankRings(deps.db, q.runId ?? null, q.kind ?? null, q.limit);
    await sendAudited(deps, req, res, { kind: 'rings', entityIds: ringListEntities(answer.items) }, answer);
  });

  router.get(RING_ROUTE.path, analyst, purpose, RING_ROUTE.validate, async (req, res) => {
    const { params, query: q } = RING_ROUTE.input(res);
    const graph = await exploreRing(deps.db, q.runId ?? null, params.id);
    await sendAudited(deps, req, res, { kind: 'ring', entityIds: graphEntities(graph) }, graph);
  });

  router.get(ALERTS_ROUTE.path, analyst, purpose, ALERTS_ROUTE.validate, async (req, res) => {
    const q = ALERTS_ROUTE.input(res).query;
    const thresholds = {
      exposurePct: deps.config.metrics.alertExposure,
      communityRisk: deps.config.metrics.alertCommunityRisk,
      fraudRisk: deps.config.metrics.alertFraudRisk,
    };
    const answer = await findAlerts(deps.db, q.runId ?? null, q.baseRunId ?? null, thresholds, q.limit);
    await sendAudited(deps, req, res, { kind: 'alert', entityIds: answer.items.map((a) => a.entity) }, answer);
  });

  return router;
}
