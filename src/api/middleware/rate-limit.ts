/**
 * The per-key rate limit: a fixed one-minute window counted in Redis, shared by every API process. When
 * Redis does not answer, requests are not failed: the window is counted in this process instead (so with
 * N API processes a key may make up to N × the limit while Redis is down), `/readyz` says so, and Redis
 * is probed in the background at most once a second until it answers: only the request that finds Redis
 * stalled waits (at most REDIS_ANSWER_MS), none after it.
 */
import type { Redis } from 'ioredis';
import { RateLimitedError } from '../../errors/app-error.js';
import { getLogger } from '../../logging/logger.js';

const log = getLogger('rate-limit');
const WINDOW_MS = 60_000;
/** How long a Redis counter may take before this request is counted in the process instead (ms). */
const REDIS_ANSWER_MS = 500;
/** After a Redis failure, how long requests are counted in the process before Redis is tried again (ms). */
const RETRY_REDIS_MS = 1000;

export interface RateLimitState {
  /** Where windows are counted now: `redis` (shared) or `process` (fallback while Redis is down). */
  readonly mode: 'redis' | 'process';
  /** Why the fallback is in use (absent in `redis` mode). */
  readonly reason?: string;
  readonly since?: string;
}

export class RateLimiter {
  private local = new Map<string, number>();
  private localWindow = -1;
  private failedUntil = 0;
  private probing = false;
  private fallback: { reason: string; since: string } | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly perMinute: number,
    private readonly clock: () => number = Date.now,
  ) {}

  get state(): RateLimitState {
    return this.fallback ? { mode: 'process', ...this.fallback } : { mode: 'redis' };
  }

  /** Counts one request of `keyId`; throws RateLimitedError over the limit. */
  async check(keyId: string): Promise<void> {
    const now = this.clock();
    const window = Math.floor(now / WINDOW_MS);
    const count = (await this.countInRedis(keyId, window, now)) ?? this.countLocally(keyId, window);
    if (count > this.perMinute) {
      throw new RateLimitedError(Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000)));
    }
  }

  /** The window's count in Redis, or undefined when Redis cannot count it now. */
  private async countInRedis(keyId: string, window: number, now: number): Promise<number | undefined> {
    if (this.redis.status !== 'ready') return this.fail(now, `Redis connection is ${this.redis.status}`);
    if (this.fallback) {
      // no request waits on a Redis that failed: one probe in the background at most once a second
      if (now >= this.failedUntil && !this.probing) this.probe(now);
      return undefined;
    }
    try {
      const counter = `${this.prefix}:ratelimit:${keyId}:${window}`;
      const count = await withinMs(this.redis.incr(counter), REDIS_ANSWER_MS);
      if (count === 1) void this.redis.expire(counter, 120).catch(() => undefined);
      return count;
    } catch (error) {
      return this.fail(now, (error as Error).message);
    }
  }

  private probe(now: number): void {
    this.probing = true;
    this.failedUntil = now + RETRY_REDIS_MS;
    withinMs(this.redis.ping(), REDIS_ANSWER_MS).then(
      () => {
        this.probing = false;
        if (this.fallback) log.info({ since: this.fallback.since }, 'Redis answers again: rate limits are shared again');
        this.fallback = undefined;
      },
      () => {
        this.probing = false;
      },
    );
  }

  private fail(now: number, reason: string): undefined {
    this.failedUntil = now + RETRY_REDIS_MS;
    if (!this.fallback) {
      this.fallback = { reason: 'Redis does not answer', since: new Date(now).toISOString() };
      log.warn({ err: reason }, 'Redis does not answer: rate limits are counted in this process until it does');
    }
    return undefined;
  }

  private countLocally(keyId: string, window: number): number {
    if (window !== this.localWindow) {
      this.local = new Map();
      this.localWindow = window;
    }
    const count = (this.local.get(keyId) ?? 0) + 1;
    this.local.set(keyId, count);
    return count;
  }
}

/** `work`, or a rejection after `ms`. */
async function withinMs<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
