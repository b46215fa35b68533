/**
 * The self term of exposure: PPR_s(s), the walk mass a bad entity's own seed leaves on itself, by
 * local forward push (R. Andersen, F. Chung & K. Lang, "Local graph partitioning using PageRank
 * vectors", FOCS 2006) on the undirected weighted rows. Push at u while its residual r(u) ≥ ε·d(u);
 * then PPR_s(s) − p(s) = Σ_u r(u)·PPR_u(s) = d(s)·Σ_u (r(u)/d(u))·PPR_s(u) ≤ ε·d(s) (on an
 * undirected graph PPR_u(s)·d(u) = PPR_s(u)·d(s)), so the estimate is low by at most ε·d(s).
 *
 * Work per seed: each push at u retires (1 − α)·r(u) ≥ (1 − α)·ε·d(u) of the unit mass, so the
 * pushes of one seed visit row entries of total weight ≤ 1 / ((1 − α)·ε). exposure.ts picks ε in
 * proportion to (number of bad entities) / (total weighted degree), which makes the work of all the
 * seeds together at most 1 / ((1 − α)·η) weighted sweeps of the rows, whatever the number of seeds.
 *
 * Scratch is typed arrays of n reused across seeds (a FIFO ring and a touched list), so a seed
 * allocates nothing.
 */
import type { CsrRows } from './csr-graph.js';

/** Reusable scratch of length n (left clean after each seed). */
export interface PushScratch {
  readonly p: Float64Array;
  readonly r: Float64Array;
  readonly queued: Uint8Array;
  readonly ring: Uint32Array;
  readonly touched: Uint32Array;
  readonly mark: Uint8Array;
}

export function createPushScratch(n: number): PushScratch {
  return {
    p: new Float64Array(n),
    r: new Float64Array(n),
    queued: new Uint8Array(n),
    ring: new Uint32Array(Math.max(1, n)),
    touched: new Uint32Array(Math.max(1, n)),
    mark: new Uint8Array(n),
  };
}

/** PPR_s(s) (restart 1 − α) by forward push with threshold ε (estimate low by at most ε·d(s)). */
export function selfPpr(rows: CsrRows, degree: Float64Array, s: number, alpha: number, epsilon: number, scratch: PushScratch): number {
  const { p, r, queued, ring, touched, mark } = scratch;
  const { offsets, targets, weights } = rows;
  const n = ring.length;
  if (!(degree[s]! > 0)) return 1 - alpha; // no edge: the walk stays and restarts at s
  let nt = 0;
  let head = 0;
  let size = 1;
  ring[0] = s;
  queued[s] = 1;
  r[s] = 1;
  mark[s] = 1;
  touched[nt++] = s;
  while (size > 0) {
    const u = ring[head]!;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    queued[u] = 0;
    const ru = r[u]!;
    const du = degree[u]!;
    p[u]! += (1 - alpha) * ru;
    r[u] = 0;
    const f = (alpha * ru) / du;
    for (let j = offsets[u]!; j < offsets[u + 1]!; j++) {
      const v = targets[j]!;
      const rv = r[v]! + f * weights[j]!;
      r[v] = rv;
      if (!mark[v]) {
        mark[v] = 1;
        touched[nt++] = v;
      }
      if (!queued[v] && rv >= epsilon * degree[v]! && degree[v]! > 0) {
        queued[v] = 1;
        let tail = head + size;
        if (tail >= n) tail -= n;
        ring[tail] = v;
        size++;
      }
    }
  }
  const value = p[s]!;
  for (let i = 0; i < nt; i++) {
    const v = touched[i]!;
    p[v] = 0;
    r[v] = 0;
    mark[v] = 0;
  }
  return value;
}

/** PPR_s(s) of each seed of `seeds` (same order), all with threshold ε. */
export function selfTerms(rows: CsrRows, degree: Float64Array, seeds: Uint32Array, alpha: number, epsilon: number): Float64Array {
  const out = new Float64Array(seeds.length);
  const scratch = createPushScratch(degree.length);
  for (let i = 0; i < seeds.length; i++) out[i] = selfPpr(rows, degree, seeds[i]!, alpha, epsilon, scratch);
  return out;
}
