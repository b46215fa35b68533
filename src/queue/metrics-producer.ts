/**
 * The `metrics` queue: refresh jobs (on demand and nightly through BullMQ's job scheduler) and job
 * status. At most one refresh runs at a time: the queue's global concurrency is 1, and a refresh
 * requested while another for the same scope is waiting or running returns that job (deduplication).
 */
import { randomBytes } from 'node:crypto';
import { Queue, type ConnectionOptions, type Job, type JobsOptions } from 'bullmq';
import type { Config } from '../config/index.js';
import { bullConnection, watchQueueErrors } from './connection.js';
import { QUEUE_NAMES } from './names.js';

export const REFRESH_JOB = 'refresh';
export const NIGHTLY_SCHEDULER_ID = 'metrics-nightly';

/** Payload of a refresh job. */
export interface MetricsJob {
  /** Entity id prefix of a scoped refresh; '' refreshes the whole graph. */
  readonly scope: string;
  readonly reason: 'manual' | 'schedule';
  readonly requestedBy?: string;
  /** Set for manual jobs; scheduled ones derive it from the job id (see runIdForJob). */
  readonly runId?: string;
}

/** Retries with exponential backoff (10 s, 20 s); finished jobs kept for status queries. */
export const REFRESH_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: { count: 200 },
  removeOnFail: { count: 200 },
};

/**
 * A handle on the metrics queue. `connection` defaults to one that waits for Redis (workers' start-up); a
 * request path passes `producerConnection` so it fails fast while Redis is down.
 */
export function createMetricsQueue(
  config: Config['redis'],
  name: string = QUEUE_NAMES.metrics,
  connection: ConnectionOptions = bullConnection(config),
): Queue<MetricsJob> {
  return watchQueueErrors(new Queue<MetricsJob>(name, { connection, prefix: config.prefix }));
}

/** A new run id: `run-<UTC yyyymmddThhmmss>-<4 random bytes hex>`. */
export function newRunId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `run-${stamp}-${randomBytes(4).toString('hex')}`;
}

/** The run id of a job: its payload's, or one derived from the job id (stable across retries). */
export function runIdForJob(job: Pick<Job<MetricsJob>, 'id' | 'data'>): string {
  return job.data.runId ?? `run-${String(job.id).replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

export interface EnqueuedRefresh {
  readonly jobId: string;
  /** The run this job will write (derived from the job id for a job already queued by the scheduler). */
  readonly runId: string;
  /** True when a refresh of the same scope was already waiting or running and that job is returned. */
  readonly deduplicated: boolean;
}

/** Enqueues a refresh of `scope` unless one is already waiting or running. */
export async function enqueueRefresh(queue: Queue<MetricsJob>, request: { scope: string; requestedBy?: string; now: Date }): Promise<EnqueuedRefresh> {
  const runId = newRunId(request.now);
  const data: MetricsJob = { scope: request.scope, reason: 'manual', requestedBy: request.requestedBy, runId };
  const job = await queue.add(REFRESH_JOB, data, { ...REFRESH_JOB_OPTIONS, jobId: runId, deduplication: { id: `refresh:${request.scope}` } });
  const jobId = String(job.id);
  if (jobId === runId) return { jobId, runId, deduplicated: false };
  const existing = await queue.getJob(jobId);
  return { jobId, runId: existing ? runIdForJob(existing) : runId, deduplicated: true };
}

/**
 * Creates or updates the nightly refresh (upsert by a fixed scheduler id, so re-deploying does not
 * duplicate it), or removes it when scheduling is disabled. Also pins global concurrency to 1.
 */
export async function ensureMetricsSchedule(queue: Queue<MetricsJob>, config: Config['metrics']): Promise<void> {
  await queue.setGlobalConcurrency(1);
  if (!config.scheduleEnabled) {
    await queue.removeJobScheduler(NIGHTLY_SCHEDULER_ID);
    return;
  }
  await queue.upsertJobScheduler(
    NIGHTLY_SCHEDULER_ID,
    { pattern: config.cron, tz: config.timeZone },
    { name: REFRESH_JOB, data: { scope: '', reason: 'schedule' }, opts: REFRESH_JOB_OPTIONS },
  );
}
