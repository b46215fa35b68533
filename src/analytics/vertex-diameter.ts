/**
 * An upper bound on the vertex diameter of a directed graph — the largest number of nodes on any
 * shortest path — in O(n + m), as the sample size of sampled betweenness needs
 * (Riondato & Kornaropoulos, "Fast approximation of betweenness centrality through sampling",
 * WSDM 2014, §5: any upper bound keeps the guarantee; only ⌊log2(VD − 2)⌋ enters the sample size).
 *
 * Why it is a bound: a shortest path leaves each strongly connected component (SCC) at most once
 * (it cannot come back: that would make the two SCCs one), and its piece inside an SCC C is a
 * shortest path between two nodes of C that stays in C, so it has at most ecc_in(r) + ecc_out(r) hops
 * for any root r of C (d(a, b) ≤ d(a, r) + d(r, b), both measured inside C). Summing the pieces'
 * node counts along the longest chain of the condensation DAG bounds every shortest path.
 *
 * SCCs by an iterative Tarjan (R. Tarjan, "Depth-first search and linear graph algorithms",
 * SIAM J. Comput. 1972), which also yields them in reverse topological order for the chain DP.
 */
import type { CsrGraph } from './csr-graph.js';

/** SCC label per node (0..count-1, in reverse topological order of the condensation) and the count. */
export function stronglyConnectedComponents(g: CsrGraph): { comp: Int32Array; count: number } {
  const { n, outOffsets, outTargets } = g;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Uint32Array(n);
  let sp = 0;
  let next = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = outOffsets[root]!;
    index[root] = low[root] = next++;
    stack[sp++] = root;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const j = callEdge[depth]!;
      if (j < outOffsets[v + 1]!) {
        callEdge[depth] = j + 1;
        const w = outTargets[j]!;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack[sp++] = w;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = outOffsets[w]!;
        } else if (comp[w] === -1 && index[w]! < low[v]!) low[v] = index[w]!;
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp]!;
          comp[w] = count;
        } while (w !== v);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }
  return { comp, count };
}

/** Largest hop distance from `root` staying inside its SCC, over out-rows (forward) or in-rows. */
function eccentricityInside(
  offsets: Uint32Array,
  targets: Uint32Array,
  comp: Int32Array,
  root: number,
  dist: Int32Array,
  queue: Uint32Array,
): number {
  const c = comp[root]!;
  let head = 0;
  let tail = 0;
  queue[tail++] = root;
  dist[root] = 0;
  let ecc = 0;
  while (head < tail) {
    const v = queue[head++]!;
    const dv = dist[v]!;
    if (dv > ecc) ecc = dv;
    for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
      const w = targets[j]!;
      if (comp[w] === c && dist[w] === -1) {
        dist[w] = dv + 1;
        queue[tail++] = w;
      }
    }
  }
  for (let i = 0; i < tail; i++) dist[queue[i]!] = -1;
  return ecc;
}

/** An upper bound (≥ 1 for a non-empty graph, ≤ n) on the number of nodes of any shortest path of `g`. */
export function vertexDiameterBound(g: CsrGraph): number {
  const { n } = g;
  if (n === 0) return 0;
  const { comp, count } = stronglyConnectedComponents(g);
  const size = new Uint32Array(count);
  const root = new Int32Array(count).fill(-1);
  for (let v = 0; v < n; v++) {
    size[comp[v]!]!++;
    if (root[comp[v]!] === -1) root[comp[v]!] = v;
  }
  const dist = new Int32Array(n).fill(-1);
  const queue = new Uint32Array(n);
  const piece = new Float64Array(count); // most nodes a shortest path can have inside the SCC
  for (let c = 0; c < count; c++) {
    if (size[c] === 1) {
      piece[c] = 1;
      continue;
    }
    const r = root[c]!;
    const hops =
      eccentricityInside(g.outOffsets, g.outTargets, comp, r, dist, queue) +
      eccentricityInside(g.inOffsets, g.inSources, comp, r, dist, queue);
    piece[c] = Math.min(size[c]!, hops + 1);
  }
  // Tarjan numbers SCCs in reverse topological order: an edge c → d between SCCs has d < c
  const longest = new Float64Array(count);
  const members = new Uint32Array(n);
  const start = new Uint32Array(count + 1);
  for (let v = 0; v < n; v++) start[comp[v]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, count);
  for (let v = 0; v < n; v++) members[fill[comp[v]!]!++] = v;
  let best = 0;
  for (let c = 0; c < count; c++) {
    let after = 0;
    for (let i = start[c]!; i < start[c + 1]!; i++) {
      const v = members[i]!;
      for (let j = g.outOffsets[v]!; j < g.outOffsets[v + 1]!; j++) {
        const d = comp[g.outTargets[j]!]!;
        if (d !== c && longest[d]! > after) after = longest[d]!;
      }
    }
    longest[c] = piece[c]! + after;
    if (longest[c]! > best) best = longest[c]!;
  }
  return Math.min(n, best);
}
