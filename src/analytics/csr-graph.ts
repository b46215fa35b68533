/**
 * Compressed sparse row (CSR) graphs in typed arrays: about 12 bytes an edge for each direction,
 * against ~335 bytes for a graphology graph. Parallel edges are merged (weights summed) and
 * self-loops dropped (paying oneself carries no network signal).
 *
 * Built with two stable counting sorts (by target, then by source: an LSD radix sort), so
 * construction is O(n + m) and each row's neighbours come out in ascending order.
 */

/** A weighted directed graph with both adjacency directions. Row i of `out*` lists i's successors. */
export interface CsrGraph {
  readonly n: number;
  readonly outOffsets: Uint32Array;
  readonly outTargets: Uint32Array;
  readonly outWeights: Float64Array;
  readonly inOffsets: Uint32Array;
  readonly inSources: Uint32Array;
  readonly inWeights: Float64Array;
  /** Sum of outgoing weights per node. */
  readonly outStrength: Float64Array;
}

/** One adjacency direction: `offsets` (n + 1), `targets` and `weights` (m). */
export interface CsrRows {
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
  readonly weights: Float64Array;
}

function countingOrder(keys: Uint32Array, n: number, order: Uint32Array): Uint32Array {
  // stable: equal keys keep their incoming order
  const counts = new Uint32Array(n + 1);
  for (let i = 0; i < order.length; i++) counts[(keys[order[i]!] as number) + 1]!++;
  for (let k = 0; k < n; k++) counts[k + 1]! += counts[k]!;
  const out = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const e = order[i]!;
    out[counts[keys[e]!]!++] = e;
  }
  return out;
}

/**
 * Where the finished arrays of a graph live: ordinary ArrayBuffers, or SharedArrayBuffers that the
 * analytics threads read together without copies.
 */
export type Memory = 'private' | 'shared';

function buffer(bytes: number, memory: Memory): ArrayBuffer | SharedArrayBuffer {
  return memory === 'shared' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

/** The first `k` entries of `a` in a new array of the same type in `memory`. */
export function copyInto<T extends Uint32Array | Float64Array>(a: T, k: number, memory: Memory): T {
  const out = (a instanceof Uint32Array ? new Uint32Array(buffer(4 * k, memory)) : new Float64Array(buffer(8 * k, memory))) as T;
  out.set(a.subarray(0, k));
  return out;
}

/** Rows of `src → dst` (sorted by src, then dst), merging duplicates and dropping self-loops. */
export function buildRows(n: number, src: Uint32Array, dst: Uint32Array, weight: Float64Array, memory: Memory = 'private'): CsrRows {
  const m = src.length;
  let order: Uint32Array = new Uint32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  order = countingOrder(dst, n, order);
  order = countingOrder(src, n, order);
  const offsets = new Uint32Array(n + 1);
  const targets = new Uint32Array(m);
  const weights = new Float64Array(m);
  let k = 0;
  let prevS = -1;
  let prevD = -1;
  for (let i = 0; i < m; i++) {
    const e = order[i]!;
    const s = src[e]!;
    const d = dst[e]!;
    if (s === d) continue;
    if (s === prevS && d === prevD) {
      weights[k - 1]! += weight[e]!;
      continue;
    }
    targets[k] = d;
    weights[k] = weight[e]!;
    offsets[s + 1]!++;
    k++;
    prevS = s;
    prevD = d;
  }
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  return { offsets: copyInto(offsets, n + 1, memory), targets: copyInto(targets, k, memory), weights: copyInto(weights, k, memory) };
}

/** A directed CSR graph (both directions) from edge arrays. */
export function buildCsrGraph(n: number, src: Uint32Array, dst: Uint32Array, weight: Float64Array, memory: Memory = 'private'): CsrGraph {
  const out = buildRows(n, src, dst, weight, memory);
  const inn = buildRows(n, dst, src, weight, memory);
  const outStrength = new Float64Array(buffer(8 * n, memory));
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let j = out.offsets[v]!; j < out.offsets[v + 1]!; j++) s += out.weights[j]!;
    outStrength[v] = s;
  }
  return {
    n,
    outOffsets: out.offsets,
    outTargets: out.targets,
    outWeights: out.weights,
    inOffsets: inn.offsets,
    inSources: inn.targets,
    inWeights: inn.weights,
    outStrength,
  };
}

/**
 * The undirected version of a set of edges: each pair {u, v} appears in both rows with the summed
 * weight of u→v and v→u. Row sums are the weighted degrees.
 */
export function buildUndirectedRows(n: number, src: Uint32Array, dst: Uint32Array, weight: Float64Array, memory: Memory = 'private'): CsrRows {
  const m = src.length;
  const s2 = new Uint32Array(2 * m);
  const d2 = new Uint32Array(2 * m);
  const w2 = new Float64Array(2 * m);
  s2.set(src);
  s2.set(dst, m);
  d2.set(dst);
  d2.set(src, m);
  w2.set(weight);
  w2.set(weight, m);
  return buildRows(n, s2, d2, w2, memory);
}

/** Row sums of a CSR (weighted degree or out-strength). */
export function rowSums(rows: CsrRows): Float64Array {
  const n = rows.offsets.length - 1;
  const out = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let j = rows.offsets[v]!; j < rows.offsets[v + 1]!; j++) s += rows.weights[j]!;
    out[v] = s;
  }
  return out;
}
