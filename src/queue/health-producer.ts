/** The `health` queue: a trivial job that proves a worker is consuming end to end. */
import { Queue, QueueEvents } from 'bullmq';
import type { Config } from '../config/index.js';
import { bullConnection } from './connection.js';
import { QUEUE_NAMES } from './names.js';

export interface HealthJob {
  readonly echo: string;
  readonly sentAt: string;
}

export interface HealthResult {
  readonly echo: string;
  readonly worker: string;
  readonly latencyMs: number;
}

/**
 * Sends one health job and waits for its result (bounded by `timeoutMs`).
 * `queueName` lets tests use a queue of their own.
 */
export async function sendHealthJob(
  config: Config['redis'],
  echo: string,
  timeoutMs = 10000,
  queueName: string = QUEUE_NAMES.health,
): Promise<HealthResult> {
  const connection = bullConnection(config);
  const queue = new Queue<HealthJob, HealthResult>(queueName, { connection, prefix: config.prefix });
  const events = new QueueEvents(queueName, { connection, prefix: config.prefix });
  try {
    await events.waitUntilReady();
    const job = await queue.add('health', { echo, sentAt: new Date().toISOString() }, { removeOnComplete: 100, removeOnFail: 100 });
    return (await job.waitUntilFinished(events, timeoutMs)) as HealthResult;
  } finally {
    await events.close();
    await queue.close();
  }
}
