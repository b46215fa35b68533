/**
 * The queues of the background work (waiting, active, completed, failed jobs, retries) through
 * bull-board, for the `admin` role only:
 * - GET /admin/queues/… : the bull-board dashboard and its API, behind the same key check as every route
 *   (Authorization: Bearer or X-API-Key), so a script or a proxy that adds the header can use it;
 * - POST /admin/queues/session (admin): sets an HttpOnly, SameSite=Strict cookie holding the key, scoped
 *   to /admin/queues, so a browser can open the dashboard (a link cannot send a header). The web view's
 *   Runs page calls it before opening the dashboard.
 * The dashboard's queue handles are opened on first use, so an app that never serves it opens no
 * connection for it.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Router, type RequestHandler } from 'express';
import { openBoardQueues } from '../../queue/board-queues.js';
import type { AppDeps } from '../deps.js';
import { requireRole } from '../middleware/auth.js';
import { requireRedis } from '../middleware/require-redis.js';
import { defineRoute, OPENAPI_REGISTRY } from '../openapi/registry.js';
import { documentRoute } from '../openapi/registry.js';
import { z } from 'zod';

export const QUEUE_BOARD_PATH = '/admin/queues';
const COOKIE = 'creditgraph_queues_key';
const COOKIE_MAX_AGE_S = 8 * 3600;

documentRoute(OPENAPI_REGISTRY, {
  method: 'get',
  path: QUEUE_BOARD_PATH,
  summary:
    'Queues dashboard (bull-board): waiting, active, completed and failed jobs, retries; its assets and API are under /admin/queues/. Key by header, or by the cookie POST /admin/queues/session sets',
  roles: ['admin'],
  tags: ['operations'],
  responses: { 200: { description: 'the dashboard', content: { 'text/html': { schema: z.string() } } } },
});

export const QUEUE_SESSION_ROUTE = defineRoute(OPENAPI_REGISTRY, {
  tags: ['operations'],
  method: 'post',
  path: `${QUEUE_BOARD_PATH}/session`,
  summary:
    'Lets this browser open the queues dashboard: sets an HttpOnly, SameSite=Strict cookie scoped to /admin/queues',
  roles: ['admin'],
  responses: { 204: { description: 'cookie set (Set-Cookie)' } },
});

/** The key from the dashboard's cookie, when the request carries no key header (a browser). */
function keyFromCookie(): RequestHandler {
  return (req, _res, next) => {
    if (!req.header('authorization') && !req.header('x-api-key')) {
      const cookie = (req.header('cookie') ?? '')
        .split(';')
        .map((c) => c.trim())
        .find((c) => c.startsWith(`${COOKIE}=`));
      if (cookie) req.headers['x-api-key'] = decodeURIComponent(cookie.slice(COOKIE.length + 1));
    }
    next();
  };
}

function presentedKey(authorization: string | undefined, header: string | undefined): string {
  if (header) return header.trim();
  return /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
}

/** The bull-board router, built on first use. */
function lazyBoard(deps: AppDeps): RequestHandler {
  let board: RequestHandler | undefined;
  return function queueBoard(req, res, next) {
    if (!board) {
      const adapter = new ExpressAdapter();
      adapter.setBasePath(QUEUE_BOARD_PATH);
      const queues = openBoardQueues(deps.config.redis).map((q) => new BullMQAdapter(q));
      createBullBoard({
        queues,
        serverAdapter: adapter,
        options: { uiConfig: { boardTitle: 'creditgraph queues' } },
      });
      board = adapter.getRouter() as RequestHandler;
    }
    return board(req, res, next);
  };
}

export function queueBoardRoutes(deps: AppDeps): Router {
  const router = Router();
  const admin = requireRole(deps, 'admin');
  router.post(QUEUE_SESSION_ROUTE.path, admin, QUEUE_SESSION_ROUTE.validate, (req, res) => {
    const key = presentedKey(req.header('authorization'), req.header('x-api-key'));
    const secure = req.secure ? '; Secure' : '';
    res
      .setHeader(
        'Set-Cookie',
        `${COOKIE}=${encodeURIComponent(key)}; Path=${QUEUE_BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${COOKIE_MAX_AGE_S}${secure}`,
      )
      .status(204)
      .end();
  });
  // a plain function in front of the board keeps its inner routes out of the route table (documented above)
  router.use(QUEUE_BOARD_PATH, keyFromCookie(), admin, requireRedis(deps), lazyBoard(deps));
  return router;
}
