import assert from 'node:assert/strict';
import { exposure, componentLabels } from '../../../src/analytics/exposure.js';
import { rowSums } from '../../../src/analytics/csr-graph.js';
import { createRng } from '../../../src/analytics/rng.js';
import { near, undirected } from './helpers.js';

const labels = (n: number, bad: number[]) => {
  const b = new Uint8Array(n);
  for (const v of bad) b[v] = 1;
  return b;
};

describe('analytics/exposure', () => {
  it('is zero for a bad entity whose only bad neighbour is itself', () => {
    // component {0,1,2}: 0 is the only bad one; component {3,4}: 4 bad
    const rows = undirected(5, [[0, 1], [1, 2], [3, 4]]);
    const r = exposure(rows, labels(5, [0, 4]));
    assert.equal(r.exposure[0], 0);
    assert.equal(r.exposure[4], 0);
    assert.ok(r.exposure[1]! > 0 && r.exposure[3]! > 0);
    assert.ok(r.exposure[1]! > r.exposure[2]!, 'closer to the bad seed means more exposure');
  });

  it('counts a neighbour by one step: exposure(v) = α(1−α)·w/d(seed) on a single edge', () => {
    const alpha = 0.85;
    const r = exposure(undirected(2, [[0, 1]]), labels(2, [0]), { alpha });
    // y(1) = α·y(0), y(0) = (1−α) + α·y(1)  ⇒  y(1) = α(1−α)/(1−α²)
    near(r.exposure[1]!, (alpha * (1 - alpha)) / (1 - alpha * alpha), 1e-10);
  });

  it('gives a bad entity exactly the mass of the OTHER bad seeds (checked by removing its label)', () => {
    const rng = createRng(5);
    const n = 60;
    const edges: number[][] = [];
    for (let i = 0; i < 180; i++) edges.push([Math.floor(rng() * n), Math.floor(rng() * n), 1 + rng() * 4]);
    const rows = undirected(n, edges);
    const badSet = [3, 10, 17, 40, 41];
    const r = exposure(rows, labels(n, badSet));
    const degree = rowSums(rows);
    const comp = componentLabels(rows);
    for (const v of badSet) {
      const others = labels(n, badSet.filter((s) => s !== v));
      const expected = exposure(rows, others).exposure[v]!; // v is not a seed here, so this is Σ_{s≠v} PPR_s(v)
      near(r.exposure[v]!, expected, 1e-5 * degree[v]! + 1e-9, `bad node ${v} (component ${comp[v]})`);
    }
  });
});
