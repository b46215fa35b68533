/** Small builders shared by the analytics unit tests. */
import { EDGE_KIND, EdgeListBuilder, type EdgeKind, type EdgeList } from '../../../src/analytics/edge-list.js';
import { buildCsrGraph, buildUndirectedRows, type CsrGraph, type CsrRows } from '../../../src/analytics/csr-graph.js';

/** [src, dst, weight?] triples → typed arrays. */
export function arrays(edges: readonly (readonly number[])[]): { src: Uint32Array; dst: Uint32Array; w: Float64Array } {
  return {
    src: Uint32Array.from(edges.map((e) => e[0]!)),
    dst: Uint32Array.from(edges.map((e) => e[1]!)),
    w: Float64Array.from(edges.map((e) => e[2] ?? 1)),
  };
}

export function directed(n: number, edges: readonly (readonly number[])[]): CsrGraph {
  const { src, dst, w } = arrays(edges);
  return buildCsrGraph(n, src, dst, w);
}

export function undirected(n: number, edges: readonly (readonly number[])[]): CsrRows {
  const { src, dst, w } = arrays(edges);
  return buildUndirectedRows(n, src, dst, w);
}

/** An EdgeList of PAYS edges [src, dst, amountMinor, firstMs?, lastMs?]. */
export function paysEdges(edges: readonly (readonly number[])[], kind: EdgeKind = EDGE_KIND.pays): EdgeList {
  const b = new EdgeListBuilder(4);
  for (const e of edges) b.add({ src: e[0]!, dst: e[1]!, kind, amount: e[2] ?? 100, first: e[3], last: e[4] ?? e[3] });
  return b.finish();
}

/** Asserts two numbers are within `tol`. */
export function near(actual: number, expected: number, tol: number, what = 'value'): void {
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: ${actual} is not within ${tol} of ${expected}`);
}

/** Two cliques of `k` nodes (0..k-1 and k..2k-1) joined by the edge (k-1, k). */
export function twoCliques(k: number): number[][] {
  const edges: number[][] = [];
  for (const base of [0, k]) for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) edges.push([base + i, base + j]);
  edges.push([k - 1, k]);
  return edges;
}
