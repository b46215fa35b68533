import assert from 'node:assert/strict';
import { louvainCommunities } from '../../helpers/graphology-louvain.js';
import { createRng } from '../../../src/analytics/rng.js';
import { twoCliques, undirected } from './helpers.js';

describe('analytics/louvain', () => {
  it('splits two cliques joined by one edge into two communities', () => {
    const k = 5;
    const r = louvainCommunities(undirected(2 * k, twoCliques(k)), { resolution: 1, rng: createRng(1) });
    assert.equal(r.count, 2);
    for (let i = 1; i < k; i++) assert.equal(r.community[i], r.community[0]);
    for (let i = k + 1; i < 2 * k; i++) assert.equal(r.community[i], r.community[k]);
    assert.notEqual(r.community[0], r.community[k]);
    // modularity of the two-clique split: 1 − 2·(1/2)² minus the bridge's share
    const m = 2 * ((k * (k - 1)) / 2) + 1;
    const expected = 2 * (((k * (k - 1)) / 2 / m) - ((k * (k - 1) + 1) / (2 * m)) ** 2);
    assert.ok(Math.abs(r.modularity - expected) < 1e-9, `modularity ${r.modularity} vs ${expected}`);
  });

  it('puts isolated nodes in their own communities and is reproducible with a seed', () => {
    const rows = undirected(13, [...twoCliques(5), [10, 11]]); // node 12 has no edge
    const a = louvainCommunities(rows, { resolution: 1, rng: createRng(9) });
    const b = louvainCommunities(rows, { resolution: 1, rng: createRng(9) });
    assert.deepEqual([...a.community], [...b.community]);
    assert.equal(a.count, 4);
    assert.equal(new Set(a.community).size, 4);
    assert.equal(a.community[10], a.community[11]);
  });
});
