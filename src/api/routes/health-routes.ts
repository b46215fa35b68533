/**
 * /healthz (the process is up) and /readyz: ready (200) when Neo4j answers within 2 s and the score path is
 * warmed up; `degraded` (still 200: scores and exploration answer) when only Redis does not answer, with
 * the reason (rate limits counted per process, jobs cannot be queued); otherwise 503 with Retry-After.
 * A failed check carries a reason code and a short message, never the raw driver error.
 */
import { Router } from 'express';
import { z } from 'zod';
import { pingRedis } from '../../queue/connection.js';
import type { AppDeps } from '../deps.js';
import { describeFailure, type CheckResult } from '../readiness.js';
import { getLogger } from '../../logging/logger.js';
import { jsonContent } from '../openapi/params.js';
import { defineRoute, OPENAPI_REGISTRY } from '../openapi/registry.js';

const log = getLogger('readiness');

const CHECK = z.object({
  ok: z.boolean(),
  code: z.string().optional().describe('reason code of a failed check, e.g. neo4j_unreachable, redis_timeout'),
  error: z.string().optional(),
});
const READINESS = z.object({
  status: z.enum(['ready', 'degraded', 'unavailable']),
  failed: z.array(z.enum(['neo4j', 'scoring'])).describe('checks that make the service unavailable (503)'),
  degraded: z.array(z.enum(['redis'])).describe('checks that failed while serving goes on (200)'),
  checks: z.object({ neo4j: CHECK, redis: CHECK, scoring: CHECK }),
  rateLimit: z.enum(['redis', 'process']).describe('where per-key rate limits are counted now'),
});

export const HEALTH_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/healthz',
  summary: 'Liveness: the process is up',
  tags: ['health'],
  roles: [],
  responses: {
    200: {
      description: 'up',
      content: jsonContent(z.object({ status: z.literal('ok'), uptimeSeconds: z.number().int() })),
    },
  },
});

export const READY_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: '/readyz',
  summary: 'Readiness: Neo4j answers within 2 s and scores are warmed up; without Redis, degraded',
  tags: ['health'],
  roles: [],
  responses: {
    200: { description: 'ready, or degraded (Redis down: scores answer, jobs cannot be queued)', content: jsonContent(READINESS) },
    503: { description: 'Neo4j does not answer or scores are warming up (Retry-After: 5)', content: jsonContent(READINESS) },
  },
});

export function healthRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get(HEALTH_ROUTE.path, (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  });
  router.get(READY_ROUTE.path, async (_req, res) => {
    const [neo4j, redis] = await Promise.allSettled([deps.db.ping(2000), pingRedis(deps.redis, 2000)]);
    const warm = deps.warmUp;
    const checks: Record<'neo4j' | 'redis' | 'scoring', CheckResult> = {
      scoring: !warm || warm.ready ? { ok: true } : { ok: false, code: 'scoring_warming_up', error: 'warming up: preparing the score reads' },
      neo4j: checkOf('neo4j', neo4j),
      redis: checkOf('redis', redis),
    };
    const failed = (['neo4j', 'scoring'] as const).filter((k) => !checks[k].ok);
    const degraded = checks.redis.ok ? [] : (['redis'] as const);
    const status = failed.length ? 'unavailable' : degraded.length ? 'degraded' : 'ready';
    if (failed.length) res.setHeader('Retry-After', '5');
    if (degraded.length) {
      checks.redis = { ...checks.redis, error: `${checks.redis.error}: rate limits are counted per process and jobs cannot be queued (503)` };
    }
    res.status(failed.length ? 503 : 200).json({ status, failed, degraded, checks, rateLimit: degraded.length ? 'process' : 'redis' });
  });
  return router;
}

function checkOf(service: 'neo4j' | 'redis', result: PromiseSettledResult<void>): CheckResult {
  if (result.status === 'fulfilled') return { ok: true };
  const check = describeFailure(service, result.reason);
  log.warn({ check: check.code, err: (result.reason as Error)?.message }, 'readiness check failed');
  return check;
}
