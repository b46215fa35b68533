import assert from 'node:assert/strict';
import { DirectedGraph } from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { betweenness } from '../../../src/analytics/betweenness.js';
import { createRng } from '../../../src/analytics/rng.js';
import { directed, near } from './helpers.js';

type GraphologyBetweenness = typeof betweennessModule.default;
// CommonJS module whose typings declare a default export
const graphologyBetweenness: GraphologyBetweenness = 'default' in betweennessModule ? betweennessModule.default : (betweennessModule as unknown as GraphologyBetweenness);

const exactOnly = { exactMaxNodes: 1e9, samples: 1, rng: createRng(1) };

describe('analytics/betweenness', () => {
  it('scores node i of a one-way path by i·(n−1−i) pairs, normalised by (n−1)(n−2)', () => {
    const n = 6;
    const r = betweenness(directed(n, Array.from({ length: n - 1 }, (_, i) => [i, i + 1])), exactOnly);
    assert.equal(r.exact, true);
    for (let i = 0; i < n; i++) near(r.scores[i]!, (i * (n - 1 - i)) / ((n - 1) * (n - 2)), 1e-12, `node ${i}`);
  });

  it('gives the centre of a two-way star 1 and the leaves 0', () => {
    const k = 5;
    const edges = Array.from({ length: k }, (_, i) => [[0, i + 1], [i + 1, 0]]).flat();
    const r = betweenness(directed(k + 1, edges), exactOnly);
    near(r.scores[0]!, 1, 1e-12, 'centre');
    for (let i = 1; i <= k; i++) near(r.scores[i]!, 0, 1e-12, 'leaf');
  });

  it('splits credit between equal shortest paths', () => {
    // 0 → {1, 2} → 3: each middle node lies on half of the two shortest paths 0 → 3
    const r = betweenness(directed(4, [[0, 1], [0, 2], [1, 3], [2, 3]]), exactOnly);
    near(r.scores[1]!, 0.5 / 6, 1e-12);
    near(r.scores[2]!, 0.5 / 6, 1e-12);
  });

  it('agrees with graphology-metrics (exact) and samples k sources above the threshold', () => {
    const rng = createRng(11);
    const n = 150;
    const graph = new DirectedGraph();
    for (let i = 0; i < n; i++) graph.addNode(String(i));
    const edges: number[][] = [];
    for (let i = 0; i < 600; i++) {
      const a = Math.floor(rng() * n);
      const b = Math.floor(rng() * n);
      if (a === b || graph.hasEdge(String(a), String(b))) continue;
      graph.addEdge(String(a), String(b));
      edges.push([a, b]);
    }
    const g = directed(n, edges);
    const ours = betweenness(g, exactOnly);
    const theirs = graphologyBetweenness(graph, { normalized: true });
    for (let i = 0; i < n; i++) near(ours.scores[i]!, theirs[String(i)]!, 1e-9, `node ${i}`);
    const sampled = betweenness(g, { exactMaxNodes: 100, samples: 40, rng: createRng(3) });
    assert.equal(sampled.exact, false);
    assert.equal(sampled.sources, 40);
    const sumExact = ours.scores.reduce((a, b) => a + b, 0);
    const sumSampled = sampled.scores.reduce((a, b) => a + b, 0);
    near(sumSampled / sumExact, 1, 0.35, 'sampled total relative to exact');
  });
});
