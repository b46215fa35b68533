/**
 * The parts of a run's analytics that split into independent tasks, so two threads can share them
 * (src/use-cases/analytics-thread*.ts) and one thread can run them in turn with the same result:
 * - betweenness: the chunks of sampled pairs (betweenness.ts); each thread adds path counts into its
 *   own array (integers, so the sum does not depend on who did which chunk);
 * - exposure: the seeded walk (one task), then the pushed self terms of the bad entities, in chunks
 *   of seeds (exposure-self-term.ts), each writing its own range.
 * Tasks are numbered: the betweenness chunks first (group 'centrality'), then the walk and the self
 * term chunks (group 'risk').
 */
import type { CsrGraph, CsrRows } from './csr-graph.js';
import { planBetweenness, runBetweennessChunk, type BetweennessOptions, type BetweennessPlan } from './betweenness.js';
import { exposureWalk, planSelfTerms, type ExposureOptions, type SelfTermPlan } from './exposure.js';
import { createPushScratch, selfPpr, type PushScratch } from './exposure-self-term.js';

/** Seeds per self-term task (small enough to balance two threads, large enough to be cheap to claim). */
export const SELF_TERM_CHUNK = 256;

/** Everything the tasks read; plain typed arrays (shared memory when threads share them). */
export interface AnalyticsWork {
  readonly directed: CsrGraph;
  readonly undirected: CsrRows;
  readonly degree: Float64Array;
  readonly bad: Uint8Array;
  readonly betweenness: BetweennessPlan;
  readonly selfTerms: SelfTermPlan;
  readonly exposure: ExposureOptions;
}

/** Where tasks write: `credit` is the running thread's own; the rest is one array for all threads. */
export interface WorkSink {
  readonly credit: Float64Array;
  /** y = Σ_s PPR_s of the exposure walk. */
  readonly walk: Float64Array;
  /** [iterations, converged (0/1)] of the walk. */
  readonly walkInfo: Float64Array;
  /** PPR_s(s) of each seed of the self-term plan. */
  readonly self: Float64Array;
  /** The running thread's push scratch (reused across its tasks). */
  readonly scratch: PushScratch;
}

export function planWork(
  directed: CsrGraph,
  undirected: CsrRows,
  degree: Float64Array,
  bad: Uint8Array,
  betweenness: BetweennessOptions,
  exposure: ExposureOptions,
): AnalyticsWork {
  return {
    directed,
    undirected,
    degree,
    bad,
    betweenness: planBetweenness(directed, betweenness),
    selfTerms: planSelfTerms(undirected, degree, bad, exposure),
    exposure,
  };
}

/** Number of tasks in each group: betweenness chunks, then walk + self-term chunks. */
export function taskCounts(w: AnalyticsWork): { readonly centrality: number; readonly risk: number } {
  return {
    centrality: w.betweenness.exact ? 0 : w.betweenness.chunks.length,
    risk: 1 + Math.ceil(w.selfTerms.seeds.length / SELF_TERM_CHUNK),
  };
}

/** Runs task `t` of `w`, writing into `sink`. */
export function runTask(w: AnalyticsWork, t: number, sink: WorkSink): void {
  const counts = taskCounts(w);
  if (t < counts.centrality) {
    const credit = runBetweennessChunk(w.directed, w.betweenness, t);
    for (let v = 0; v < credit.length; v++) sink.credit[v]! += credit[v]!;
    return;
  }
  const r = t - counts.centrality;
  if (r === 0) {
    const walk = exposureWalk(w.undirected, w.degree, w.bad, w.exposure);
    sink.walk.set(walk.y);
    sink.walkInfo[0] = walk.iterations;
    sink.walkInfo[1] = walk.converged ? 1 : 0;
    return;
  }
  if (r > counts.risk - 1) throw new RangeError(`analytics task ${t} outside 0..${counts.centrality + counts.risk - 1}`);
  const seeds = w.selfTerms.seeds;
  const { scratch } = sink;
  const end = Math.min(seeds.length, r * SELF_TERM_CHUNK);
  for (let i = (r - 1) * SELF_TERM_CHUNK; i < end; i++) {
    sink.self[i] = selfPpr(w.undirected, w.degree, seeds[i]!, w.exposure.alpha, w.selfTerms.epsilon, scratch);
  }
}

/** A sink of ordinary arrays for `w`. */
export function privateSink(w: AnalyticsWork): WorkSink {
  const n = w.degree.length;
  return {
    credit: new Float64Array(n),
    walk: new Float64Array(n),
    walkInfo: new Float64Array(2),
    self: new Float64Array(w.selfTerms.seeds.length),
    scratch: createPushScratch(n),
  };
}
