/**
 * Exposure ("guilt by association"): personalised PageRank seeded on bad entities, on the undirected
 * trading graph (risk travels both ways along a relationship), with each entity's own label excluded,
 * and its degree-normalised form.
 *
 * Definition. With W(u,v) = w(u,v) / d(u) (d = weighted degree) and the random walk with restart
 *   PPR_s = (1 − α) Σ_k α^k (Wᵀ)^k e_s          (mass reaching a node without edges stops there),
 *   exposure(v) = Σ_{s ∈ Bad, s ≠ v} PPR_s(v).
 * For a good entity this is the total PPR mass from all bad seeds; for a bad one, the mass from the
 * OTHER bad seeds only, so an entity whose only bad neighbour is itself has exposure 0.
 *
 * Normalised form. exposureNorm(v) = exposure(v) / (|Bad|·π(v)) with π(v) = d(v) / Σ_u d(u), the
 * degree share — the stationary distribution of this very walk. Seeding every entity in proportion
 * to π returns π itself (π·W = π), so exposureNorm = 1 is what v would receive if the bad entities'
 * mass were spread over the whole graph in proportion to degree: > 1 means more exposed than its
 * connectedness alone explains. A hub is not alerted for being a hub. NaN for an entity without
 * weighted edges.
 *
 * Computation, O(m · iterations) plus a bounded push budget:
 * 1. y = Σ_s PPR_s by Gauss–Seidel sweeps of x(v) = y(v)/d(v) ← ((1 − α)·bad(v) + α·Σ_u w(u,v)·x(u)) / d(v)
 *    (a contraction by α in the max norm of x), stopped when the largest change of x is below τ, so
 *    |ŷ(v) − y(v)| ≤ α·τ/(1 − α)·d(v).
 * 2. exposure(v) = y(v) − PPR_v(v) for bad v: exactly 0 when v is the only bad entity of its connected
 *    component, else with the self term by forward push (exposure-self-term.ts) at threshold
 *    ε = η·|Bad| / Σd, which errs by at most ε·d(v).
 * So |exposureNorm error| ≤ η + α·τ·Σd / ((1 − α)·|Bad|) for every entity (`errorBound`); τ is set to
 * make the second term η/10. The pushes of all seeds together cost at most 1/((1 − α)·η) weighted
 * sweeps of the rows, independent of the number of bad entities (see exposure-self-term.ts).
 */
import type { CsrRows } from './csr-graph.js';
import { rowSums } from './csr-graph.js';
import { selfTerms } from './exposure-self-term.js';

export interface ExposureOptions {
  /** Continuation probability α of the walk (restart 1 − α). */
  readonly alpha: number;
  /** Bound η on the error of exposureNorm (the self-term push threshold and walk tolerance follow from it). */
  readonly normError: number;
  readonly maxIterations: number;
}

export const EXPOSURE_DEFAULTS: ExposureOptions = { alpha: 0.85, normError: 0.1, maxIterations: 1000 };

export interface ExposureResult {
  readonly exposure: Float64Array;
  /** exposure / (|Bad| · degree share); NaN without weighted edges or bad entities. */
  readonly exposureNorm: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** Bound on |exposureNorm − exact| of every entity (0 when no entity is bad). */
  readonly errorBound: number;
}

/** What the self terms need: the bad entities that share a component with another, and the threshold. */
export interface SelfTermPlan {
  readonly seeds: Uint32Array;
  readonly epsilon: number;
}

