/**
 * Cross-check against networkx: on a seeded heavy-tailed directed graph of 1,000 nodes, weighted
 * PageRank and exact betweenness agree within 1e-6 with networkx's values, computed once by
 * scripts/oracles/make-networkx-fixture.ts and stored in test/fixtures/networkx-oracle.json (the file
 * names the networkx version). The test runs no Python.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pagerank } from '../../../src/analytics/pagerank.js';
import { betweenness } from '../../../src/analytics/betweenness.js';
import { createRng } from '../../../src/analytics/rng.js';
import { edgesDigest, randomHeavyTailedGraph } from '../../helpers/heavy-tailed-graph.js';
import { directed } from './helpers.js';

interface OracleFixture {
  readonly networkx: string;
  readonly graph: { readonly n: number; readonly m: number; readonly seed: number; readonly edgesSha256: string };
  readonly alpha: number;
  readonly tolerance: number;
  readonly pagerank: number[];
  readonly betweenness: number[];
}

const FIXTURE = JSON.parse(
  readFileSync(new URL('../../fixtures/networkx-oracle.json', import.meta.url), 'utf8'),
) as OracleFixture;

describe('analytics cross-check with networkx (stored oracle values)', () => {
  const { n, m, seed } = FIXTURE.graph;
  const edges = randomHeavyTailedGraph(n, m, seed);

  it('the fixture was computed on this very graph', () => {
    assert.equal(edgesDigest(edges), FIXTURE.graph.edgesSha256);
    assert.equal(FIXTURE.pagerank.length, n);
    assert.equal(FIXTURE.betweenness.length, n);
    assert.ok(Math.max(...FIXTURE.betweenness) > 0.01, 'the graph has non-trivial betweenness');
  });

  it(`PageRank and betweenness agree with networkx ${FIXTURE.networkx} within 1e-6 on 1,000 nodes`, () => {
    const g = directed(n, edges);
    const pr = pagerank(g, { alpha: FIXTURE.alpha, tolerance: FIXTURE.tolerance });
    const bc = betweenness(g, { exactMaxNodes: n, epsilon: 0.01, delta: 0.1, rng: createRng(1) });
    let maxPr = 0;
    let maxBc = 0;
    for (let i = 0; i < n; i++) {
      maxPr = Math.max(maxPr, Math.abs(pr.scores[i]! - FIXTURE.pagerank[i]!));
      maxBc = Math.max(maxBc, Math.abs(bc.scores[i]! - FIXTURE.betweenness[i]!));
    }
    assert.ok(maxPr <= 1e-6, `PageRank differs by up to ${maxPr}`);
    assert.ok(maxBc <= 1e-6, `betweenness differs by up to ${maxBc}`);
  });
});
