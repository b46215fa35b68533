/** Status of a job of any creditgraph queue, for GET /v1/jobs/:id and the CLI. */
import { Queue } from 'bullmq';
import type { Config } from '../config/index.js';
import { producerConnection, usingQueue, watchQueueErrors } from './connection.js';
import { QUEUE_NAMES } from './names.js';

export interface JobStatus {
  readonly id: string;
  readonly queue: string;
  readonly name: string;
  readonly state: string;
  readonly progress: unknown;
  readonly attemptsMade: number;
  readonly data: unknown;
  readonly result: unknown;
  readonly failedReason: string | null;
  readonly createdAt: string | null;
  readonly processedAt: string | null;
  readonly finishedAt: string | null;
}

const iso = (ms: number | undefined) => (ms ? new Date(ms).toISOString() : null);

/** Looks the id up in the metrics and ingest queues (ids are unique per queue); null when absent. */
export async function getJobStatus(config: Config['redis'], id: string, queues: readonly string[] = [QUEUE_NAMES.metrics, QUEUE_NAMES.ingest]): Promise<JobStatus | null> {
  for (const name of queues) {
    const queue = watchQueueErrors(new Queue(name, { connection: producerConnection(config), prefix: config.prefix }));
    const status = await usingQueue(queue, async (q): Promise<JobStatus | null> => {
      const job = await q.getJob(id);
      if (!job) return null;
      return {
        id: String(job.id),
        queue: name,
        name: job.name,
        state: await job.getState(),
        progress: job.progress,
        attemptsMade: job.attemptsMade,
        data: job.data,
        result: job.returnvalue ?? null,
        failedReason: job.failedReason || null,
        createdAt: iso(job.timestamp),
        processedAt: iso(job.processedOn),
        finishedAt: iso(job.finishedOn),
      };
    });
    if (status) return status;
  }
  return null;
}
