/**
 * Distance to the nearest bad entity: a multi-source breadth-first search from every bad entity over
 * the undirected trading graph (the rows used by Louvain and exposure: PAYS, SUPPLIES, RATED > 0),
 * up to `maxHops`. An entity's own label is excluded: a bad entity's distance is to the nearest OTHER
 * bad entity, so a label never feeds the signal that predicts it.
 *
 * Method: each node keeps the first two distinct sources that reach it (a "k nearest sources" BFS
 * with k = 2; Erwig, "The graph Voronoi diagram with applications", Networks 36, 2000, for k = 1).
 * Because the queue is FIFO, labels arrive in order of distance, so the two kept are the two
 * nearest bad entities (ties broken by visiting order, deterministic for a given CSR). A good node
 * uses its first label; a bad node, whose first label is itself, its second. The search costs
 * O(2·(n + m)) within the hop limit and 26 bytes a node (two slots of label, parent, distance, queue).
 */
import type { CsrRows } from './csr-graph.js';

export interface NearestBadOptions {
  /** Largest distance searched, in hops (1..255). */
  readonly maxHops: number;
}

export const NEAREST_BAD_DEFAULTS: NearestBadOptions = { maxHops: 3 };

/**
 * Labels of the search. Slot 2v and 2v + 1 are node v's first and second labels: the bad entity that
 * reached it (`source`, −1 when empty), the distance in hops and the previous node on the way back
 * (`parent`, −1 at the source). `chosen[v]` is the slot of v's answer, or −1 when none within reach.
 */
export interface NearestBadResult {
  readonly source: Int32Array;
  readonly parent: Int32Array;
  readonly dist: Uint8Array;
  readonly chosen: Int32Array;
}

/** Multi-source BFS from the bad entities (`bad[v]` = 1) over undirected rows. */
export function nearestBad(
  rows: CsrRows,
  bad: Uint8Array,
  options: Partial<NearestBadOptions> = {},
): NearestBadResult {
  const { maxHops } = { ...NEAREST_BAD_DEFAULTS, ...options };
  const n = rows.offsets.length - 1;
  const source = new Int32Array(2 * n).fill(-1);
  const parent = new Int32Array(2 * n).fill(-1);
  const dist = new Uint8Array(2 * n);
  const queue = new Uint32Array(2 * n);
  let tail = 0;
  for (let v = 0; v < n; v++) {
    if (!bad[v]) continue;
    source[2 * v] = v;
    queue[tail++] = 2 * v;
  }
  for (let head = 0; head < tail; head++) {
    const slot = queue[head]!;
    const d = dist[slot]!;
    if (d >= maxHops) continue;
    const s = source[slot]!;
    const u = slot >>> 1;
    for (let j = rows.offsets[u]!; j < rows.offsets[u + 1]!; j++) {
      const x = rows.targets[j]!;
      const a = 2 * x;
      if (source[a] === s || source[a + 1] === s) continue;
      const free = source[a] === -1 ? a : source[a + 1] === -1 ? a + 1 : -1;
      if (free === -1) continue;
      source[free] = s;
      parent[free] = u;
      dist[free] = d + 1;
      queue[tail++] = free;
    }
  }
  const chosen = new Int32Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    const slot = bad[v] ? 2 * v + 1 : 2 * v;
    if (source[slot] !== -1) chosen[v] = slot;
  }
  return { source, parent, dist, chosen };
}

/** Hops from v to its nearest other bad entity (1..maxHops), or 0 when none within reach. */
export function badHops(r: NearestBadResult, v: number): number {
  const slot = r.chosen[v]!;
  return slot === -1 ? 0 : r.dist[slot]!;
}

/** The path v → … → nearest other bad entity as node indices, or null when none within reach. */
export function pathToNearestBad(r: NearestBadResult, v: number): number[] | null {
  const slot = r.chosen[v]!;
  if (slot === -1) return null;
  const s = r.source[slot]!;
  const path = [v];
  let cur = slot;
  while (r.parent[cur]! !== -1) {
    const p = r.parent[cur]!;
    path.push(p);
    cur = r.source[2 * p] === s ? 2 * p : 2 * p + 1; // p passed s on, so one of its slots holds s
  }
  return path;
}
