/**
 * Entry of the analytics worker thread of a metrics refresh: builds the graph from the snapshot it
 * was handed (edge arrays transferred, not copied) in shared memory, starts a second thread
 * (analytics-thread-helper.ts) on the split work (betweenness chunks, exposure walk and self terms)
 * and, besides taking its share of that work, computes PageRank, Louvain, rings and the rest itself.
 * Each stage's result is posted as soon as it is done, in order, its typed arrays transferred; the
 * compute time of each part travels with it (`timings`, ms). The worker process's event loop
 * stays free meanwhile, so BullMQ keeps renewing the job lock. Started by run-analytics-thread.ts.
 */
import { MessageChannel, parentPort, receiveMessageOnPort, Worker, workerData } from 'node:worker_threads';
import {
  communitySeed,
  computeCommunities,
  computeRiskLocal,
  finishCentrality,
  finishRisk,
  prepareGraph,
  prepareWork,
} from '../analytics/analytics-pipeline.js';
import { taskCounts, type AnalyticsWork, type WorkSink } from '../analytics/analytics-work.js';
import { createPushScratch } from '../analytics/exposure-self-term.js';
import { createRng } from '../analytics/rng.js';
import { transferablesOf, type AnalyticsThreadInput, type AnalyticsThreadMessage } from './analytics-thread-protocol.js';
import { awaitTasks, createControl, drainTasks } from './analytics-thread-pool.js';

const HELPER = new URL(
  import.meta.url.endsWith('.ts') ? './analytics-thread-helper-boot.mjs' : './analytics-thread-helper.js',
  import.meta.url,
);

function post(message: AnalyticsThreadMessage): void {
  parentPort?.postMessage(message, 'result' in message ? transferablesOf(message.result) : []);
}

function sharedFloats(n: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(8 * Math.max(1, n)), 0, n);
}

/** Starts the helper thread on `work`; returns how to read its failure message. */
function startHelper(work: AnalyticsWork, sink: Omit<WorkSink, 'scratch'>, control: Int32Array, total: number): () => string {
  const { port1, port2 } = new MessageChannel();
  const helper = new Worker(HELPER, { workerData: { work, sink, control, total, port: port2 }, transferList: [port2] });
  helper.unref();
  return () => String(receiveMessageOnPort(port1)?.message ?? 'failed without a message');
}

function timed<T>(work: () => T): [T, number] {
  const t = performance.now();
  const out = work();
  return [out, Math.round(performance.now() - t)];
}

function run(input: AnalyticsThreadInput): void {
  const { snapshot, options, seed } = input;
  const graph = prepareGraph(snapshot, 'shared');
  post({ stage: 'prepare' });
  const n = snapshot.ids.length;
  const [work, planMs] = timed(() => prepareWork(graph, options, createRng(seed)));
  const counts = taskCounts(work);
  const total = counts.centrality + counts.risk;
  const shared = { credit: sharedFloats(n), walk: sharedFloats(n), walkInfo: sharedFloats(2), self: sharedFloats(work.selfTerms.seeds.length) };
  const mine: WorkSink = { ...shared, credit: new Float64Array(n), scratch: createPushScratch(n) };
  const control = createControl();
  const failure = startHelper(work, shared, control, total);

  const t0 = performance.now();
  drainTasks(work, control, counts.centrality, mine);
  awaitTasks(control, counts.centrality, failure);
  const betweennessMs = Math.round(performance.now() - t0);
  const [centrality, centralityFinishMs] = timed(() => finishCentrality(graph, options, work, [mine.credit, shared.credit]));
  post({ stage: 'centrality', result: centrality, timings: { planMs, betweennessMs, centralityFinishMs } });

  const [communities, louvainMs] = timed(() => computeCommunities(graph, options, createRng(communitySeed(seed))));
  post({ stage: 'communities', result: communities, timings: { louvainMs } });

  const [local, ringsMs] = timed(() => computeRiskLocal(graph, options));
  const t1 = performance.now();
  drainTasks(work, control, total, mine);
  awaitTasks(control, total, failure);
  const exposureWaitMs = Math.round(performance.now() - t1);
  const risk = finishRisk(graph, options, work, mine, local);
  post({ stage: 'risk', result: risk, timings: { ringsMs, exposureWaitMs } });
}

// Stay alive until the host terminates the thread, so no posted result is lost to an early exit.
parentPort?.on('message', () => undefined);
try {
  run(workerData as AnalyticsThreadInput);
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  post({ stage: 'error', message: e.message, stack: e.stack ?? '' });
}
