import assert from 'node:assert/strict';
import { exposure, componentLabels, EXPOSURE_DEFAULTS } from '../../../src/analytics/exposure.js';
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
    const r = exposure(undirected(2, [[0, 1]]), labels(2, [0]), { alpha, normError: 1e-10 });
    // y(1) = α·y(0), y(0) = (1−α) + α·y(1)  ⇒  y(1) = α(1−α)/(1−α²)
    near(r.exposure[1]!, (alpha * (1 - alpha)) / (1 - alpha * alpha), 1e-10);
    assert.equal(r.converged, true);
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
    const total = degree.reduce((a, b) => a + b, 0);
    const comp = componentLabels(rows);
    for (const v of badSet) {
      const without = exposure(rows, labels(n, badSet.filter((s) => s !== v)));
      const expected = without.exposure[v]!; // v is not a seed here, so this is Σ_{s≠v} PPR_s(v)
      // each run's stated bound, turned from exposureNorm units back into exposure
      const tol = ((r.errorBound * badSet.length + without.errorBound * (badSet.length - 1)) * degree[v]!) / total;
      near(r.exposure[v]!, expected, tol, `bad node ${v} (component ${comp[v]})`);
    }
  });
});

describe('analytics/exposure, degree-normalised', () => {
  it('divides exposure by the bad count times the degree share', () => {
    const rows = undirected(6, [[0, 1, 2], [1, 2], [2, 3, 5], [3, 4], [4, 5], [5, 0]]);
    const bad = labels(6, [0, 3]);
    const r = exposure(rows, bad);
    const degree = rowSums(rows);
    const total = degree.reduce((a, b) => a + b, 0);
    for (let v = 0; v < 6; v++) near(r.exposureNorm[v]!, (r.exposure[v]! * total) / (2 * degree[v]!), 1e-12, `node ${v}`);
    assert.ok(Number.isNaN(exposure(undirected(3, [[0, 1]]), labels(3, [0])).exposureNorm[2]!), 'no edges: undefined');
  });

  it('averages to 1 minus the self terms when weighted by degree share (mass conservation)', () => {
    const rng = createRng(8);
    const n = 80;
    const edges: number[][] = [];
    for (let i = 0; i < 79; i++) edges.push([i, i + 1, 1 + rng()]); // connected
    for (let i = 0; i < 200; i++) edges.push([Math.floor(rng() * n), Math.floor(rng() * n), 1 + 3 * rng()]);
    const rows = undirected(n, edges);
    const badSet = [2, 30, 31, 55, 70];
    const tight = exposure(rows, labels(n, badSet), { normError: 1e-8 });
    const degree = rowSums(rows);
    const total = degree.reduce((a, b) => a + b, 0);
    let mean = 0;
    for (let v = 0; v < n; v++) mean += (degree[v]! / total) * tight.exposureNorm[v]!;
    // Σ_v exposure(v) = Σ_s (1 − PPR_s(s)): the mass each seed leaves elsewhere
    let expected = 0;
    for (const s of badSet) {
      const alone = exposure(rows, labels(n, [s]), { normError: 1e-8 });
      expected += alone.exposure.reduce((a, b) => a + b, 0);
    }
    near(mean, expected / badSet.length, 1e-6, 'degree-weighted mean of exposureNorm');
  });

  it('does not rank a hub first for being a hub', () => {
    // hub 0 trades with everyone; bad entities spread evenly; 41 trades with two bad entities only
    const n = 42;
    const edges: number[][] = [];
    for (let v = 1; v <= 40; v++) edges.push([0, v, 1]);
    for (let v = 1; v < 40; v++) edges.push([v, v + 1, 1]);
    edges.push([41, 10, 1], [41, 30, 1]);
    const rows = undirected(n, edges);
    const r = exposure(rows, labels(n, [5, 10, 15, 20, 25, 30, 35, 40]));
    const byRaw = [...r.exposure.keys()].sort((a, b) => r.exposure[b]! - r.exposure[a]!);
    const byNorm = [...r.exposureNorm.keys()].sort((a, b) => r.exposureNorm[b]! - r.exposureNorm[a]!);
    assert.equal(byRaw[0], 0, 'raw exposure puts the hub first');
    assert.notEqual(byNorm[0], 0, 'the normalised form does not');
    assert.ok(r.exposureNorm[41]! > r.exposureNorm[0]!, 'a small entity among bad ones outranks the hub');
    near(r.errorBound, 1.1 * EXPOSURE_DEFAULTS.normError, 1e-12, 'stated bound: η plus the walk tolerance share');
  });
});
