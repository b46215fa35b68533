/**
 * Sampled betweenness with a guaranteed error bound, by shortest-path sampling (M. Riondato &
 * E. M. Kornaropoulos, "Fast approximation of betweenness centrality through sampling", WSDM 2014;
 * journal version Data Min. Knowl. Disc. 30, 2016): draw r node pairs (s, t) uniformly, pick one
 * shortest s → t path uniformly at random, and credit each of its interior nodes 1/r. With
 *
 *   r = ⌈(c / ε²)·(⌊log2(VD − 2)⌋ + 1 + ln(1/δ))⌉,  c = 0.5,
 *
 * (VD: an upper bound on the vertex diameter, vertex-diameter.ts) the estimate b̃ of the betweenness
 * normalised by n(n − 1) is within ε of the truth for EVERY node at once with probability ≥ 1 − δ.
 * r does not grow with n (only with log VD), so neither does the number of searches.
 *
 * Each pair is searched by a balanced bidirectional BFS (as in KADABRA: M. Borassi & E. Natale,
 * "KADABRA is an ADaptive Algorithm for Betweenness via Random Approximation", ESA 2016): the
 * side whose frontier has the smaller degree sum is expanded, so a search rarely touches a hub's
 * whole neighbourhood; the two balls meet on the level where the distance is found, path counts σ
 * come from both sides, and the path is drawn backwards and forwards from a meeting node chosen with
 * probability σ_s(x)·σ_t(x) / σ_st.
 */
import type { CsrGraph } from './csr-graph.js';

/** Constant c of the sample-size bound (Löffler & Phillips' estimate used by Riondato & Kornaropoulos). */
export const SAMPLE_SIZE_CONSTANT = 0.5;

/** Pairs to sample for additive error ε with probability ≥ 1 − δ, given a vertex-diameter bound. */
export function sampleSize(epsilon: number, delta: number, vertexDiameter: number): number {
  if (!(epsilon > 0 && epsilon < 1)) throw new RangeError(`betweenness epsilon must be in (0, 1), got ${epsilon}`);
  if (!(delta > 0 && delta < 1)) throw new RangeError(`betweenness delta must be in (0, 1), got ${delta}`);
  if (vertexDiameter <= 2) return 0; // no shortest path has an interior node
  const vc = Math.floor(Math.log2(vertexDiameter - 2)) + 1;
  return Math.ceil((SAMPLE_SIZE_CONSTANT / (epsilon * epsilon)) * (vc + Math.log(1 / delta)));
}

/** Scratch of one sampler (reused across pairs; left clean after each pair). */
interface Workspace {
  readonly distF: Int32Array;
  readonly distB: Int32Array;
  readonly sigmaF: Float64Array;
  readonly sigmaB: Float64Array;
  readonly seenF: Uint32Array;
  readonly seenB: Uint32Array;
  readonly meet: Uint32Array;
}

function workspace(n: number): Workspace {
  return {
    distF: new Int32Array(n).fill(-1),
    distB: new Int32Array(n).fill(-1),
    sigmaF: new Float64Array(n),
    sigmaB: new Float64Array(n),
    seenF: new Uint32Array(n),
    seenB: new Uint32Array(n),
    meet: new Uint32Array(n),
  };
}

/** One side of the search: rows to expand, its dist/σ arrays and its visited list (by level). */
interface Side {
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
  readonly dist: Int32Array;
  readonly sigma: Float64Array;
  readonly seen: Uint32Array;
  /** seen[levelStart .. size) is the current frontier. */
  levelStart: number;
  size: number;
  depth: number;
  /** Sum of the frontier's degrees on this side's rows. */
  work: number;
}

function side(offsets: Uint32Array, targets: Uint32Array, dist: Int32Array, sigma: Float64Array, seen: Uint32Array, from: number): Side {
  dist[from] = 0;
  sigma[from] = 1;
  seen[0] = from;
  return { offsets, targets, dist, sigma, seen, levelStart: 0, size: 1, depth: 0, work: offsets[from + 1]! - offsets[from]! };
}

/**
 * Expands one level of `a`; returns how many meeting nodes (reached by both sides) it wrote to `meet`.
 * The meeting nodes of the first level that meets are exactly the nodes of the new level that lie on
 * the other side's frontier, so the distance is a.depth + b.depth once the level is done.
 */
