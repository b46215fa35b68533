/**
 * Weighted PageRank by power iteration over a CSR graph (Page, Brin, Motwani & Winograd, "The
 * PageRank citation ranking", 1999), with the same conventions as networkx.pagerank so the two can
 * be cross-checked: a node passes α·x(u)·w(u,v)/Σw(u,·) to each successor, dangling nodes (no
 * outgoing weight) spread their mass over the personalisation vector, and (1 − α) teleports to it.
 *
 * Stopping rule: the largest per-node change between two iterations falls below `tolerance`, or
 * `maxIterations` is reached (reported as `converged: false`). graphology-metrics' default rule
 * stops on the summed change relative to n and ends after 2–3 iterations on large graphs.
 */
import type { CsrGraph } from './csr-graph.js';

export interface PageRankOptions {
  /** Damping factor α in (0, 1). */
  readonly alpha: number;
  /** Per-node stopping tolerance (absolute change in a score). */
  readonly tolerance: number;
  readonly maxIterations: number;
  /** Teleport distribution (non-negative, normalised here); uniform when absent. */
  readonly personalization?: Float64Array;
}

export const PAGERANK_DEFAULTS: PageRankOptions = { alpha: 0.85, tolerance: 1e-10, maxIterations: 1000 };

export interface PageRankResult {
  /** Scores summing to 1. */
  readonly scores: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** Largest per-node change of the last iteration. */
  readonly lastDelta: number;
}

function teleportVector(n: number, personalization?: Float64Array): Float64Array {
  const p = new Float64Array(n);
  if (!personalization) return p.fill(n > 0 ? 1 / n : 0);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.max(0, personalization[i] ?? 0);
  if (sum <= 0) throw new RangeError('personalization vector must have a positive entry');
  for (let i = 0; i < n; i++) p[i] = Math.max(0, personalization[i] ?? 0) / sum;
  return p;
}

/** Weighted PageRank of every node of `g`. */
export function pagerank(g: CsrGraph, options: Partial<PageRankOptions> = {}): PageRankResult {
  const opts = { ...PAGERANK_DEFAULTS, ...options };
  const { n } = g;
  const p = teleportVector(n, opts.personalization);
  let x = new Float64Array(n).fill(n > 0 ? 1 / n : 0);
  let next = new Float64Array(n);
  const share = new Float64Array(n);
  let iterations = 0;
  let delta = Infinity;
  while (iterations < opts.maxIterations && delta >= opts.tolerance) {
    let dangling = 0;
    for (let u = 0; u < n; u++) {
      const s = g.outStrength[u]!;
      if (s > 0) share[u] = x[u]! / s;
      else {
        share[u] = 0;
        dangling += x[u]!;
      }
    }
    delta = 0;
    for (let v = 0; v < n; v++) {
      let acc = 0;
      for (let j = g.inOffsets[v]!; j < g.inOffsets[v + 1]!; j++) acc += share[g.inSources[j]!]! * g.inWeights[j]!;
      const value = opts.alpha * (acc + dangling * p[v]!) + (1 - opts.alpha) * p[v]!;
      next[v] = value;
      const d = Math.abs(value - x[v]!);
      if (d > delta) delta = d;
    }
    [x, next] = [next, x];
    iterations++;
  }
  return { scores: x, iterations, converged: delta < opts.tolerance, lastDelta: n === 0 ? 0 : delta };
}
