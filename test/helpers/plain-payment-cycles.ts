/**
 * Test oracle: the plain depth-first search for payment cycles that src/analytics/payment-cycles.ts
 * replaced (no pruning, no closing-edge index); the fast search must return exactly its cycles.
 *
 * Payment rings (round-tripping): directed simple cycles of 2–4 PAYS edges whose activity overlaps
 * within a time window. Edge e is active over [first(e), last(e)]; a cycle qualifies when some
 * moment of each edge fits in `windowMs`, i.e. max(first) − min(last) ≤ windowMs.
 *
 * Enumeration: each cycle is found once, from its smallest node index s, by depth-first search over
 * nodes with larger indices (the rotation rule of Johnson's algorithm, D. B. Johnson, "Finding all
 * the elementary circuits of a directed graph", SIAM J. Comput. 1975, bounded to length 4). Hubs
 * with more than `maxDegree` out-edges are not expanded and at most `maxCycles` are returned
 * (`truncated` says so), which bounds the work on heavy-tailed graphs.
 */
import { EDGE_KIND, type EdgeList } from '../../src/analytics/edge-list.js';

import { CYCLE_DEFAULTS, type CycleOptions, type PaymentCycle } from '../../src/analytics/payment-cycles.js';

interface PaysAdjacency {
  readonly offsets: Uint32Array;
  readonly edge: Uint32Array;
}

function paysAdjacency(n: number, edges: EdgeList): PaysAdjacency {
  const offsets = new Uint32Array(n + 1);
  const ok = (i: number) => edges.kind[i] === EDGE_KIND.pays && edges.src[i] !== edges.dst[i];
  for (let i = 0; i < edges.length; i++) if (ok(i)) offsets[edges.src[i]! + 1]!++;
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, n);
  const edge = new Uint32Array(offsets[n]!);
  for (let i = 0; i < edges.length; i++) if (ok(i)) edge[fill[edges.src[i]!]!++] = i;
  return { offsets, edge };
}

/** Every qualifying cycle (up to the cap). */
export function plainPaymentCycles(n: number, edges: EdgeList, options: Partial<CycleOptions> = {}): { cycles: PaymentCycle[]; truncated: boolean } {
  const opts = { ...CYCLE_DEFAULTS, ...options };
  const adj = paysAdjacency(n, edges);
  const cycles: PaymentCycle[] = [];
  const path: number[] = [];
  const pathEdges: number[] = [];
  const expandable = (v: number) => adj.offsets[v + 1]! - adj.offsets[v]! <= opts.maxDegree;

  const record = (): void => {
    let maxFirst = -Infinity;
    let minLast = Infinity;
    let amount = 0;
    for (const e of pathEdges) {
      maxFirst = Math.max(maxFirst, edges.first[e]!);
      minLast = Math.min(minLast, edges.last[e]!);
      amount += edges.amount[e]!;
    }
    const spanMs = maxFirst - minLast;
    if (spanMs <= opts.windowMs) cycles.push({ members: [...path], amount, spanMs });
  };

  const extend = (s: number, v: number): void => {
    for (let j = adj.offsets[v]!; j < adj.offsets[v + 1]! && cycles.length < opts.maxCycles; j++) {
      const e = adj.edge[j]!;
      const t = edges.dst[e]!;
      if (t === s && path.length >= 2) {
        pathEdges.push(e);
        record();
        pathEdges.pop();
      } else if (t > s && path.length < 4 && !path.includes(t) && expandable(t)) {
        path.push(t);
        pathEdges.push(e);
        extend(s, t);
        path.pop();
        pathEdges.pop();
      }
    }
  };

  for (let s = 0; s < n && cycles.length < opts.maxCycles; s++) {
    if (!expandable(s)) continue;
    path.push(s);
    extend(s, s);
    path.pop();
  }
  return { cycles, truncated: cycles.length >= opts.maxCycles };
}
