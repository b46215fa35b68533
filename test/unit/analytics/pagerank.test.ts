import assert from 'node:assert/strict';
import { DirectedGraph } from 'graphology';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { pagerank } from '../../../src/analytics/pagerank.js';
import { createRng } from '../../../src/analytics/rng.js';
import { directed, near } from './helpers.js';

type GraphologyPagerank = typeof pagerankModule.default;
// CommonJS module whose typings declare a default export
const graphologyPagerank: GraphologyPagerank = 'default' in pagerankModule ? pagerankModule.default : (pagerankModule as unknown as GraphologyPagerank);

describe('analytics/pagerank', () => {
  it('gives every node of a directed cycle 1/n', () => {
    const n = 7;
    const r = pagerank(directed(n, Array.from({ length: n }, (_, i) => [i, (i + 1) % n])));
    assert.equal(r.converged, true);
    for (const x of r.scores) near(x, 1 / n, 1e-12);
  });

  it('matches the closed form of a star whose k leaves point at a dangling centre', () => {
    const k = 4;
    const alpha = 0.85;
    const r = pagerank(directed(k + 1, Array.from({ length: k }, (_, i) => [i + 1, 0])), { alpha });
    const leaf = 1 / (k + 1 + alpha * k); // L = (αC + 1 − α)/n with C = 1 − kL
    near(r.scores[0]!, 1 - k * leaf, 1e-9, 'centre');
    for (let i = 1; i <= k; i++) near(r.scores[i]!, leaf, 1e-9, 'leaf');
  });

  it('follows edge weights and respects a personalisation vector', () => {
    const g = directed(3, [[0, 1, 3], [0, 2, 1], [1, 0, 1], [2, 0, 1]]);
    const r = pagerank(g);
    assert.ok(r.scores[1]! > r.scores[2]!);
    const p = pagerank(g, { personalization: Float64Array.from([0, 0, 1]) });
    assert.ok(p.scores[2]! > r.scores[2]!);
    near([...p.scores].reduce((a, b) => a + b, 0), 1, 1e-9, 'sum');
  });

  it('agrees with graphology-metrics on a random weighted graph when both run to convergence', () => {
    const rng = createRng(7);
    const n = 200;
    const edges: number[][] = [];
    const graph = new DirectedGraph();
    for (let i = 0; i < n; i++) graph.addNode(String(i));
    for (let i = 0; i < 1000; i++) {
      const a = Math.floor(rng() * n);
      const b = Math.floor(rng() * n);
      if (a === b || graph.hasEdge(String(a), String(b))) continue;
      const w = 1 + Math.floor(rng() * 9);
      edges.push([a, b, w]);
      graph.addEdge(String(a), String(b), { weight: w });
    }
    const ours = pagerank(directed(n, edges), { tolerance: 1e-14 });
    const theirs = graphologyPagerank(graph, { getEdgeWeight: 'weight', tolerance: 1e-14, maxIterations: 10000 });
    for (let i = 0; i < n; i++) near(ours.scores[i]!, theirs[String(i)]!, 1e-9, `node ${i}`);
  });
});
