/**
 * The worker process: one BullMQ Worker per queue, each calling its thin processor, and a graceful
 * shutdown that lets running jobs finish (bounded) before closing connections.
 */
import { Worker, type Processor } from 'bullmq';
import type { Config } from '../src/config/index.js';
import { bullConnection } from '../src/queue/connection.js';
import { QUEUE_NAMES } from '../src/queue/names.js';
import { getLogger } from '../src/logging/logger.js';
import { processHealthJob } from './health.worker.js';
import type { Runtime } from '../src/runtime/runtime.js';
import { createMetricsProcessor } from './metrics.worker.js';
import { createIngestProcessor } from './ingest.worker.js';
import { createMetricsQueue, ensureMetricsSchedule } from '../src/queue/metrics-producer.js';

const log = getLogger('worker');

export interface WorkerSpec {
  readonly queue: string;
  readonly processor: Processor;
  readonly concurrency?: number;
  readonly lockDuration?: number;
  readonly stalledInterval?: number;
  /** Runs once before the worker starts (e.g. upserting a job schedule). */
  readonly setup?: () => Promise<void>;
}

export interface RunningWorkers {
  readonly workers: readonly Worker[];
  close(): Promise<void>;
}

/** The queues this process consumes (later issues add ingest and metrics). */
export function defaultWorkerSpecs(runtime?: Runtime): WorkerSpec[] {
  const specs: WorkerSpec[] = [{ queue: QUEUE_NAMES.health, processor: processHealthJob, concurrency: 4 }];
  if (runtime) specs.push(metricsWorkerSpec(runtime));
  if (runtime) specs.push({ queue: QUEUE_NAMES.ingest, processor: createIngestProcessor(runtime) as Processor, concurrency: 1, lockDuration: 120000 });
  return specs;
}

/** The metrics queue: one refresh at a time, the nightly schedule upserted at start-up. */
function metricsWorkerSpec(runtime: Runtime): WorkerSpec {
  const { config } = runtime;
  return {
    queue: QUEUE_NAMES.metrics,
    processor: createMetricsProcessor(runtime) as Processor,
    concurrency: 1,
    lockDuration: config.metrics.lockMs,
    stalledInterval: config.metrics.stalledIntervalMs,
    setup: async () => {
      const queue = createMetricsQueue(config.redis);
      try {
        await ensureMetricsSchedule(queue, config.metrics);
      } finally {
        await queue.close();
      }
    },
  };
}

/** Starts a Worker for each spec and waits until each is connected. */
export async function startWorkers(config: Config, specs: readonly WorkerSpec[]): Promise<RunningWorkers> {
  const connection = bullConnection(config.redis);
  for (const spec of specs) await spec.setup?.();
  const workers = specs.map((spec) => {
    const worker = new Worker(spec.queue, spec.processor, {
      connection,
      prefix: config.redis.prefix,
      concurrency: spec.concurrency ?? 1,
      lockDuration: spec.lockDuration ?? 30000,
      ...(spec.stalledInterval ? { stalledInterval: spec.stalledInterval } : {}),
    });
    worker.on('failed', (job, err) => log.warn({ queue: spec.queue, jobId: job?.id, err: err.message }, 'job failed'));
    worker.on('completed', (job) => log.info({ queue: spec.queue, jobId: job.id }, 'job completed'));
    worker.on('error', (err) => log.error({ queue: spec.queue, err: err.message }, 'worker error'));
    return worker;
  });
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  log.info({ queues: specs.map((s) => s.queue) }, 'workers ready');
  return {
    workers,
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
      log.info('workers closed');
    },
  };
}
