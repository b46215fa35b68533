/**
 * Louvain communities over typed arrays (Blondel, Guillaume, Lambiotte & Lefebvre, "Fast unfolding
 * of communities in large networks", J. Stat. Mech. 2008, P10008), on the undirected weighted CSR
 * rows of the trading graph. No graphology graph is built: about 12 bytes a row entry plus a few
 * arrays of n, against ~335 bytes an edge for graphology-communities-louvain (kept as the reference
 * in the tests).
 *
 * Each level alternates the paper's two phases:
 * 1. local moving: nodes, visited in a seeded random order, move to the neighbouring community with
 *    the largest modularity gain  ΔQ ∝ k_i,C − γ·Σtot_C·k_i / 2m  (k_i,C: weight from i into C,
 *    Σtot_C: total degree of C, γ: resolution), until no node can gain by moving (only the
 *    neighbours of a node that moved are visited again: Traag 2015, see moveNodes);
 * 2. aggregation: each community becomes a node, its internal weight a self-loop.
 * Levels stop when a level moves no node or its modularity gain is below `minGain`.
 *
 * Modularity (weighted, with resolution): Q = Σ_c [ in_c / 2m − γ·(tot_c / 2m)² ].
 */

export interface LouvainCsrOptions {
  /** Resolution γ (> 0): larger values give more, smaller communities. */
  readonly resolution: number;
  /** Source of [0, 1) floats for the node order (seed it for reproducible runs). */
  readonly rng: () => number;
  /** Smallest modularity gain of a level worth another level. */
  readonly minGain?: number;
  /** Cap on local-moving passes per level. */
  readonly maxPasses?: number;
}

export interface CommunityResult {
  /** Community number per node, 0..count-1, numbered by first appearance in node order. */
  readonly community: Uint32Array;
  readonly count: number;
  /** Weighted modularity of the partition (0 when the graph has no positive weight). */
  readonly modularity: number;
}

/** One level's graph: symmetric rows plus a self-loop weight per node (counted as in the rows: twice). */
interface LevelGraph {
  readonly n: number;
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
  readonly weights: Float64Array;
  readonly loops: Float64Array;
}

interface Rows {
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
  readonly weights: Float64Array;
}

function degrees(g: LevelGraph): Float64Array {
  const k = new Float64Array(g.n);
  for (let v = 0; v < g.n; v++) {
    let s = g.loops[v]!;
    for (let j = g.offsets[v]!; j < g.offsets[v + 1]!; j++) s += g.weights[j]!;
    k[v] = s;
  }
  return k;
}

