/** Consumes the `health` queue: echoes the payload back with this worker's name and the queue latency. */
import { hostname } from 'node:os';
import { UnrecoverableError, type Job } from 'bullmq';
import type { HealthJob, HealthResult } from '../src/queue/health-producer.js';

export async function processHealthJob(job: Job<HealthJob>): Promise<HealthResult> {
  const { echo, sentAt } = job.data ?? ({} as Partial<HealthJob>);
  if (typeof echo !== 'string' || typeof sentAt !== 'string') {
    throw new UnrecoverableError('health job needs {echo: string, sentAt: ISO string}');
  }
  return { echo, worker: `${hostname()}:${process.pid}`, latencyMs: Date.now() - Date.parse(sentAt) };
}
