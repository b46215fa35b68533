/**
 * API-key authentication, role checks and a per-key rate limit.
 * `requireRole(deps, 'analyst', 'admin')` answers 401 without a valid key, 403 for another role,
 * 429 with Retry-After over RATE_LIMIT_PER_MINUTE. The key's record lands in `res.locals.apiKey`.
 * Lookups are cached with known and unknown keys apart (src/auth/key-cache.ts), so random keys cannot
 * flush the known ones; the rate limit falls back to a per-process count while Redis is down.
 */
import type { RequestHandler, Response } from 'express';
import type { ApiKeyRecord, Role } from '../../auth/api-key.js';
import { findApiKey } from '../../db/api-key-repository.js';
import { withDeadline } from '../../db/deadline.js';
import { KeyCache } from '../../auth/key-cache.js';
import { ForbiddenError, UnauthorizedError } from '../../errors/app-error.js';
import type { AppDeps } from '../deps.js';
import { RateLimiter } from './rate-limit.js';

const cache = new KeyCache<ApiKeyRecord>();
const limiters = new WeakMap<AppDeps, RateLimiter>();

/** The app's one rate limiter (one per deps, i.e. per createApp). */
export function rateLimiterOf(deps: AppDeps): RateLimiter {
  let limiter = limiters.get(deps);
  if (!limiter) {
    limiter = new RateLimiter(deps.redis, deps.config.redis.prefix, deps.config.http.rateLimitPerMinute);
    limiters.set(deps, limiter);
  }
  return limiter;
}

function presentedKey(authorization: string | undefined, header: string | undefined): string | undefined {
  if (header) return header.trim();
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return m?.[1];
}

async function lookup(deps: AppDeps, key: string): Promise<ApiKeyRecord | undefined> {
  const hit = cache.get(key, Date.now());
  if (hit) return hit.record;
  const record = await withDeadline(findApiKey(deps.db, key), deps.config.scoring.timeoutMs, 'Neo4j (API key lookup)');
  cache.set(key, record, Date.now());
  return record;
}

export function requireRole(deps: AppDeps, ...roles: Role[]): RequestHandler {
  const limiter = rateLimiterOf(deps);
  return async (req, res, next) => {
    try {
      const key = presentedKey(req.header('authorization'), req.header('x-api-key'));
      if (!key) throw new UnauthorizedError();
      const record = await lookup(deps, key);
      if (!record) throw new UnauthorizedError('the API key is not valid (unknown or revoked)');
      if (!roles.includes(record.role)) throw new ForbiddenError(record.role, roles);
      await limiter.check(record.id);
      res.locals.apiKey = record;
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** The authenticated key of this request (after requireRole). */
export function apiKeyOf(res: Response): ApiKeyRecord {
  const record = res.locals.apiKey as ApiKeyRecord | undefined;
  if (!record) throw new UnauthorizedError();
  return record;
}

/** Forgets cached key lookups (after a revoke). */
export function clearApiKeyCache(): void {
  cache.clear();
}