function shuffledOrder(n: number, rng: () => number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/**
 * Phase 1 on one level: moves nodes of `g` between communities until every node is where its best
 * gain is; returns how many moves were made. Nodes wait in a FIFO queue, first all of them in
 * `order`, and a move re-queues only the mover's neighbours outside its new community (the pruning
 * of V. A. Traag, "Faster unfolding of communities: speeding up the Louvain algorithm", Phys. Rev. E
 * 92, 2015, as in the Leiden algorithm's fast local move): the same stopping point as repeating
 * full passes until one moves nothing, without the late passes over nodes that cannot move.
 * `maxPasses`·n caps the node visits.
 */
function moveNodes(
  g: LevelGraph,
  k: Float64Array,
  twoM: number,
  gamma: number,
  comm: Uint32Array,
  order: Uint32Array,
  maxPasses: number,
): number {
  const n = g.n;
  const tot = new Float64Array(n);
  for (let v = 0; v < n; v++) tot[comm[v]!]! += k[v]!;
  const wTo = new Float64Array(n);
  const seen = new Uint8Array(n); // 1: the community is already in `touched` (reset after each node)
  const touched = new Uint32Array(n);
  const queue = new Uint32Array(n); // ring; each node at most once (inQueue)
  const inQueue = new Uint8Array(n).fill(1);
  queue.set(order);
  let head = 0;
  let size = n;
  let total = 0;
  let visits = 0;
  const maxVisits = maxPasses * n;
  while (size > 0 && visits < maxVisits) {
    const v = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    inQueue[v] = 0;
    visits++;
    const own = comm[v]!;
    const kv = k[v]!;
    let nt = 0;
    seen[own] = 1;
    touched[nt++] = own;
    for (let j = g.offsets[v]!; j < g.offsets[v + 1]!; j++) {
      const c = comm[g.targets[j]!]!;
      if (!seen[c]) {
        seen[c] = 1;
        touched[nt++] = c;
      }
      wTo[c]! += g.weights[j]!;
    }
    tot[own]! -= kv;
    const scale = (gamma * kv) / twoM;
    let best = own;
    let bestGain = wTo[own]! - scale * tot[own]!;
    for (let t = 1; t < nt; t++) {
      const c = touched[t]!;
      const gain = wTo[c]! - scale * tot[c]!;
      if (gain > bestGain + 1e-12 * kv) {
        best = c;
        bestGain = gain;
      }
    }
    tot[best]! += kv;
    for (let t = 0; t < nt; t++) {
      wTo[touched[t]!] = 0;
      seen[touched[t]!] = 0;
    }
    if (best === own) continue;
    comm[v] = best;
    total++;
    for (let j = g.offsets[v]!; j < g.offsets[v + 1]!; j++) {
      const u = g.targets[j]!;
      if (inQueue[u] || comm[u] === best) continue;
      inQueue[u] = 1;
      let tail = head + size;
      if (tail >= n) tail -= n;
      queue[tail] = u;
      size++;
    }
  }
  return total;
}

/** Dense renumbering of labels by first appearance; returns the count. */
function renumberInPlace(labels: Uint32Array, n: number): number {
  const map = new Int32Array(n).fill(-1);
  let count = 0;
  for (let v = 0; v < labels.length; v++) {
    const l = labels[v]!;
    if (map[l] === -1) map[l] = count++;
    labels[v] = map[l]!;
  }
  return count;
}

/** Phase 2: the graph of communities (`comm` dense 0..count-1), internal weight as self-loops. */
function aggregate(g: LevelGraph, comm: Uint32Array, count: number): LevelGraph {
  const start = new Uint32Array(count + 1);
  for (let v = 0; v < g.n; v++) start[comm[v]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const members = new Uint32Array(g.n);
  const fill = start.slice(0, count);
  for (let v = 0; v < g.n; v++) members[fill[comm[v]!]!++] = v;
  const offsets = new Uint32Array(count + 1);
  const loops = new Float64Array(count);
  const wTo = new Float64Array(count);
  const seen = new Int32Array(count).fill(-1);
  const touched = new Uint32Array(count);
  let targets: Uint32Array = new Uint32Array(Math.min(g.targets.length, 1024));
  let weights: Float64Array = new Float64Array(targets.length);
  let k = 0;
  for (let c = 0; c < count; c++) {
    let nt = 0;
    for (let i = start[c]!; i < start[c + 1]!; i++) {
      const v = members[i]!;
      loops[c]! += g.loops[v]!;
      for (let j = g.offsets[v]!; j < g.offsets[v + 1]!; j++) {
        const d = comm[g.targets[j]!]!;
        if (d === c) loops[c]! += g.weights[j]!;
        else {
          if (seen[d] !== c) {
            seen[d] = c;
            touched[nt++] = d;
          }
          wTo[d]! += g.weights[j]!;
        }
      }
    }
    if (k + nt > targets.length) [targets, weights] = grow(targets, weights, k + nt);
    for (let t = 0; t < nt; t++) {
      const d = touched[t]!;
      targets[k] = d;
      weights[k++] = wTo[d]!;
      wTo[d] = 0;
    }
    offsets[c + 1] = k;
  }
  return { n: count, offsets, targets: targets.slice(0, k), weights: weights.slice(0, k), loops };
}

function grow(t: Uint32Array, w: Float64Array, need: number): [Uint32Array, Float64Array] {
  const size = Math.max(need, t.length * 2);
  const t2 = new Uint32Array(size);
  const w2 = new Float64Array(size);
  t2.set(t);
  w2.set(w);
  return [t2, w2];
}

/** Modularity of `comm` (dense, `count` labels) on level graph `g`. */
function modularityOf(
  g: LevelGraph,
  k: Float64Array,
  twoM: number,
  gamma: number,
  comm: Uint32Array,
  count: number,
): number {
  const inner = new Float64Array(count);
  const tot = new Float64Array(count);
  for (let v = 0; v < g.n; v++) {
    const c = comm[v]!;
    tot[c]! += k[v]!;
    inner[c]! += g.loops[v]!;
    for (let j = g.offsets[v]!; j < g.offsets[v + 1]!; j++)
      if (comm[g.targets[j]!] === c) inner[c]! += g.weights[j]!;
  }
  let q = 0;
  for (let c = 0; c < count; c++) q += inner[c]! / twoM - gamma * (tot[c]! / twoM) ** 2;
  return q;
}

/** Louvain communities of undirected rows (each pair in both rows); isolated nodes stay alone. */
export function louvainCsr(rows: Rows, options: LouvainCsrOptions): CommunityResult {
  const n = rows.offsets.length - 1;
  const gamma = options.resolution;
  const minGain = options.minGain ?? 1e-7;
  const maxPasses = options.maxPasses ?? 100;
  let g: LevelGraph = {
    n,
    offsets: rows.offsets,
    targets: rows.targets,
    weights: rows.weights,
    loops: new Float64Array(n),
  };
  const k0 = degrees(g);
  const twoM = k0.reduce((a, b) => a + b, 0);
  const community = new Uint32Array(n);
  for (let v = 0; v < n; v++) community[v] = v;
  if (!(twoM > 0)) return { community, count: n, modularity: 0 };
  let k = k0;
  let q = modularityOf(g, k, twoM, gamma, community, n);
  for (;;) {
    const comm = new Uint32Array(g.n);
    for (let v = 0; v < g.n; v++) comm[v] = v;
    const moves = moveNodes(g, k, twoM, gamma, comm, shuffledOrder(g.n, options.rng), maxPasses);
    if (moves === 0) break;
    const count = renumberInPlace(comm, g.n);
    const next = modularityOf(g, k, twoM, gamma, comm, count);
    if (next < q) break; // a level never lowers modularity; guard against float noise
    for (let v = 0; v < n; v++) community[v] = comm[community[v]!]!;
    const gained = next - q;
    q = next;
    if (gained < minGain) break;
    g = aggregate(g, comm, count);
    k = degrees(g);
  }
  const count = renumberInPlace(community, n);
  return { community, count, modularity: q };
}
