/**
 * Guards the routes that need Redis to answer at all (enqueueing or reading jobs): while the app's Redis
 * connection is not ready they answer 503 `redis_unavailable` with Retry-After at once, before reading a
 * request body, instead of waiting on a connection. Scores and exploration do not use this guard: they
 * keep answering, with the rate limit counted per process (./rate-limit.ts).
 */
import type { RequestHandler } from 'express';
import { UpstreamError } from '../../errors/app-error.js';
import type { AppDeps } from '../deps.js';

/** `unreadBody`: the refused request's body is left unread, so the connection is closed after the answer. */
export function requireRedis(deps: AppDeps, options: { readonly unreadBody?: boolean } = {}): RequestHandler {
  return (_req, res, next) => {
    if (deps.redis.status === 'ready') return next();
    if (options.unreadBody) res.setHeader('Connection', 'close');
    next(new UpstreamError('redis', 'Redis does not answer: jobs cannot be queued or read now; scores and exploration still answer. Retry later'));
  };
}
