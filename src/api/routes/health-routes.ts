/** /healthz (the process is up) and /readyz (Neo4j and Redis both answer within 2 s). */
import { Router } from 'express';
import { pingRedis } from '../../queue/connection.js';
import type { AppDeps } from '../deps.js';

export function healthRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  });
  router.get('/readyz', async (_req, res) => {
    const [neo4j, redis] = await Promise.allSettled([deps.db.ping(2000), pingRedis(deps.redis, 2000)]);
    const checks = {
      neo4j: neo4j.status === 'fulfilled' ? { ok: true } : { ok: false, error: (neo4j.reason as Error).message },
      redis: redis.status === 'fulfilled' ? { ok: true } : { ok: false, error: (redis.reason as Error).message },
    };
    const failed = Object.entries(checks).filter(([, c]) => !c.ok).map(([k]) => k);
    if (failed.length > 0) res.setHeader('Retry-After', '5');
    res.status(failed.length ? 503 : 200).json({ status: failed.length ? 'unavailable' : 'ready', failed, checks });
  });
  return router;
}
