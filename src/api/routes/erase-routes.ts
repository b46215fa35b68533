/**
 * Erasure for admins (docs/erasure.md):
 *   DELETE /v1/entities/:id   removes the entity, its facts, its place in derived values, its audit events and
 *                             its lines in rejects files and uploads; the audit keeps a tombstone.
 * The reason comes from the `X-Erasure-Reason` header or a JSON body `{"reason": "..."}`.
 */
import express, { Router } from 'express';
import { z } from 'zod';
import { eraseEntity } from '../../use-cases/erase-entity.js';
import type { AppDeps } from '../deps.js';
import { apiKeyOf, requireRole } from '../middleware/auth.js';
import { ENTITY_PARAMS } from '../openapi/score-schemas.js';
import { defineRoute, OPENAPI_REGISTRY } from '../openapi/registry.js';
import { jsonContent } from '../openapi/params.js';

const REASON = z.string().max(1000);

const ERASE_BODY = z.object({ reason: REASON.optional().openapi({ description: 'why (kept in the tombstone)' }) }).strict();

const ERASE_HEADERS = z.object({
  'x-erasure-reason': REASON.optional().openapi({ description: 'why (kept in the tombstone); or `reason` in the body' }),
});

const ERASE_RESPONSE = z.object({
  erased: z.literal(true),
  entityHash: z.string().openapi({ description: 'HMAC-SHA256 of the id, as kept by the tombstone' }),
  tombstoneId: z.string(),
  auditEventsDeleted: z.number().int(),
  rings: z.object({ updated: z.number().int(), deleted: z.number().int() }),
  communitiesUpdated: z.number().int(),
  loansDetached: z.number().int(),
  relationshipsDeleted: z.number().int(),
  nodesDeleted: z.number().int(),
  derivedRewritten: z.number().int(),
  files: z.object({ scanned: z.number().int(), rewritten: z.number().int(), linesRemoved: z.number().int() }),
});

export const ERASE_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  method: 'delete',
  path: '/v1/entities/:id',
  summary: 'Erase an entity: facts, identifiers used by no one else, derived values, audit events, file rows; a tombstone stays',
  tags: ['admin'],
  roles: ['admin'],
  request: { params: ENTITY_PARAMS, body: ERASE_BODY, bodyRequired: false, headers: ERASE_HEADERS },
  responses: { 200: { description: 'what was erased', content: jsonContent(ERASE_RESPONSE) } },
  fieldNames: 'part',
  errors: [404, 503],
});

export function eraseRoutes(deps: AppDeps): Router {
  const router = Router();
  router.delete(ERASE_ROUTE.path, requireRole(deps, 'admin'), express.json({ limit: '16kb' }), ERASE_ROUTE.validate, async (req, res) => {
    const { params, body } = ERASE_ROUTE.input(res);
    const key = apiKeyOf(res);
    const summary = await eraseEntity(deps.db, deps.config, {
      id: params.id,
      reason: body?.reason ?? String(req.header('x-erasure-reason') ?? '').slice(0, 1000),
      keyId: key.id,
      role: key.role,
      route: `DELETE ${ERASE_ROUTE.path}`,
      requestId: String(res.locals.requestId ?? ''),
      now: new Date(),
    });
    res.json({ erased: true, ...summary });
  });
  return router;
}
