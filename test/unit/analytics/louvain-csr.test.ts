import assert from 'node:assert/strict';
import { louvainCsr } from '../../../src/analytics/louvain-csr.js';
import { louvainCommunities } from '../../helpers/graphology-louvain.js';
import { createRng } from '../../../src/analytics/rng.js';
import type { CsrRows } from '../../../src/analytics/csr-graph.js';
import { near, twoCliques, undirected } from './helpers.js';

/** Modularity straight from the definition, over the rows (each pair listed twice). */
function modularity(rows: CsrRows, community: Uint32Array, gamma = 1): number {
  const n = rows.offsets.length - 1;
  const inner = new Map<number, number>();
  const tot = new Map<number, number>();
  let twoM = 0;
  for (let v = 0; v < n; v++) {
    for (let j = rows.offsets[v]!; j < rows.offsets[v + 1]!; j++) {
      const w = rows.weights[j]!;
      const c = community[v]!;
      twoM += w;
      tot.set(c, (tot.get(c) ?? 0) + w);
      if (community[rows.targets[j]!] === c) inner.set(c, (inner.get(c) ?? 0) + w);
    }
  }
  let q = 0;
  for (const [c, t] of tot) q += (inner.get(c) ?? 0) / twoM - gamma * (t / twoM) ** 2;
  return q;
}

/** Erdős–Rényi-like graph with random weights in [1, 10). */
function randomGraph(n: number, m: number, seed: number): number[][] {
  const rng = createRng(seed);
  const edges: number[][] = [];
  for (let i = 0; i < m; i++) edges.push([Math.floor(rng() * n), Math.floor(rng() * n), 1 + 9 * rng()]);
  return edges;
}

/** `groups` planted groups of `size`: an edge inside a group with pIn, across with pOut. */
function plantedPartition(groups: number, size: number, pIn: number, pOut: number, seed: number): number[][] {
  const rng = createRng(seed);
  const n = groups * size;
  const edges: number[][] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const same = Math.floor(a / size) === Math.floor(b / size);
      if (rng() < (same ? pIn : pOut)) edges.push([a, b, 1 + rng()]);
    }
  }
  return edges;
}

describe('analytics/louvain-csr', () => {
  it('splits two cliques joined by one edge into two communities', () => {
    const k = 6;
    const r = louvainCsr(undirected(2 * k, twoCliques(k)), { resolution: 1, rng: createRng(1) });
    assert.equal(r.count, 2);
    for (let i = 1; i < k; i++) assert.equal(r.community[i], r.community[0]);
    for (let i = k + 1; i < 2 * k; i++) assert.equal(r.community[i], r.community[k]);
    assert.notEqual(r.community[0], r.community[k]);
  });

  it('reports the modularity of the partition it returns', () => {
    for (const seed of [1, 2, 3]) {
      const rows = undirected(300, randomGraph(300, 900, seed));
      const r = louvainCsr(rows, { resolution: 1, rng: createRng(seed) });
      near(r.modularity, modularity(rows, r.community), 1e-9, `modularity (seed ${seed})`);
      assert.equal(new Set(r.community).size, r.count);
    }
  });

  it('is at least as good as graphology-communities-louvain on random graphs (within 0.01)', () => {
    for (const seed of [11, 12, 13, 14]) {
      const rows = undirected(500, randomGraph(500, 2000, seed));
      const ours = louvainCsr(rows, { resolution: 1, rng: createRng(seed) });
      const ref = louvainCommunities(rows, { resolution: 1, rng: createRng(seed) });
      assert.ok(
        ours.modularity >= ref.modularity - 0.01,
        `seed ${seed}: ${ours.modularity} vs graphology ${ref.modularity}`,
      );
    }
  });

  it('recovers planted partitions as well as graphology (within 0.01)', () => {
    for (const seed of [21, 22, 23]) {
      const rows = undirected(200, plantedPartition(5, 40, 0.3, 0.01, seed));
      const ours = louvainCsr(rows, { resolution: 1, rng: createRng(seed) });
      const ref = louvainCommunities(rows, { resolution: 1, rng: createRng(seed) });
      assert.ok(
        ours.modularity >= ref.modularity - 0.01,
        `seed ${seed}: ${ours.modularity} vs graphology ${ref.modularity}`,
      );
      assert.equal(ours.count, 5, `seed ${seed}: ${ours.count} communities`);
      for (let g = 0; g < 5; g++) {
        const labels = new Set(Array.from({ length: 40 }, (_, i) => ours.community[g * 40 + i]));
        assert.equal(labels.size, 1, `planted group ${g} split`);
      }
    }
  });

  it('keeps isolated nodes alone, handles no edges, and is reproducible with a seed', () => {
    const rows = undirected(13, [...twoCliques(5), [10, 11]]); // node 12 has no edge
    const a = louvainCsr(rows, { resolution: 1, rng: createRng(9) });
    const b = louvainCsr(rows, { resolution: 1, rng: createRng(9) });
    assert.deepEqual([...a.community], [...b.community]);
    assert.equal(a.count, 4);
    assert.equal(a.community[10], a.community[11]);
    const empty = louvainCsr(undirected(3, []), { resolution: 1, rng: createRng(1) });
    assert.deepEqual([...empty.community], [0, 1, 2]);
    assert.equal(empty.modularity, 0);
  });

  it('gives more, smaller communities at a higher resolution', () => {
    const rows = undirected(200, plantedPartition(4, 50, 0.2, 0.02, 5));
    const low = louvainCsr(rows, { resolution: 0.5, rng: createRng(3) });
    const high = louvainCsr(rows, { resolution: 4, rng: createRng(3) });
    assert.ok(high.count > low.count, `${high.count} vs ${low.count}`);
    near(high.modularity, modularity(rows, high.community, 4), 1e-9, 'modularity at γ = 4');
  });
});
