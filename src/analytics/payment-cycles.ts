/**
 * Payment rings (round-tripping): directed simple cycles of 2–4 PAYS edges whose activity overlaps
 * within a time window. Edge e is active over [first(e), last(e)]; a cycle qualifies when some
 * moment of each edge fits in `windowMs`, i.e. max(first) − min(last) ≤ windowMs.
 *
 * Enumeration: each cycle is found once, from its smallest node index s, by depth-first search over
 * nodes with larger indices (the rotation rule of Johnson's algorithm, D. B. Johnson, "Finding all
 * the elementary circuits of a directed graph", SIAM J. Comput. 1975, bounded to length 4). Hubs
 * with more than `maxDegree` out-edges are not expanded and at most `maxCycles` are returned
 * (`truncated` says so), which bounds the work on heavy-tailed graphs.
 *
 * Cost: a partial path whose edges already span more than the window is dropped (adding edges only
 * raises max(first) and lowers min(last), so it can never qualify), edges with an unknown time are
 * never followed (such a cycle never qualifies), and the closing edge of a 4-node path is looked up
 * among s's incoming edges marked before the search from s instead of scanning the last node's
 * out-edges. The cycles and their order are those of the plain search; the work from one start is at
 * most maxDegree³ edge visits and, on activity spread over time, far less.
 */
import { EDGE_KIND, type EdgeList } from './edge-list.js';

export interface CycleOptions {
  readonly windowMs: number;
  readonly maxDegree: number;
  readonly maxCycles: number;
}

export const CYCLE_DEFAULTS: CycleOptions = { windowMs: 30 * 86_400_000, maxDegree: 200, maxCycles: 10_000 };

export interface PaymentCycle {
  /** Node indices in payment order; members[i] pays members[i + 1], the last pays the first. */
  readonly members: readonly number[];
  /** Sum of the cycle's PAYS totals, minor units. */
  readonly amount: number;
  /** max(first) − min(last), ms (≤ 0 when all edges were active at one moment). */
  readonly spanMs: number;
}

/** PAYS edges with known times, by payer (`out`) and by payee (`in`), each row in edge-index order. */
interface PaysAdjacency {
  readonly outOffsets: Uint32Array;
  readonly outEdges: Uint32Array;
  readonly inOffsets: Uint32Array;
  readonly inEdges: Uint32Array;
  /** PAYS out-degree (self-loops aside, times known or not): what `maxDegree` limits. */
  readonly outDegree: Uint32Array;
}

/** CSR rows of the kept edges by `key`; within a row, edges in the order of `order` (a permutation of edge indices). */
function rows(n: number, keep: Uint8Array, key: Uint32Array, order: Uint32Array): { offsets: Uint32Array; list: Uint32Array } {
  const offsets = new Uint32Array(n + 1);
  for (let k = 0; k < order.length; k++) if (keep[order[k]!]) offsets[key[order[k]!]! + 1]!++;
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, n);
  const list = new Uint32Array(offsets[n]!);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (keep[i]) list[fill[key[i]!]!++] = i;
  }
  return { offsets, list };
}

function paysAdjacency(n: number, edges: EdgeList): PaysAdjacency {
  const keep = new Uint8Array(edges.length);
  const outDegree = new Uint32Array(n);
  for (let i = 0; i < edges.length; i++) {
    if (edges.kind[i] !== EDGE_KIND.pays || edges.src[i] === edges.dst[i]) continue;
    outDegree[edges.src[i]!]!++;
    keep[i] = Number.isNaN(edges.first[i]!) || Number.isNaN(edges.last[i]!) ? 0 : 1;
  }
  const byIndex = new Uint32Array(edges.length);
  for (let i = 0; i < edges.length; i++) byIndex[i] = i;
  const out = rows(n, keep, edges.src, byIndex);
  // in-rows sorted by (payee, payer, edge index): a payer's edges into s sit together
  const inn = rows(n, keep, edges.dst, out.list);
  return { outOffsets: out.offsets, outEdges: out.list, inOffsets: inn.offsets, inEdges: inn.list, outDegree };
}

