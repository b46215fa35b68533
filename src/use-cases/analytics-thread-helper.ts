/**
 * Entry of the second analytics thread, started by analytics-thread.ts with the run's task plan (its
 * typed arrays in shared memory, so nothing is copied): it claims tasks from the shared pool until
 * none is left, writing into the shared sink (its own betweenness counts, the common walk and self
 * terms). A failure sets the pool's flag and its message goes back over `port`.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { AnalyticsWork, WorkSink } from '../analytics/analytics-work.js';
import { createPushScratch } from '../analytics/exposure-self-term.js';
import { drainTasks, failPool } from './analytics-thread-pool.js';

export interface HelperInput {
  readonly work: AnalyticsWork;
  readonly sink: Omit<WorkSink, 'scratch'>;
  readonly control: Int32Array;
  readonly total: number;
  readonly port: MessagePort;
}

const input = workerData as HelperInput;
try {
  drainTasks(input.work, input.control, input.total, { ...input.sink, scratch: createPushScratch(input.work.degree.length) });
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  input.port.postMessage(e.stack ?? e.message);
  failPool(input.control);
}
input.port.close();
