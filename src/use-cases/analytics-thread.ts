/**
 * Entry of the analytics worker thread (node:worker_threads) of a metrics refresh: builds the graph
 * from the snapshot it was handed (edge arrays transferred, not copied), runs the CPU-heavy stages
 * (centrality, communities, risk) and posts each stage's result back as soon as it is done, its typed
 * arrays transferred. The worker process's event loop stays free meanwhile, so BullMQ keeps renewing
 * the job lock and the process answers signals. Started by run-analytics-thread.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  computeCentrality,
  computeCommunities,
  computeRisk,
  prepareGraph,
} from '../analytics/analytics-pipeline.js';
import { createRng } from '../analytics/rng.js';
import {
  transferablesOf,
  type AnalyticsThreadInput,
  type AnalyticsThreadMessage,
} from './analytics-thread-protocol.js';

function post(message: AnalyticsThreadMessage): void {
  parentPort?.postMessage(message, 'result' in message ? transferablesOf(message.result) : []);
}

function run(input: AnalyticsThreadInput): void {
  const { snapshot, options, seed } = input;
  const graph = prepareGraph(snapshot);
  post({ stage: 'prepare' });
  post({ stage: 'centrality', result: computeCentrality(graph, options, createRng(seed)) });
  post({ stage: 'communities', result: computeCommunities(graph, options, createRng(seed ^ 0x9e3779b9)) });
  post({ stage: 'risk', result: computeRisk(graph, options) });
}

// Stay alive until the host terminates the thread, so no posted result is lost to an early exit.
parentPort?.on('message', () => undefined);
try {
  run(workerData as AnalyticsThreadInput);
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  post({ stage: 'error', message: e.message, stack: e.stack ?? '' });
}
