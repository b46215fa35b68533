/**
 * Betweenness centrality of a directed, unweighted (hop-count) graph by Brandes' algorithm
 * (U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25(2), 2001),
 * exact when n ≤ `exactMaxNodes`, otherwise estimated from `samples` source nodes drawn without
 * replacement and scaled by n / k (Brandes & Pich, "Centrality estimation in large networks", 2007).
 *
 * Normalised like networkx.betweenness_centrality(G, normalized=True) on a DiGraph: divided by
 * (n − 1)(n − 2). Predecessors are found on the incoming CSR rows, so no lists are allocated.
 */
import type { CsrGraph } from './csr-graph.js';

export interface BetweennessOptions {
  /** Exact computation up to this many nodes. */
  readonly exactMaxNodes: number;
  /** Sources sampled above the threshold (k). */
  readonly samples: number;
  /** Uniform [0, 1) generator for the sample. */
  readonly rng: () => number;
}

export interface BetweennessResult {
  readonly scores: Float64Array;
  readonly exact: boolean;
  /** Number of source nodes used (n when exact). */
  readonly sources: number;
}

interface Workspace {
  readonly sigma: Float64Array;
  readonly dist: Int32Array;
  readonly delta: Float64Array;
  readonly stack: Uint32Array;
}

function accumulateFrom(g: CsrGraph, s: number, w: Workspace, scores: Float64Array): void {
  const { sigma, dist, delta, stack } = w;
  let head = 0;
  let tail = 0;
  sigma[s] = 1;
  dist[s] = 0;
  stack[tail++] = s;
  while (head < tail) {
    const v = stack[head++]!;
    const dv = dist[v]!;
    for (let j = g.outOffsets[v]!; j < g.outOffsets[v + 1]!; j++) {
      const t = g.outTargets[j]!;
      if (dist[t]! < 0) {
        dist[t] = dv + 1;
        stack[tail++] = t;
      }
      if (dist[t] === dv + 1) sigma[t]! += sigma[v]!;
    }
  }
  for (let i = tail - 1; i > 0; i--) {
    const t = stack[i]!;
    const coeff = (1 + delta[t]!) / sigma[t]!;
    const dPrev = dist[t]! - 1;
    for (let j = g.inOffsets[t]!; j < g.inOffsets[t + 1]!; j++) {
      const u = g.inSources[j]!;
      if (dist[u] === dPrev) delta[u]! += sigma[u]! * coeff;
    }
    scores[t]! += delta[t]!;
  }
  for (let i = 0; i < tail; i++) {
    const v = stack[i]!;
    sigma[v] = 0;
    dist[v] = -1;
    delta[v] = 0;
  }
}

/** Picks k distinct nodes of 0..n-1 (partial Fisher–Yates). */
function sampleSources(n: number, k: number, rng: () => number): Uint32Array {
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, k);
}

/** Betweenness of every node of `g`. */
export function betweenness(g: CsrGraph, options: BetweennessOptions): BetweennessResult {
  const run = startBetweenness(g, options);
  run.step(Infinity);
  return run.finish();
}

function startBetweenness(g: CsrGraph, options: BetweennessOptions): { step(count: number): boolean; finish(): BetweennessResult } {
  const { n } = g;
  const exact = n <= options.exactMaxNodes || options.samples >= n;
  const sources = exact ? null : sampleSources(n, options.samples, options.rng);
  const k = sources ? sources.length : n;
  const scores = new Float64Array(n);
  const w: Workspace = {
    sigma: new Float64Array(n),
    dist: new Int32Array(n).fill(-1),
    delta: new Float64Array(n),
    stack: new Uint32Array(n),
  };
  let next = 0;
  return {
    step(count) {
      const end = Math.min(k, next + count);
      for (; next < end; next++) accumulateFrom(g, sources ? sources[next]! : next, w, scores);
      return next < k;
    },
    finish() {
      if (n > 2) {
        const scale = (exact ? 1 : n / k) / ((n - 1) * (n - 2));
        for (let v = 0; v < n; v++) scores[v]! *= scale;
      } else scores.fill(0);
      return { scores, exact, sources: k };
    },
  };
}
