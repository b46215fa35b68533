/** /healthz (the process is up) and /readyz (Neo4j and Redis both answer within 2 s). */
import { Router } from 'express';
import { z } from 'zod';
import { pingRedis } from '../../queue/connection.js';
import type { AppDeps } from '../deps.js';
import { jsonContent } from '../openapi/params.js';
import { defineRoute, OPENAPI_REGISTRY } from '../openapi/registry.js';

const CHECK = z.object({ ok: z.boolean(), error: z.string().optional() });
const READINESS = z.object({
  status: z.enum(['ready', 'unavailable']),
  failed: z.array(z.enum(['neo4j', 'redis', 'scoring'])),
  checks: z.object({ neo4j: CHECK, redis: CHECK, scoring: CHECK }),
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
  summary: 'Readiness: Neo4j and Redis answer within 2 s',
  tags: ['health'],
  roles: [],
  responses: {
    200: { description: 'ready', content: jsonContent(READINESS) },
    503: { description: 'a dependency does not answer (Retry-After: 5)', content: jsonContent(READINESS) },
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
    const checks = {
      scoring: !warm || warm.ready ? { ok: true } : { ok: false, error: 'warming up: preparing the score reads' },
      neo4j:
        neo4j.status === 'fulfilled' ? { ok: true } : { ok: false, error: (neo4j.reason as Error).message },
      redis:
        redis.status === 'fulfilled' ? { ok: true } : { ok: false, error: (redis.reason as Error).message },
    };
    const failed = Object.entries(checks)
      .filter(([, c]) => !c.ok)
      .map(([k]) => k);
    if (failed.length > 0) res.setHeader('Retry-After', '5');
    res
      .status(failed.length ? 503 : 200)
      .json({ status: failed.length ? 'unavailable' : 'ready', failed, checks });
  });
  return router;
}