/** Gauss–Seidel for y = Σ_s PPR_s; returns y and how it stopped. */
function seededWalk(rows: CsrRows, degree: Float64Array, bad: Uint8Array, alpha: number, tau: number, maxIterations: number): { y: Float64Array; iterations: number; converged: boolean } {
  const n = degree.length;
  const { offsets, targets, weights } = rows;
  const x = new Float64Array(n); // y(v) / d(v)
  const restart = 1 - alpha;
  let iterations = 0;
  let delta = Infinity;
  while (iterations < maxIterations && !(delta < tau)) {
    delta = 0;
    for (let v = 0; v < n; v++) {
      const dv = degree[v]!;
      if (!(dv > 0)) continue;
      let acc = 0;
      for (let j = offsets[v]!; j < offsets[v + 1]!; j++) acc += weights[j]! * x[targets[j]!]!;
      const value = ((bad[v] ? restart : 0) + alpha * acc) / dv;
      const d = Math.abs(value - x[v]!);
      if (d > delta) delta = d;
      x[v] = value;
    }
    iterations++;
  }
  const y = new Float64Array(n);
  for (let v = 0; v < n; v++) y[v] = degree[v]! > 0 ? x[v]! * degree[v]! : bad[v] ? restart : 0;
  return { y, iterations, converged: delta < tau };
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

function badCount(bad: Uint8Array): number {
  let k = 0;
  for (let v = 0; v < bad.length; v++) k += bad[v] ? 1 : 0;
  return k;
}

/** The bad entities whose self term must be pushed, and ε = η·|Bad| / Σd. */
export function planSelfTerms(rows: CsrRows, degree: Float64Array, bad: Uint8Array, options: ExposureOptions): SelfTermPlan {
  const n = degree.length;
  const comp = componentLabels(rows);
  const inComp = new Uint32Array(n);
  for (let v = 0; v < n; v++) if (bad[v]) inComp[comp[v]!]!++;
  const list: number[] = [];
  for (let v = 0; v < n; v++) if (bad[v] && inComp[comp[v]!]! > 1 && degree[v]! > 0) list.push(v);
  let total = 0;
  for (let v = 0; v < n; v++) total += degree[v]!;
  return { seeds: Uint32Array.from(list), epsilon: total > 0 ? (options.normError * badCount(bad)) / total : 0 };
}

/** The walk part: y = Σ_s PPR_s, with the walk tolerance that matches η. */
export function exposureWalk(rows: CsrRows, degree: Float64Array, bad: Uint8Array, options: ExposureOptions): { y: Float64Array; iterations: number; converged: boolean; tau: number } {
  let total = 0;
  for (let v = 0; v < degree.length; v++) total += degree[v]!;
  const b = badCount(bad);
  const a = options.alpha;
  const tau = total > 0 && b > 0 ? ((options.normError / 10) * b * (1 - a)) / (a * total) : Infinity;
  return { ...seededWalk(rows, degree, bad, a, tau, options.maxIterations), tau };
}

/** Exposure and exposureNorm from the walk and the pushed self terms (`self[i]` is seed i's PPR_s(s)). */
export function finishExposure(
  degree: Float64Array,
  bad: Uint8Array,
  walk: { y: Float64Array; iterations: number; converged: boolean },
  plan: SelfTermPlan,
  self: Float64Array,
  options: ExposureOptions,
): ExposureResult {
  const n = degree.length;
  const out = new Float64Array(n);
  for (let v = 0; v < n; v++) out[v] = bad[v] ? 0 : walk.y[v]!; // a lone bad entity of its component: 0
  for (let i = 0; i < plan.seeds.length; i++) {
    const v = plan.seeds[i]!;
    out[v] = Math.max(0, walk.y[v]! - self[i]!);
  }
  let total = 0;
  for (let v = 0; v < n; v++) total += degree[v]!;
  const b = badCount(bad);
  const norm = new Float64Array(n);
  for (let v = 0; v < n; v++) norm[v] = degree[v]! > 0 && b > 0 ? (out[v]! * total) / (b * degree[v]!) : NaN;
  const errorBound = b > 0 ? options.normError * 1.1 : 0;
  return { exposure: out, exposureNorm: norm, iterations: walk.iterations, converged: walk.converged, errorBound };
}

/** Exposure of every entity given undirected weighted rows and the bad labels (in this thread). */
export function exposure(rows: CsrRows, bad: Uint8Array, options: Partial<ExposureOptions> = {}): ExposureResult {
  const opts = { ...EXPOSURE_DEFAULTS, ...options };
  const degree = rowSums(rows);
  const walk = exposureWalk(rows, degree, bad, opts);
  const plan = planSelfTerms(rows, degree, bad, opts);
  return finishExposure(degree, bad, walk, plan, selfTerms(rows, degree, plan.seeds, opts.alpha, plan.epsilon), opts);
}
