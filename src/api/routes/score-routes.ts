/**
 * Entities and scores for lenders and analysts, and the audit trail for admins:
 *   GET  /v1/entities/:id         profile
 *   GET  /v1/entities/:id/score   score, band, PD, dimensions, reasons, limit, model, run, as-of, stale
 *   POST /v1/scores               up to 1,000 ids; unknown ids reported per id
 *   GET  /v1/audit                who looked at which entity, when and why (admin)
 * Every entity and score lookup states its purpose (X-Purpose) and is audited before it is answered (key
 * id, role, entity id, time, purpose, kind, status, request id). A lender sees no third party: see
 * auth/visible-to-role.ts.
 */
import express, { Router, type Request, type Response } from 'express';
import { AppError, NotFoundError } from '../../errors/app-error.js';
import type { AuditCursor } from '../../db/audit-repository.js';
import { scoreEntities } from '../../use-cases/score-entities.js';
import { getEntity } from '../../use-cases/score-get-entity.js';
import type { AppDeps } from '../deps.js';
import { auditRead, auditTrailFor, requirePurpose, sendAudited } from '../middleware/audit.js';
import { apiKeyOf, requireRole } from '../middleware/auth.js';
import { profileForRole, scoreForRole } from '../../auth/visible-to-role.js';
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
  summary: 'Audit trail of every read of entity data (who, role, purpose, what, entity, when), newest first; filters by entity, key and time, paginated by cursor',
  tags: ['admin'],
  roles: ['admin'],
  request: { query: AUDIT_QUERY },
  responses: { 200: { description: 'audit events', content: jsonContent(AUDIT_RESPONSE) } },
  fieldNames: 'part',
  errors: [503],
});

/**
 * Audits a lookup that failed (404, 503, …) per entity, best effort: the original error is what the
 * client gets, whether or not its audit could be written.
 */
async function auditFailure(deps: AppDeps, req: Request, res: Response, kind: string, ids: readonly string[], error: unknown): Promise<never> {
  const status = error instanceof AppError ? error.httpStatus : 500;
  await auditRead(deps, req, res, { kind, entityIds: ids, status: () => status }).catch(() => undefined);
  throw error;
}

/** The audit page cursor as sent: `<epoch ms>.<event id>` of the last event of the previous page. */
const encodeCursor = (c: AuditCursor): string => `${c.atMs}.${c.id}`;
function decodeCursor(text: string): AuditCursor {
  const dot = text.indexOf('.');
  return { atMs: Number(text.slice(0, dot)), id: text.slice(dot + 1) };
}

function asOfMs(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Date.parse(value);
}

export function scoreRoutes(deps: AppDeps): Router {
  const router = Router();
  const scorers = requireRole(deps, 'lender', 'analyst');
  const purpose = requirePurpose(deps);

  router.get(ENTITY_ROUTE.path, scorers, purpose, ENTITY_ROUTE.validate, async (req, res) => {
    const { id } = ENTITY_ROUTE.input(res).params;
    const profile = await getEntity(deps, id).catch((e: unknown) => auditFailure(deps, req, res, 'profile', [id], e));
    await sendAudited(deps, req, res, { kind: 'profile', entityIds: [id] }, profileForRole(apiKeyOf(res).role, profile));
  });

  router.get(SCORE_ROUTE.path, scorers, purpose, SCORE_ROUTE.validate, async (req, res) => {
    const { params, query } = SCORE_ROUTE.input(res);
    const score = await scoreEntities(deps, [params.id], { asOfMs: asOfMs(query.asOf) })
      .then((m) => m.get(params.id) ?? Promise.reject(new NotFoundError('entity', params.id)))
      .catch((e: unknown) => auditFailure(deps, req, res, 'score', [params.id], e));
    await sendAudited(deps, req, res, { kind: 'score', entityIds: [params.id] }, scoreForRole(apiKeyOf(res).role, score));
  });

  router.post(
    BATCH_ROUTE.path,
    scorers,
    purpose,
    express.json({ limit: '256kb' }),
    BATCH_ROUTE.validate,
    async (req, res) => {
      const { body } = BATCH_ROUTE.input(res);
      const ids = [...new Set(body.ids)];
      const role = apiKeyOf(res).role;
      const scores = await scoreEntities(deps, ids, { asOfMs: asOfMs(body.asOf) }).catch((e: unknown) =>
        auditFailure(deps, req, res, 'score', ids, e),
      );
      const results = body.ids.map((id) => {
        const score = scores.get(id);
        return score
          ? { id, status: 'ok' as const, score: scoreForRole(role, score) }
          : { id, status: 'not_found' as const, error: `entity ${JSON.stringify(id)} does not exist` };
      });
      const ok = results.filter((r) => r.status === 'ok').length;
      const read = { kind: 'score', entityIds: ids, status: (id: string) => (scores.has(id) ? 200 : 404) };
      await sendAudited(deps, req, res, read, { results, counts: { ok, notFound: results.length - ok } });
    },
  );

  router.get(AUDIT_ROUTE.path, requireRole(deps, 'admin'), AUDIT_ROUTE.validate, async (_req, res) => {
    const q = AUDIT_ROUTE.input(res).query;
    const page = await auditTrailFor(deps).list({
      keyId: q.keyId ?? null,
      entityId: q.entityId ?? null,
      fromMs: q.from ? Date.parse(q.from) : null,
      toMs: q.to ? Date.parse(q.to) : null,
      limit: q.limit,
      after: q.cursor ? decodeCursor(q.cursor) : null,
    });
    res.json({ events: page.events, next: page.next ? encodeCursor(page.next) : null });
  });

  return router;
}
