/**
 * Entities and scores for lenders and analysts, and the audit trail for admins:
 *   GET  /v1/entities/:id         profile
 *   GET  /v1/entities/:id/score   score, band, PD, dimensions, reasons, limit, model, run, as-of, stale
 *   POST /v1/scores               up to 1,000 ids; unknown ids reported per id
 *   GET  /v1/audit                who looked at which entity, when and why (admin)
 * Every entity and score lookup is audited (key id, entity id, time, X-Purpose, status).
 */
import express, { Router, type Request, type Response } from 'express';
import { AppError, NotFoundError } from '../../errors/app-error.js';
import { auditTrailOf } from '../../use-cases/score-audit.js';
import { scoreEntities } from '../../use-cases/score-entities.js';
import { getEntity } from '../../use-cases/score-get-entity.js';
import type { AppDeps } from '../deps.js';
import { apiKeyOf, requireRole } from '../middleware/auth.js';
import {
  AUDIT_QUERY,
  AUDIT_RESPONSE,
  BATCH_BODY,
  BATCH_RESPONSE,
  ENTITY_PARAMS,
  ENTITY_SCHEMA,
  PURPOSE_HEADERS,
  SCORE_QUERY,
  SCORE_SCHEMA,
} from '../openapi/score-schemas.js';
import { defineRoute, OPENAPI_REGISTRY } from '../openapi/registry.js';
import { jsonContent } from '../openapi/params.js';


export const ENTITY_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/v1/entities/:id',
  summary: 'An entity: kind, segments, relationship counts and current-run metrics',
  tags: ['scores'],
  roles: ['lender', 'analyst'],
  request: { params: ENTITY_PARAMS, headers: PURPOSE_HEADERS },
  responses: { 200: { description: 'the entity', content: jsonContent(ENTITY_SCHEMA) } },
  fieldNames: 'part',
  errors: [404, 503],
});

export const SCORE_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/v1/entities/:id/score',
  summary: 'Score an entity: score, band, PD, five dimensions, up to 4 reasons with evidence, credit limit',
  tags: ['scores'],
  roles: ['lender', 'analyst'],
  request: { params: ENTITY_PARAMS, query: SCORE_QUERY, headers: PURPOSE_HEADERS },
  responses: { 200: { description: 'the score', content: jsonContent(SCORE_SCHEMA) } },
  fieldNames: 'part',
  errors: [404, 503],
});

export const BATCH_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  method: 'post',
  path: '/v1/scores',
  summary: 'Score up to 1,000 entities; unknown ids are reported per id without failing the batch',
  tags: ['scores'],
  roles: ['lender', 'analyst'],
  request: { body: BATCH_BODY, headers: PURPOSE_HEADERS },
  responses: {
    200: { description: 'one result per requested id, in request order', content: jsonContent(BATCH_RESPONSE) },
  },
  fieldNames: 'part',
  errors: [413, 503],
});

export const AUDIT_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/v1/audit',
  summary: 'Audit trail of entity and score lookups, newest first',
  tags: ['admin'],
  roles: ['admin'],
  request: { query: AUDIT_QUERY },
  responses: { 200: { description: 'audit events', content: jsonContent(AUDIT_RESPONSE) } },
  fieldNames: 'part',
  errors: [503],
});

/**
 * Runs a lookup and audits it per entity, whatever the outcome: the status per id on success, the
 * error's HTTP status (404, 503, …) on failure.
 */
async function audited(
  deps: AppDeps,
  req: Request,
  res: Response,
  entityIds: readonly string[],
  work: () => Promise<(id: string) => number>,
): Promise<void> {
  let statusOf: (id: string) => number = () => 500;
  try {
    statusOf = await work();
  } catch (error) {
    const status = error instanceof AppError ? error.httpStatus : 500;
    statusOf = () => status;
    throw error;
  } finally {
    const key = apiKeyOf(res);
    const trail = auditTrailOf(deps.db);
    const purpose = String(req.header('x-purpose') ?? '').slice(0, 200);
    const requestId = String(res.locals.requestId ?? '');
    const route = `${req.method} ${String(req.route?.path ?? req.path)}`;
    for (const entityId of entityIds)
      trail.record({
        keyId: key.id,
        role: key.role,
        entityId,
        purpose,
        route,
        status: statusOf(entityId),
        requestId,
      });
  }
}

function asOfMs(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Date.parse(value);
}

export function scoreRoutes(deps: AppDeps): Router {
  const router = Router();
  const scorers = requireRole(deps, 'lender', 'analyst');

  router.get(ENTITY_ROUTE.path, scorers, ENTITY_ROUTE.validate, async (req, res) => {
    const { id } = ENTITY_ROUTE.input(res).params;
    await audited(deps, req, res, [id], async () => {
      res.json(await getEntity(deps, id));
      return () => 200;
    });
  });

  router.get(SCORE_ROUTE.path, scorers, SCORE_ROUTE.validate, async (req, res) => {
    const { params, query } = SCORE_ROUTE.input(res);
    await audited(deps, req, res, [params.id], async () => {
      const score = (await scoreEntities(deps, [params.id], { asOfMs: asOfMs(query.asOf) })).get(params.id);
      if (!score) throw new NotFoundError('entity', params.id);
      res.json(score);
      return () => 200;
    });
  });

  router.post(
    BATCH_ROUTE.path,
    scorers,
    express.json({ limit: '256kb' }),
    BATCH_ROUTE.validate,
    async (req, res) => {
      const { body } = BATCH_ROUTE.input(res);
      const ids = [...new Set(body.ids)];
      await audited(deps, req, res, ids, async () => {
        const scores = await scoreEntities(deps, ids, { asOfMs: asOfMs(body.asOf) });
        const results = body.ids.map((id) => {
          const score = scores.get(id);
          return score
            ? { id, status: 'ok' as const, score }
            : { id, status: 'not_found' as const, error: `entity ${JSON.stringify(id)} does not exist` };
        });
        const ok = results.filter((r) => r.status === 'ok').length;
        res.json({ results, counts: { ok, notFound: results.length - ok } });
        return (id) => (scores.has(id) ? 200 : 404);
      });
    },
  );

  router.get(AUDIT_ROUTE.path, requireRole(deps, 'admin'), AUDIT_ROUTE.validate, async (_req, res) => {
    const q = AUDIT_ROUTE.input(res).query;
    const events = await auditTrailOf(deps.db).list({
      keyId: q.keyId ?? null,
      entityId: q.entityId ?? null,
      fromMs: q.from ? Date.parse(q.from) : null,
      toMs: q.to ? Date.parse(q.to) : null,
      limit: q.limit,
    });
    res.json({ events });
  });

  return router;
}