function expand(a: Side, b: Side, meet: Uint32Array): number {
  const end = a.size;
  const next = a.depth + 1;
  let found = 0;
  let work = 0;
  for (let i = a.levelStart; i < end; i++) {
    const v = a.seen[i]!;
    const sv = a.sigma[v]!;
    for (let j = a.offsets[v]!; j < a.offsets[v + 1]!; j++) {
      const w = a.targets[j]!;
      const dw = a.dist[w]!;
      if (dw === -1) {
        a.dist[w] = next;
        a.sigma[w] = sv;
        a.seen[a.size++] = w;
        work += a.offsets[w + 1]! - a.offsets[w]!;
        if (b.dist[w] !== -1) meet[found++] = w;
      } else if (dw === next) a.sigma[w]! += sv;
    }
  }
  a.levelStart = end;
  a.depth = next;
  a.work = work;
  return found;
}

/** Picks index i of `candidates` (length k) with probability weight(i) / total. */
function pickWeighted(k: number, weight: (i: number) => number, total: number, rng: () => number): number {
  let x = rng() * total;
  for (let i = 0; i < k - 1; i++) {
    x -= weight(i);
    if (x < 0) return i;
  }
  return k - 1;
}

/** Walks from `x` to the side's origin choosing each step's neighbour with probability σ(y)/σ(x); credits interior nodes. */
function walkBack(
  rows: { offsets: Uint32Array; targets: Uint32Array },
  dist: Int32Array,
  sigma: Float64Array,
  x: number,
  credit: Float64Array,
  rng: () => number,
): void {
  while (dist[x]! > 0) {
    const want = dist[x]! - 1;
    let r = rng() * sigma[x]!;
    let chosen = -1;
    for (let j = rows.offsets[x]!; j < rows.offsets[x + 1]!; j++) {
      const y = rows.targets[j]!;
      if (dist[y] !== want) continue;
      chosen = y;
      r -= sigma[y]!;
      if (r < 0) break;
    }
    x = chosen;
    if (dist[x]! > 0) credit[x]! += 1;
  }
}

function reset(s: Side): void {
  for (let i = 0; i < s.size; i++) {
    const v = s.seen[i]!;
    s.dist[v] = -1;
    s.sigma[v] = 0;
  }
}

/** Samples one pair and one of its shortest paths; adds 1 to `credit` of each interior node. */
function samplePair(g: CsrGraph, w: Workspace, credit: Float64Array, rng: () => number): void {
  const { n } = g;
  const s = Math.floor(rng() * n);
  let t = Math.floor(rng() * (n - 1));
  if (t >= s) t++;
  const f = side(g.outOffsets, g.outTargets, w.distF, w.sigmaF, w.seenF, s);
  const b = side(g.inOffsets, g.inSources, w.distB, w.sigmaB, w.seenB, t);
  let found = 0;
  while (found === 0 && f.levelStart < f.size && b.levelStart < b.size) {
    found = f.work <= b.work ? expand(f, b, w.meet) : expand(b, f, w.meet);
  }
  if (found > 0) {
    const weight = (i: number) => w.sigmaF[w.meet[i]!]! * w.sigmaB[w.meet[i]!]!;
    let total = 0;
    for (let i = 0; i < found; i++) total += weight(i);
    const x = w.meet[pickWeighted(found, weight, total, rng)]!;
    if (x !== s && x !== t) credit[x]! += 1;
    walkBack({ offsets: g.inOffsets, targets: g.inSources }, w.distF, w.sigmaF, x, credit, rng);
    walkBack({ offsets: g.outOffsets, targets: g.outTargets }, w.distB, w.sigmaB, x, credit, rng);
  }
  reset(f);
  reset(b);
}

/**
 * Draws `pairs` pairs with `rng` and returns, per node, how many sampled shortest paths have it as an
 * interior node (integers: chunks drawn in separate threads add up exactly, in any order).
 */
export function sampleShortestPaths(g: CsrGraph, pairs: number, rng: () => number): Float64Array {
  const credit = new Float64Array(g.n);
  if (g.n < 3) return credit;
  const w = workspace(g.n);
  for (let i = 0; i < pairs; i++) samplePair(g, w, credit, rng);
  return credit;
}
