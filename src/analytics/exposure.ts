/**
 * Exposure ("guilt by association"): personalised PageRank seeded on bad entities, on the undirected
 * trading graph (risk travels both ways along a relationship), with each entity's own label excluded.
 *
 * Definition. With W(u,v) = w(u,v) / d(u) (d = weighted degree) and the random walk with restart
 *   PPR_s = (1 − α) Σ_k α^k (Wᵀ)^k e_s          (mass reaching a node without edges stops there),
 *   exposure(v) = Σ_{s ∈ Bad, s ≠ v} PPR_s(v).
 * For a good entity this is the total PPR mass from all bad seeds; for a bad one, the mass from the
 * OTHER bad seeds only, so an entity whose only bad neighbour is itself has exposure 0.
 *
 * Computation. PPR is linear in the seed vector, so one power iteration gives y = Σ_s PPR_s, and
 * exposure(v) = y(v) − PPR_v(v) for bad v. The self term PPR_v(v) is
 *   - exactly y(v) when v is the only bad entity of its connected component (exposure 0), else
 *   - estimated by local forward push (Andersen, Chung & Lang, "Local graph partitioning using
 *     PageRank vectors", FOCS 2006), stopping when every residual r(u) < ε·d(u). On an undirected
 *     graph PPR_u(v)·d(u) = PPR_v(u)·d(v), so the error is at most ε·d(v). Pushes are processed in
 *     FIFO order; the work per bad entity is O(1 / (ε(1 − α))) edge visits, independent of n.
 */
import type { CsrRows } from './csr-graph.js';
import { rowSums } from './csr-graph.js';

export interface ExposureOptions {
  /** Continuation probability α of the walk (restart 1 − α). */
  readonly alpha: number;
  /** Per-node tolerance of the power iteration. */
  readonly tolerance: number;
  readonly maxIterations: number;
  /** Push threshold ε of the self term (error ≤ ε·weighted degree). */
  readonly pushEpsilon: number;
}

export const EXPOSURE_DEFAULTS: ExposureOptions = { alpha: 0.85, tolerance: 1e-12, maxIterations: 1000, pushEpsilon: 1e-5 };

export interface ExposureResult {
  readonly exposure: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
}

/** y = Σ_{s ∈ seeds} PPR_s by power iteration: y ← (1 − α)·seed + α·Wᵀy. */
function seededWalk(rows: CsrRows, degree: Float64Array, bad: Uint8Array, opts: ExposureOptions): { y: Float64Array; iterations: number; delta: number } {
  const n = degree.length;
  let y = new Float64Array(n);
  let next = new Float64Array(n);
  const share = new Float64Array(n);
  for (let v = 0; v < n; v++) y[v] = bad[v] ? 1 - opts.alpha : 0;
  let iterations = 0;
  let delta = Infinity;
  while (iterations < opts.maxIterations && delta >= opts.tolerance) {
    for (let u = 0; u < n; u++) share[u] = degree[u]! > 0 ? y[u]! / degree[u]! : 0;
    delta = 0;
    for (let v = 0; v < n; v++) {
      let acc = 0;
      for (let j = rows.offsets[v]!; j < rows.offsets[v + 1]!; j++) acc += share[rows.targets[j]!]! * rows.weights[j]!;
      const value = (bad[v] ? 1 - opts.alpha : 0) + opts.alpha * acc;
      next[v] = value;
      const d = Math.abs(value - y[v]!);
      if (d > delta) delta = d;
    }
    [y, next] = [next, y];
    iterations++;
  }
  return { y, iterations, delta };
}

/** Connected-component label per node (union–find with path halving). */
export function componentLabels(rows: CsrRows): Uint32Array {
  const n = rows.offsets.length - 1;
  const parent = new Uint32Array(n);
  for (let v = 0; v < n; v++) parent[v] = v;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let v = 0; v < n; v++) {
    for (let j = rows.offsets[v]!; j < rows.offsets[v + 1]!; j++) {
      const a = find(v);
      const b = find(rows.targets[j]!);
      if (a !== b) parent[a] = b;
    }
  }
  for (let v = 0; v < n; v++) parent[v] = find(v);
  return parent;
}

/** Zeroed scratch arrays of length n for selfPpr (left zeroed after each call). */
export interface PushScratch {
  readonly p: Float64Array;
  readonly r: Float64Array;
  readonly queued: Uint8Array;
}

export function createPushScratch(n: number): PushScratch {
  return { p: new Float64Array(n), r: new Float64Array(n), queued: new Uint8Array(n) };
}

/** PPR_s(s) by forward push. */
export function selfPpr(rows: CsrRows, degree: Float64Array, s: number, opts: ExposureOptions, scratch: PushScratch): number {
  const { p, r, queued } = scratch;
  const touched: number[] = [s];
  const queue: number[] = [s];
  queued[s] = 1;
  r[s] = 1;
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    queued[u] = 0;
    const ru = r[u]!;
    const du = degree[u]!;
    if (ru < opts.pushEpsilon * du || du === 0) continue;
    p[u]! += (1 - opts.alpha) * ru;
    r[u] = 0;
    const f = (opts.alpha * ru) / du;
    for (let j = rows.offsets[u]!; j < rows.offsets[u + 1]!; j++) {
      const v = rows.targets[j]!;
      if (r[v] === 0 && p[v] === 0) touched.push(v);
      r[v]! += f * rows.weights[j]!;
      if (!queued[v] && r[v]! >= opts.pushEpsilon * degree[v]!) {
        queued[v] = 1;
        queue.push(v);
      }
    }
  }
  const value = p[s]! + (degree[s] === 0 ? (1 - opts.alpha) * r[s]! : 0);
  for (const v of touched) {
    p[v] = 0;
    r[v] = 0;
  }
  return value;
}

/** Exposure of every entity given undirected weighted rows and the bad labels. */
export function exposure(rows: CsrRows, bad: Uint8Array, options: Partial<ExposureOptions> = {}): ExposureResult {
  const opts = { ...EXPOSURE_DEFAULTS, ...options };
  const degree = rowSums(rows);
  const n = degree.length;
  const { y, iterations, delta } = seededWalk(rows, degree, bad, opts);
  const comp = componentLabels(rows);
  const seedsIn = new Map<number, number>();
  for (let v = 0; v < n; v++) if (bad[v]) seedsIn.set(comp[v]!, (seedsIn.get(comp[v]!) ?? 0) + 1);
  const out = new Float64Array(n);
  const scratch = createPushScratch(n);
  for (let v = 0; v < n; v++) {
    if (!bad[v]) out[v] = y[v]!;
    else if ((seedsIn.get(comp[v]!) ?? 0) <= 1) out[v] = 0;
    else out[v] = Math.max(0, y[v]! - selfPpr(rows, degree, v, opts, scratch));
  }
  return { exposure: out, iterations, converged: delta < opts.tolerance };
}
