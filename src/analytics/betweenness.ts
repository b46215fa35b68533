/**
 * Betweenness centrality of a directed, unweighted (hop-count) graph, normalised like
 * networkx.betweenness_centrality(G, normalized=True) on a DiGraph: divided by (n − 1)(n − 2).
 *
 * - n ≤ `exactMaxNodes`: exact, by Brandes' algorithm (U. Brandes, "A faster algorithm for
 *   betweenness centrality", J. Math. Sociol. 25(2), 2001). Predecessors are found on the incoming
 *   CSR rows, so no lists are allocated.
 * - above: estimated by shortest-path sampling (betweenness-sampling.ts, Riondato & Kornaropoulos,
 *   WSDM 2014) with r pairs chosen from ε, δ and a vertex-diameter bound, so that with probability
 *   ≥ 1 − δ every node's estimate is within ε·n/(n − 2) of its exact value on this scale (ε on the
 *   paper's n(n − 1) scale). r does not depend on n. The pairs are drawn in `chunks` independent,
 *   seeded chunks so two threads can share the work with the same result as one.
 */
import type { CsrGraph } from './csr-graph.js';
import { sampleShortestPaths, sampleSize } from './betweenness-sampling.js';
import { vertexDiameterBound } from './vertex-diameter.js';
import { createRng } from './rng.js';

export interface BetweennessOptions {
  /** Exact computation up to this many nodes. */
  readonly exactMaxNodes: number;
  /** Additive error ε of the sampled estimate (on the n(n − 1) scale), in (0, 1). */
  readonly epsilon: number;
  /** Probability δ that some node's estimate is off by more than ε, in (0, 1). */
  readonly delta: number;
  /** Uniform [0, 1) generator (seeds the sample's chunks). */
  readonly rng: () => number;
}

export const BETWEENNESS_DEFAULTS = { exactMaxNodes: 5000, epsilon: 0.01, delta: 0.1 } as const;

/** Independent chunks the sample is drawn in (one per analytics thread). */
export const BETWEENNESS_CHUNKS = 2;

export interface BetweennessResult {
  readonly scores: Float64Array;
  readonly exact: boolean;
  /** Source nodes of the exact computation (n), or 0 when sampled. */
  readonly sources: number;
  /** Node pairs sampled (0 when exact). */
  readonly samples: number;
  /** Upper bound on the vertex diameter used for the sample size (0 when exact). */
  readonly vertexDiameter: number;
  /** Guaranteed bound on |estimate − exact| of every node on the output scale, with probability ≥ 1 − δ (0 when exact). */
  readonly errorBound: number;
}

/** What a betweenness computation will do: exact, or r pairs in seeded chunks. */
export interface BetweennessPlan {
  readonly n: number;
  readonly exact: boolean;
  readonly vertexDiameter: number;
  readonly epsilon: number;
  readonly chunks: readonly { readonly pairs: number; readonly seed: number }[];
}

/** Decides exact or sampled and, when sampled, the sample size and the chunks' seeds. */
export function planBetweenness(g: CsrGraph, options: BetweennessOptions): BetweennessPlan {
  const { n } = g;
  const seeds = Array.from({ length: BETWEENNESS_CHUNKS }, () => Math.floor(options.rng() * 2 ** 32));
  if (n <= options.exactMaxNodes) return { n, exact: true, vertexDiameter: 0, epsilon: 0, chunks: [] };
  const vertexDiameter = vertexDiameterBound(g);
  const pairs = sampleSize(options.epsilon, options.delta, vertexDiameter);
  const chunks = seeds.map((seed, k) => ({ pairs: Math.floor(pairs / seeds.length) + (k < pairs % seeds.length ? 1 : 0), seed }));
  return { n, exact: false, vertexDiameter, epsilon: options.epsilon, chunks };
}

/** Runs chunk k of a sampled plan: per node, the number of sampled paths through it. */
export function runBetweennessChunk(g: CsrGraph, plan: BetweennessPlan, k: number): Float64Array {
  const chunk = plan.chunks[k];
  if (!chunk) throw new RangeError(`betweenness chunk ${k} outside 0..${plan.chunks.length - 1}`);
  return sampleShortestPaths(g, chunk.pairs, createRng(chunk.seed));
}

/** Adds up the chunks' path counts into normalised scores. */
export function finishBetweenness(plan: BetweennessPlan, credits: readonly Float64Array[]): BetweennessResult {
  const { n } = plan;
  const pairs = plan.chunks.reduce((a, c) => a + c.pairs, 0);
  const scores = new Float64Array(n);
  for (const c of credits) for (let v = 0; v < n; v++) scores[v]! += c[v]!;
  const scale = pairs > 0 && n > 2 ? n / (n - 2) : 0;
  for (let v = 0; v < n; v++) scores[v] = pairs > 0 ? (scores[v]! / pairs) * scale : 0;
  return { scores, exact: false, sources: 0, samples: pairs, vertexDiameter: plan.vertexDiameter, errorBound: plan.epsilon * scale };
}

/** Betweenness of every node of `g` (in this thread). */
export function betweenness(g: CsrGraph, options: BetweennessOptions): BetweennessResult {
  const plan = planBetweenness(g, options);
  if (plan.exact) return exactBetweenness(g);
  return finishBetweenness(plan, plan.chunks.map((_, k) => runBetweennessChunk(g, plan, k)));
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

/** Exact betweenness by Brandes' algorithm from every source. */
export function exactBetweenness(g: CsrGraph): BetweennessResult {
  const { n } = g;
  const scores = new Float64Array(n);
  const w: Workspace = {
    sigma: new Float64Array(n),
    dist: new Int32Array(n).fill(-1),
    delta: new Float64Array(n),
    stack: new Uint32Array(n),
  };
  for (let s = 0; s < n; s++) accumulateFrom(g, s, w, scores);
  if (n > 2) {
    const scale = 1 / ((n - 1) * (n - 2));
    for (let v = 0; v < n; v++) scores[v]! *= scale;
  } else scores.fill(0);
  return { scores, exact: true, sources: n, samples: 0, vertexDiameter: 0, errorBound: 0 };
}
