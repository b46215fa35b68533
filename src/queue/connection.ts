/**
 * Redis connections for BullMQ and for plain commands (readiness, rate limits).
 * BullMQ workers need `maxRetriesPerRequest: null` so blocking commands are not cut short.
 */
import { Redis } from 'ioredis';
import type { ConnectionOptions } from 'bullmq';
import type { Config } from '../config/index.js';
import { UpstreamError } from '../errors/app-error.js';

/** Connection options handed to every Queue, Worker and QueueEvents. */
export function bullConnection(config: Config['redis']): ConnectionOptions {
  return { url: config.url, maxRetriesPerRequest: null, enableOfflineQueue: true };
}

/** A plain ioredis client that fails fast (readiness checks, rate limiting, audit counters). */
export function createRedis(config: Config['redis']): Redis {
  return new Redis(config.url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    enableOfflineQueue: false,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
}

/** Resolves when Redis answers PING within `timeoutMs`; throws UpstreamError otherwise. */
export async function pingRedis(redis: Redis, timeoutMs = 2000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const answer = await Promise.race([redis.ping(), timeout]);
    if (answer !== 'PONG') throw new Error(`unexpected answer ${String(answer)}`);
  } catch (error) {
    throw new UpstreamError('redis', `Redis does not answer: ${(error as Error).message}`, error);
  } finally {
    clearTimeout(timer);
  }
}
