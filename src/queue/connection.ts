/**
 * Redis connections for BullMQ and for plain commands (readiness, rate limits).
 * BullMQ workers need `maxRetriesPerRequest: null` so blocking commands are not cut short.
 */
import { Redis } from 'ioredis';
import type { ConnectionOptions } from 'bullmq';
import type { Config } from '../config/index.js';
import { UpstreamError } from '../errors/app-error.js';
import { getLogger } from '../logging/logger.js';

const log = getLogger('queue');

/** Connection options handed to every Queue, Worker and QueueEvents. */
export function bullConnection(config: Config['redis']): ConnectionOptions {
  return { url: config.url, maxRetriesPerRequest: null, enableOfflineQueue: true };
}

/**
 * Connection options of a short-lived producer (one request's Queue: enqueue a job, read a job's status).
 * Fails fast instead of waiting for Redis: no offline queue, one connection attempt within 2 s and no
 * reconnection (BullMQ waits for a connection that retries until it is ready, so a request would hang).
 */
export function producerConnection(config: Config['redis']): ConnectionOptions {
  return { url: config.url, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, retryStrategy: () => null };
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

/**
 * Gives a Queue handle an `error` listener: without one BullMQ prints connection errors to the console
 * (the failing call rejects anyway and its caller reports it).
 */
export function watchQueueErrors<Q extends { on(event: 'error', listener: (error: Error) => void): unknown }>(queue: Q): Q {
  queue.on('error', (error) => log.debug({ err: error.message }, 'queue connection error'));
  return queue;
}

const CONNECTION_FAILURE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|Connection is closed|Stream isn't writeable|enableOfflineQueue|MaxRetriesPerRequest|connect ETIMEDOUT/i;

/**
 * Runs a queue call, turning a Redis connection failure into UpstreamError (503 + Retry-After at the API)
 * whose message names no host; other errors pass through.
 */
export async function withQueue<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const text = `${(error as { code?: string }).code ?? ''} ${(error as Error).message ?? ''}`;
    if (error instanceof UpstreamError || !CONNECTION_FAILURE.test(text)) throw error;
    throw new UpstreamError('redis', 'Redis does not answer: jobs cannot be queued or read now; retry later', error);
  }
}
