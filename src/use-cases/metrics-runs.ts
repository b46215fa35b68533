/**
 * Metrics runs for the entry points (API, CLI): request a refresh, list and read runs, job status,
 * and one entity's signals. Not-found cases throw NotFoundError.
 */
import type { Config } from '../config/index.js';
import type { Database } from '../db/driver.js';
import { NotFoundError } from '../errors/app-error.js';
import { createMetricsQueue, enqueueRefresh, type EnqueuedRefresh } from '../queue/metrics-producer.js';
import { getJobStatus, type JobStatus } from '../queue/job-status.js';
import { getEntitySignals, getRun, listRuns, type EntitySignals, type MetricsRun } from '../db/signals-repository.js';

/** Enqueues a refresh (or returns the one already waiting or running for that scope). */
export async function requestRefresh(config: Config, scope: string, requestedBy: string | undefined, now: Date, queueName?: string): Promise<EnqueuedRefresh> {
  const queue = createMetricsQueue(config.redis, queueName);
  try {
    return await enqueueRefresh(queue, { scope, requestedBy, now });
  } finally {
    await queue.close();
  }
}

export async function listMetricsRuns(db: Database, scope: string | null, limit: number): Promise<MetricsRun[]> {
  return listRuns(db, scope, limit);
}

export async function getMetricsRun(db: Database, id: string): Promise<MetricsRun> {
  const run = await getRun(db, id);
  if (!run) throw new NotFoundError('metrics run', id);
  return run;
}

export async function getJob(config: Config, id: string): Promise<JobStatus> {
  const job = await getJobStatus(config.redis, id);
  if (!job) throw new NotFoundError('job', id);
  return job;
}

export async function getSignals(db: Database, entityId: string): Promise<EntitySignals> {
  const signals = await getEntitySignals(db, entityId);
  if (!signals) throw new NotFoundError('entity', entityId);
  return signals;
}
