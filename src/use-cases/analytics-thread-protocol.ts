/**
 * Messages between a metrics refresh and its analytics worker thread. The input travels as
 * `workerData` with the snapshot's edge arrays in the transfer list; each stage's result comes back
 * as one message whose typed arrays are transferred (moved, not copied).
 */
import type {
  AnalyticsOptions,
  CentralityResult,
  CommunitiesResult,
  RiskResult,
} from '../analytics/analytics-pipeline.js';
import type { AnalyticsGraph } from '../analytics/edge-list.js';

export interface AnalyticsThreadInput {
  readonly snapshot: AnalyticsGraph;
  readonly options: AnalyticsOptions;
  /** The run's seed (sampled betweenness, Louvain node order). */
  readonly seed: number;
}

/** Compute time of the parts of a stage, ms by name (e.g. louvainMs), for the run's counts. */
export type StageTimings = Readonly<Record<string, number>>;

/** One message from the thread: a stage's result, the end of graph building, or a failure. */
export type AnalyticsThreadMessage =
  | { readonly stage: 'prepare' }
  | { readonly stage: 'centrality'; readonly result: CentralityResult; readonly timings: StageTimings }
  | { readonly stage: 'communities'; readonly result: CommunitiesResult; readonly timings: StageTimings }
  | { readonly stage: 'risk'; readonly result: RiskResult; readonly timings: StageTimings }
  | { readonly stage: 'error'; readonly message: string; readonly stack: string };

/** The distinct ArrayBuffers of the typed arrays in `value` (one level of nesting into plain objects). */
export function transferablesOf(value: object, depth = 2): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const visit = (v: unknown, d: number): void => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) found.add(v.buffer);
    } else if (v !== null && typeof v === 'object' && !Array.isArray(v) && d > 0) {
      for (const x of Object.values(v)) visit(x, d - 1);
    }
  };
  visit(value, depth);
  return [...found];
}
