import assert from 'node:assert/strict';
import { buildCsrGraph, buildUndirectedRows, rowSums } from '../../../src/analytics/csr-graph.js';
import { arrays } from './helpers.js';

describe('analytics/csr-graph', () => {
  it('merges parallel edges, drops self-loops and sorts each row', () => {
    const { src, dst, w } = arrays([[0, 2, 1], [0, 1, 2], [0, 2, 3], [1, 1, 5], [2, 0, 1]]);
    const g = buildCsrGraph(3, src, dst, w);
    assert.deepEqual([...g.outOffsets], [0, 2, 2, 3]);
    assert.deepEqual([...g.outTargets], [1, 2, 0]);
    assert.deepEqual([...g.outWeights], [2, 4, 1]);
    assert.deepEqual([...g.inOffsets], [0, 1, 2, 3]);
    assert.deepEqual([...g.inSources], [2, 0, 0]);
    assert.deepEqual([...g.outStrength], [6, 0, 1]);
  });

  it('symmetrises into undirected rows with summed weights', () => {
    const { src, dst, w } = arrays([[0, 1, 2], [1, 0, 3], [1, 2, 1]]);
    const rows = buildUndirectedRows(3, src, dst, w);
    assert.deepEqual([...rows.targets], [1, 0, 2, 1]);
    assert.deepEqual([...rows.weights], [5, 5, 1, 1]);
    assert.deepEqual([...rowSums(rows)], [5, 6, 1]);
  });
});
