/**
 * API-key authentication, role checks and a per-key rate limit.
 * `requireRole(deps, 'analyst', 'admin')` answers 401 without a valid key, 403 for another role,
 * 429 with Retry-After over RATE_LIMIT_PER_MINUTE. The key's record lands in `res.locals.apiKey`.
 */
import type { RequestHandler, Response } from 'express';
import type { ApiKeyRecord, Role } from '../../auth/api-key.js';
import { findApiKey } from '../../db/api-key-repository.js';
import { withDeadline } from '../../db/deadline.js';
import { ForbiddenError, RateLimitedError, UnauthorizedError } from '../../errors/app-error.js';
import type { AppDeps } from '../deps.js';

const CACHE_MS = 30000;
const cache = new Map<string, { record: ApiKeyRecord | undefined; until: number }>();

function presentedKey(authorization: string | undefined, header: string | undefined): string | undefined {
  if (header) return header.trim();
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return m?.[1];
}

async function lookup(deps: AppDeps, key: string): Promise<ApiKeyRecord | undefined> {
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.record;
  const record = await withDeadline(findApiKey(deps.db, key), deps.config.scoring.timeoutMs, 'Neo4j (API key lookup)');
  if (cache.size > 10000) cache.clear();
  cache.set(key, { record, until: Date.now() + CACHE_MS });
  return record;
}

/** Fixed one-minute window per key in Redis. */
async function checkRateLimit(deps: AppDeps, keyId: string): Promise<void> {
  const now = Date.now();
  const window = Math.floor(now / 60000);
  const counter = `${deps.config.redis.prefix}:ratelimit:${keyId}:${window}`;
  const count = await deps.redis.incr(counter);
  if (count === 1) await deps.redis.expire(counter, 120);
  if (count > deps.config.http.rateLimitPerMinute) {
    throw new RateLimitedError(Math.max(1, Math.ceil(((window + 1) * 60000 - now) / 1000)));
  }
}

export function requireRole(deps: AppDeps, ...roles: Role[]): RequestHandler {
  return async (req, res, next) => {
    try {
      const key = presentedKey(req.header('authorization'), req.header('x-api-key'));
      if (!key) throw new UnauthorizedError();
      const record = await lookup(deps, key);
      if (!record) throw new UnauthorizedError('the API key is not valid (unknown or revoked)');
      if (!roles.includes(record.role)) throw new ForbiddenError(record.role, roles);
      await checkRateLimit(deps, record.id);
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
