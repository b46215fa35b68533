import assert from 'node:assert/strict';
import { stronglyConnectedComponents, vertexDiameterBound } from '../../../src/analytics/vertex-diameter.js';
import { createRng } from '../../../src/analytics/rng.js';
import type { CsrGraph } from '../../../src/analytics/csr-graph.js';
import { directed } from './helpers.js';

/** The true vertex diameter: most nodes on any shortest path, by BFS from every node. */
function vertexDiameter(g: CsrGraph): number {
  let best = g.n > 0 ? 1 : 0;
  for (let s = 0; s < g.n; s++) {
    const dist = new Int32Array(g.n).fill(-1);
    const queue = [s];
    dist[s] = 0;
    for (let h = 0; h < queue.length; h++) {
      const v = queue[h]!;
      best = Math.max(best, dist[v]! + 1);
      for (let j = g.outOffsets[v]!; j < g.outOffsets[v + 1]!; j++) {
        const t = g.outTargets[j]!;
        if (dist[t] === -1) {
          dist[t] = dist[v]! + 1;
          queue.push(t);
        }
      }
    }
  }
  return best;
}

describe('analytics/vertex-diameter', () => {
  it('finds the strongly connected components in reverse topological order', () => {
    // {0,1,2} cycle → 3 → {4,5} cycle; 6 alone
    const g = directed(7, [[0, 1], [1, 2], [2, 0], [2, 3], [3, 4], [4, 5], [5, 4]]);
    const { comp, count } = stronglyConnectedComponents(g);
    assert.equal(count, 4);
    assert.equal(comp[0], comp[1]);
    assert.equal(comp[1], comp[2]);
    assert.equal(comp[4], comp[5]);
    assert.ok(comp[4]! < comp[3]! && comp[3]! < comp[0]!, 'an edge between components goes to a lower label');
  });

  it('is exact on a path and a cycle', () => {
    assert.equal(vertexDiameterBound(directed(5, [[0, 1], [1, 2], [2, 3], [3, 4]])), 5);
    assert.equal(vertexDiameterBound(directed(4, [[0, 1], [1, 2], [2, 3], [3, 0]])), 4);
  });

  it('never underestimates on random graphs', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rng = createRng(seed);
      const n = 80;
      const edges: number[][] = [];
      for (let i = 0; i < 160; i++) edges.push([Math.floor(rng() * n), Math.floor(rng() * n)]);
      const g = directed(n, edges);
      const truth = vertexDiameter(g);
      const bound = vertexDiameterBound(g);
      assert.ok(bound >= truth && bound <= n, `seed ${seed}: bound ${bound}, true ${truth}`);
    }
  });
});
