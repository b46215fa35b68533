/**
 * Consumes the `metrics` queue: validates the payload, runs the refresh use case and reports its
 * stages through job progress. Thin: the work is in src/use-cases/refresh-metrics.ts.
 */
import { UnrecoverableError, type Job, type Processor } from 'bullmq';
import type { Runtime } from '../src/runtime/runtime.js';
import { runIdForJob, type MetricsJob } from '../src/queue/metrics-producer.js';
import { refreshMetrics, type RefreshSummary } from '../src/use-cases/refresh-metrics.js';
import { RefreshTooLargeError } from '../src/use-cases/estimate-refresh.js';
import { activeFraudModel } from '../src/use-cases/score-model.js';

/** The processor bound to a runtime's database and config. */
export function createMetricsProcessor(runtime: Pick<Runtime, 'db' | 'config'>): Processor<MetricsJob, RefreshSummary> {
  return async (job: Job<MetricsJob>) => {
    const scope = job.data?.scope;
    if (typeof scope !== 'string' || !/^[A-Za-z0-9_:.-]*$/.test(scope)) {
      throw new UnrecoverableError('metrics job needs {scope: string of letters, digits, _ : . -}');
    }
    const request = { runId: runIdForJob(job), jobId: String(job.id), scope };
    try {
      return await refreshMetrics(runtime.db, runtime.config.metrics, request, (p) => job.updateProgress({ ...p }), activeFraudModel(runtime.config));
    } catch (error) {
      if (error instanceof RefreshTooLargeError) throw new UnrecoverableError(error.message); // retrying cannot help
      throw error;
    }
  };
}