/** Search state from one start node. */
interface Search {
  readonly s: number;
  readonly path: Int32Array;
  readonly pathEdges: Int32Array;
  /** closing[v] − 1 is the position in s's in-row of v's first edge into s (0: none). */
  readonly closing: Uint32Array;
}

/** Every qualifying cycle (up to the cap). */
export function paymentCycles(n: number, edges: EdgeList, options: Partial<CycleOptions> = {}): { cycles: PaymentCycle[]; truncated: boolean } {
  const opts = { ...CYCLE_DEFAULTS, ...options };
  const adj = paysAdjacency(n, edges);
  const { first, last, dst, src } = edges;
  const cycles: PaymentCycle[] = [];
  const expandable = (v: number) => adj.outDegree[v]! <= opts.maxDegree;
  const st: Search = { s: 0, path: new Int32Array(4), pathEdges: new Int32Array(4), closing: new Uint32Array(n) };

  const record = (len: number, closeEdge: number, maxFirst: number, minLast: number): void => {
    const spanMs = Math.max(maxFirst, first[closeEdge]!) - Math.min(minLast, last[closeEdge]!);
    if (spanMs > opts.windowMs) return;
    let amount = 0;
    for (let i = 0; i < len - 1; i++) amount += edges.amount[st.pathEdges[i]!]!;
    amount += edges.amount[closeEdge]!;
    cycles.push({ members: Array.from(st.path.subarray(0, len)), amount, spanMs });
  };

  // path[0..len) is the current path (path[0] = s), v = path[len − 1]; maxFirst/minLast over its edges
  const extend = (s: number, len: number, maxFirst: number, minLast: number): void => {
    const v = st.path[len - 1]!;
    if (len === 4) {
      // only the closing edges v → s can follow: they sit together in s's in-row (sorted by edge index)
      const at = st.closing[v]!;
      if (at === 0) return;
      const end = adj.inOffsets[s + 1]!;
      for (let j = adj.inOffsets[s]! + at - 1; j < end && cycles.length < opts.maxCycles; j++) {
        const e = adj.inEdges[j]!;
        if (src[e] !== v) break;
        record(len, e, maxFirst, minLast);
      }
      return;
    }
    for (let j = adj.outOffsets[v]!; j < adj.outOffsets[v + 1]! && cycles.length < opts.maxCycles; j++) {
      const e = adj.outEdges[j]!;
      const t = dst[e]!;
      const f = first[e]! > maxFirst ? first[e]! : maxFirst;
      const l = last[e]! < minLast ? last[e]! : minLast;
      if (f - l > opts.windowMs) continue;
      if (t === s) {
        if (len >= 2) record(len, e, maxFirst, minLast);
      } else if (t > s && !onPath(st.path, len, t) && expandable(t)) {
        st.path[len] = t;
        st.pathEdges[len - 1] = e;
        extend(s, len + 1, f, l);
      }
    }
  };

  for (let s = 0; s < n && cycles.length < opts.maxCycles; s++) {
    if (!expandable(s)) continue;
    markClosing(adj, s, src, st.closing, 1);
    st.path[0] = s;
    extend(s, 1, -Infinity, Infinity);
    markClosing(adj, s, src, st.closing, 0);
  }
  return { cycles, truncated: cycles.length >= opts.maxCycles };
}

function onPath(path: Int32Array, len: number, t: number): boolean {
  for (let i = 0; i < len; i++) if (path[i] === t) return true;
  return false;
}

/** Marks (on = 1) or clears the payers of s: closing[u] = 1 + position of u's first edge in s's in-row. */
function markClosing(adj: PaysAdjacency, s: number, src: Uint32Array, closing: Uint32Array, on: number): void {
  const base = adj.inOffsets[s]!;
  for (let j = adj.inOffsets[s + 1]! - 1; j >= base; j--) {
    const u = src[adj.inEdges[j]!]!;
    closing[u] = on ? j - base + 1 : 0;
  }
}
