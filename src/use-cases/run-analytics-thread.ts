/**
 * Runs the analytics stages of a metrics refresh in a node:worker_threads Worker (which shares the
 * split work with a second thread of its own, so both cores work), so the CPU-heavy
 * PageRank, betweenness, Louvain and exposure never block the worker process's event loop (BullMQ
 * renews the job lock every lockDuration / 2 from that loop). The snapshot's edge arrays are
 * transferred to the thread (they are detached in the caller afterwards; ids and labels stay usable)
 * and every stage's typed arrays come back transferred.
 *
 * Loading: from TypeScript sources (tsx: mocha, `node bin/creditgraph.js`) a thread does not inherit
 * the loader that `register()` installed in the main thread, so it starts analytics-thread-boot.mjs,
 * which registers tsx in the thread and imports the TS entry; a compiled build starts the .js entry.
 */
import { Worker } from 'node:worker_threads';
import type {
  AnalyticsOptions,
  CentralityResult,
  CommunitiesResult,
  RiskResult,
} from '../analytics/analytics-pipeline.js';
import type { AnalyticsGraph } from '../analytics/edge-list.js';
import {
  transferablesOf,
  type AnalyticsThreadInput,
  type AnalyticsThreadMessage,
  type StageTimings,
} from './analytics-thread-protocol.js';

export interface AnalyticsOutput {
  readonly centrality: CentralityResult;
  readonly communities: CommunitiesResult;
  readonly risk: RiskResult;
}

/** A finished stage as the caller sees it, in order: centrality, communities, risk. */
export type AnalyticsStageDone =
  | { readonly stage: 'centrality'; readonly result: CentralityResult; readonly timings: StageTimings }
  | { readonly stage: 'communities'; readonly result: CommunitiesResult; readonly timings: StageTimings }
  | { readonly stage: 'risk'; readonly result: RiskResult; readonly timings: StageTimings };

const ENTRY = new URL(
  import.meta.url.endsWith('.ts') ? './analytics-thread-boot.mjs' : './analytics-thread.js',
  import.meta.url,
);

function startThread(input: AnalyticsThreadInput): Worker {
  return new Worker(ENTRY, { workerData: input, transferList: transferablesOf(input.snapshot.edges, 1) });
}

/**
 * Runs centrality, communities and risk on `snapshot` in a worker thread. `onStage` is awaited for
 * each finished stage in order (e.g. to record progress) while the thread goes on with the next one.
 * Rejects when the thread fails, exits early or `onStage` throws (the thread is then terminated).
 */
export function runAnalyticsInThread(
  snapshot: AnalyticsGraph,
  options: AnalyticsOptions,
  seed: number,
  onStage: (done: AnalyticsStageDone) => void | Promise<void> = () => {},
): Promise<AnalyticsOutput> {
  const worker = startThread({ snapshot, options, seed });
  const out: Partial<{ -readonly [K in keyof AnalyticsOutput]: AnalyticsOutput[K] }> = {};
  let chain: Promise<void> = Promise.resolve();
  return new Promise<AnalyticsOutput>((resolve, reject) => {
    const fail = (error: Error) => {
      worker.removeAllListeners();
      void worker.terminate();
      reject(error);
    };
    const handle = async (m: AnalyticsThreadMessage): Promise<void> => {
      if (m.stage === 'prepare') return;
      if (m.stage === 'error')
        throw Object.assign(new Error(`analytics thread: ${m.message}`), { stack: m.stack });
      if (m.stage === 'centrality') out.centrality = m.result;
      else if (m.stage === 'communities') out.communities = m.result;
      else out.risk = m.result;
      await onStage(m);
      if (out.centrality && out.communities && out.risk) {
        worker.removeAllListeners();
        await worker.terminate();
        resolve({ centrality: out.centrality, communities: out.communities, risk: out.risk });
      }
    };
    worker.on('message', (m: AnalyticsThreadMessage) => {
      chain = chain.then(() => handle(m)).catch(fail);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      chain = chain.then(() => fail(new Error(`analytics thread exited (code ${code}) before finishing`)));
    });
  });
}
