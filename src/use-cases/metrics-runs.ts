/**
 * Metrics runs for the entry points (API, CLI): request a refresh, list and read runs, job status,
 * and one entity's signals. Not-found cases throw NotFoundError.
 */
import type { Config } from '../config/index.js';
import type { Database } from '../db/driver.js';
import { NotFoundError } from '../errors/app-error.js';
import { createMetricsQueue, enqueueRefresh, type EnqueuedRefresh } from '../queue/metrics-producer.js';
import { getJobStatus, type JobStatus } from '../queue/job-status.js';
import { producerConnection, usingQueue } from '../queue/connection.js';
import { getEntitySignals, getRun, listRuns, type EntitySignals, type MetricsRun } from '../db/signals-repository.js';
import { REFRESH_STAGES, type RefreshStage } from './refresh-metrics.js';

/** Enqueues a refresh (or returns the one already waiting or running for that scope). */
export async function requestRefresh(config: Config, scope: string, requestedBy: string | undefined, now: Date, queueName?: string): Promise<EnqueuedRefresh> {
  const queue = createMetricsQueue(config.redis, queueName, producerConnection(config.redis));
  return usingQueue(queue, (q) => enqueueRefresh(q, { scope, requestedBy, now }));
}

/** A run as the API shows it: the stored record, and for a failed run the stage that failed. */
export interface MetricsRunView extends MetricsRun {
  /**
   * The stage a failed run failed in: the first stage of the refresh without a recorded timing (stages
   * are recorded as each one finishes). Null unless the run failed.
   */
  readonly failedStage: RefreshStage | null;
}

export function withFailedStage(run: MetricsRun): MetricsRunView {
  if (run.status !== 'failed') return { ...run, failedStage: null };
  const done = new Set(run.stages.map((s) => s.stage));
  return { ...run, failedStage: REFRESH_STAGES.find((s) => !done.has(s)) ?? null };
}

export async function listMetricsRuns(db: Database, scope: string | null, limit: number): Promise<MetricsRunView[]> {
  return (await listRuns(db, scope, limit)).map(withFailedStage);
}

export async function getMetricsRun(db: Database, id: string): Promise<MetricsRunView> {
  const run = await getRun(db, id);
  if (!run) throw new NotFoundError('metrics run', id);
  return withFailedStage(run);
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
