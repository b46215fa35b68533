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

/** How long a request path waits for one queue call (or a producer's connection) before answering 503 (ms). */
export const QUEUE_CALL_MS = 3000;

/** Connection options handed to every Queue, Worker and QueueEvents. */
export function bullConnection(config: Config['redis']): ConnectionOptions {
  return { url: config.url, maxRetriesPerRequest: null, enableOfflineQueue: true };
}

/**
 * Connection options of a short-lived producer (one request's Queue: enqueue a job, read a job's status).
 * Fails fast instead of waiting for Redis: no offline queue, one connection attempt within QUEUE_CALL_MS and no
 * reconnection (BullMQ waits for a connection that retries until it is ready, so a request would hang).
 */
export function producerConnection(config: Config['redis']): ConnectionOptions {
  return { url: config.url, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: QUEUE_CALL_MS, retryStrategy: () => null };
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
 * Runs a queue call bounded by `timeoutMs`, turning a Redis connection failure or a Redis that does not
 * answer into UpstreamError (503 + Retry-After at the API) whose message names no host; other errors
 * pass through. An abandoned call finishes (or fails) in the background and is ignored.
 */
export async function withQueue<T>(work: () => Promise<T>, timeoutMs = QUEUE_CALL_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const running = work();
  running.catch(() => undefined);
  try {
    return await Promise.race([
      running,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new UpstreamError('redis', `Redis did not answer within ${timeoutMs} ms: jobs cannot be queued or read now; retry later`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    const text = `${(error as { code?: string }).code ?? ''} ${(error as Error).message ?? ''}`;
    if (error instanceof UpstreamError || !CONNECTION_FAILURE.test(text)) throw error;
    throw new UpstreamError('redis', 'Redis does not answer: jobs cannot be queued or read now; retry later', error);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes a short-lived Queue handle; one whose Redis does not answer is disconnected after `timeoutMs`. */
export async function closeQueue(queue: { close(): Promise<void>; disconnect(): Promise<void> }, timeoutMs = QUEUE_CALL_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const closing = queue.close().catch(() => undefined);
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
  try {
    if ((await Promise.race([closing, late])) === 'late') await queue.disconnect().catch(() => undefined);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `work` on a short-lived Queue handle (bounded like withQueue) and closes the handle: awaited after
 * success, in the background after a failure (so a Redis that does not answer does not delay the 503).
 */
export async function usingQueue<Q extends { close(): Promise<void>; disconnect(): Promise<void> }, T>(
  queue: Q,
  work: (queue: Q) => Promise<T>,
): Promise<T> {
  let ok = false;
  try {
    const result = await withQueue(() => work(queue));
    ok = true;
    return result;
  } finally {
    const closing = closeQueue(queue);
    if (ok) await closing;
  }
}
