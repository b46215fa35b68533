/**
 * Test oracle: Louvain communities (Blondel, Guillaume, Lambiotte & Lefebvre, "Fast unfolding of communities in
 * large networks", J. Stat. Mech. 2008) of the undirected trading graph, delegated to
 * graphology-communities-louvain, which is as fast as igraph's. The graphology graph is built from
 * the undirected CSR rows (each pair once, summed weights) and dropped right after.
 */
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import type { CsrRows } from '../../src/analytics/csr-graph.js';

// The package is CommonJS (`module.exports = fn`) while its typings declare a default export.
type Louvain = typeof louvainModule.default;
const louvain: Louvain = 'detailed' in louvainModule ? (louvainModule as unknown as Louvain) : louvainModule.default;

export interface LouvainOptions {
  readonly resolution: number;
  readonly rng: () => number;
}

export interface CommunityResult {
  /** Community number per node, 0..count-1, numbered by first appearance in node order. */
  readonly community: Uint32Array;
  readonly count: number;
  /** Weighted modularity of the partition (graphology's value; 0 when the graph has no edges). */
  readonly modularity: number;
}

/** Louvain on undirected rows; isolated nodes are their own communities. */
export function louvainCommunities(rows: CsrRows, options: LouvainOptions): CommunityResult {
  const n = rows.offsets.length - 1;
  const graph = new UndirectedGraph<Record<string, never>, { weight: number }>();
  for (let v = 0; v < n; v++) graph.addNode(String(v));
  let edges = 0;
  for (let v = 0; v < n; v++) {
    for (let j = rows.offsets[v]!; j < rows.offsets[v + 1]!; j++) {
      const u = rows.targets[j]!;
      if (u > v && rows.weights[j]! > 0) {
        graph.addEdge(String(v), String(u), { weight: rows.weights[j]! });
        edges++;
      }
    }
  }
  const raw = new Float64Array(n);
  let modularity = 0;
  if (edges > 0) {
    const detailed = louvain.detailed(graph, { getEdgeWeight: 'weight', resolution: options.resolution, rng: options.rng });
    modularity = detailed.modularity;
    for (let v = 0; v < n; v++) raw[v] = detailed.communities[String(v)] ?? -1 - v;
  } else {
    for (let v = 0; v < n; v++) raw[v] = -1 - v;
  }
  graph.clear();
  return { ...renumber(raw), modularity };
}

/** Dense renumbering by first appearance, so community ids do not depend on the library's labels. */
function renumber(raw: Float64Array): { community: Uint32Array; count: number } {
  const map = new Map<number, number>();
  const community = new Uint32Array(raw.length);
  for (let v = 0; v < raw.length; v++) {
    let c = map.get(raw[v]!);
    if (c === undefined) {
      c = map.size;
      map.set(raw[v]!, c);
    }
    community[v] = c;
  }
  return { community, count: map.size };
}
